import Foundation
import PFData
import PineEngine

/// Joins the out-of-sample trades and equity of every fold into one
/// continuous record.
///
/// Each fold's out-of-sample run is read back from the `trades.csv` and
/// `equity.csv` its detailed run wrote. The stitched equity starts at the
/// first fold's equity when its window opens; each later fold adds its own
/// equity change to where the previous fold ended (profits are added, not
/// compounded), so the curve has no jumps at fold boundaries.
struct OOSStitcher {
    struct EquityPoint: Equatable {
        var time: Int64
        var equity: Double
        var openProfit: Double
        var fold: Int
    }

    /// A fold's detailed out-of-sample output.
    struct FoldOutput {
        var fold: Fold
        var tradesHeader: [String]
        var trades: [[String]]
        var equity: [(time: Int64, equity: Double, openProfit: Double)]
    }

    private(set) var tradesHeader: [String] = []
    private(set) var trades: [[String]] = []
    /// The P&L of each stitched trade.
    private(set) var tradePnl: [Double] = []
    /// The stitched trades as the engine's trade records (for the metrics).
    private(set) var closedTrades: [ClosedTrade] = []
    private(set) var equity: [EquityPoint] = []
    /// The equity the stitched curve starts from.
    private(set) var initialEquity: Double = .nan
    private var carry: Double = .nan

    /// Adds the next fold (in time order).
    mutating func add(_ out: FoldOutput) {
        let f = out.fold
        if tradesHeader.isEmpty { tradesHeader = ["fold"] + out.tradesHeader }
        let entry = out.tradesHeader.firstIndex(of: "entry_time_ms") ?? out.tradesHeader.firstIndex(of: "entry_time")
        let pnl = out.tradesHeader.firstIndex(of: "pnl")
        let number = out.tradesHeader.firstIndex(of: "trade")
        for row in out.trades {
            if let entry, entry < row.count, let t = Int64(row[entry]),
               t < f.outOfSampleStart || t >= f.outOfSampleEnd { continue }
            var cells = row
            if let number, number < cells.count { cells[number] = String(trades.count + 1) }
            trades.append([String(f.number)] + cells)
            tradePnl.append(pnl.flatMap { $0 < row.count ? Double(row[$0]) : nil } ?? .nan)
            closedTrades.append(Self.closedTrade(row, header: out.tradesHeader))
        }
        let window = out.equity.filter { $0.time >= f.outOfSampleStart && $0.time < f.outOfSampleEnd }
        guard let first = window.first else { return }
        // The fold's equity when its window opens: the last point before it, else the first in it.
        let base = out.equity.last(where: { $0.time < f.outOfSampleStart })?.equity ?? first.equity
        if carry.isNaN {
            carry = base
            initialEquity = base
        }
        let offset = carry - base
        for p in window {
            equity.append(EquityPoint(time: p.time, equity: p.equity + offset, openProfit: p.openProfit, fold: f.number))
        }
        if let last = equity.last { carry = last.equity }
    }

    /// Reads one trades.csv row into a trade record (missing columns: 0 / empty).
    static func closedTrade(_ row: [String], header: [String]) -> ClosedTrade {
        func cell(_ name: String) -> String? {
            guard let i = header.firstIndex(of: name), i < row.count else { return nil }
            return row[i]
        }
        func number(_ name: String) -> Double { cell(name).flatMap(Double.init) ?? 0 }
        func time(_ name: String) -> Int64 { (cell(name + "_ms") ?? cell(name)).flatMap { Int64($0) } ?? 0 }
        return ClosedTrade(
            direction: cell("direction")?.lowercased() == "short" ? .short : .long, entryId: cell("entry_id") ?? "",
            exitId: cell("exit_id") ?? "", entryComment: cell("entry_comment"), exitComment: cell("exit_comment"),
            entryTime: time("entry_time"), exitTime: time("exit_time"), entryPrice: number("entry_price"),
            exitPrice: number("exit_price"), entryBar: Int(number("entry_bar")), exitBar: Int(number("exit_bar")),
            qty: number("qty"), pnl: number("pnl"), pnlPercent: number("pnl_pct"), commission: number("commission"),
            maxRunup: number("max_runup"), maxDrawdown: number("max_drawdown"))
    }

    /// The stitched equity as the engine's curve; a bar is in the market when
    /// a stitched trade is open at its close (entry <= time < exit).
    var curve: EquityCurve {
        var c = EquityCurve()
        c.time = equity.map(\.time)
        c.equity = equity.map(\.equity)
        c.openProfit = equity.map(\.openProfit)
        var marks = [Int](repeating: 0, count: equity.count + 1)
        for t in closedTrades {
            let a = WindowLength.firstIndex(atOrAfter: t.entryTime, in: c.time)
            let b = WindowLength.firstIndex(atOrAfter: t.exitTime, in: c.time)
            if a < b {
                marks[a] += 1
                marks[b] -= 1
            }
        }
        var open = 0
        c.inMarket = (0..<equity.count).map { i in
            open += marks[i]
            return open > 0
        }
        return c
    }

    var tradesCSV: String {
        var out = tradesHeader.map(CSVFormat.text).joined(separator: ",") + "\n"
        for row in trades { out += row.map(CSVFormat.text).joined(separator: ",") + "\n" }
        return out
    }

    var equityCSV: String {
        var out = "time,equity,open_profit,fold,time_ms\n"
        for p in equity {
            out += UTCCalendar.isoString(milliseconds: p.time)
            out += ",\(CSVFormat.number(p.equity)),\(CSVFormat.number(p.openProfit)),\(p.fold),\(p.time)\n"
        }
        return out
    }

    /// Reads a detailed run's trades.csv and equity.csv.
    static func read(fold: Fold, directory: String) throws(SweepError) -> FoldOutput {
        let tradesText = try text(directory + "/trades.csv")
        let equityText = try text(directory + "/equity.csv")
        var tradeLines = tradesText.split(whereSeparator: \.isNewline)
        guard !tradeLines.isEmpty else { throw .io(path: directory + "/trades.csv", reason: "the file is empty") }
        let header = CSVFormat.split(tradeLines.removeFirst())
        let rows = tradeLines.map { CSVFormat.split($0) }
        var equityLines = equityText.split(whereSeparator: \.isNewline)
        guard !equityLines.isEmpty else { throw .io(path: directory + "/equity.csv", reason: "the file is empty") }
        let eh = CSVFormat.split(equityLines.removeFirst())
        guard let ti = eh.firstIndex(of: "time_ms") ?? eh.firstIndex(of: "time"), let ei = eh.firstIndex(of: "equity")
        else { throw .io(path: directory + "/equity.csv", reason: "expected columns time and equity") }
        let oi = eh.firstIndex(of: "open_profit")
        var points: [(time: Int64, equity: Double, openProfit: Double)] = []
        points.reserveCapacity(equityLines.count)
        for line in equityLines {
            let c = CSVFormat.split(line)
            guard ti < c.count, ei < c.count, let t = Int64(c[ti]), let e = Double(c[ei]) else { continue }
            let o = oi.flatMap { $0 < c.count ? Double(c[$0]) : nil } ?? 0
            points.append((t, e, o))
        }
        return FoldOutput(fold: fold, tradesHeader: header, trades: rows, equity: points)
    }

    private static func text(_ path: String) throws(SweepError) -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .io(path: path, reason: "cannot read the out-of-sample detail: \((error as NSError).localizedDescription)")
        }
    }
}
