/// One trade of a TradingView "List of trades" export (its entry and exit rows).
struct TVListTrade: Sendable, Equatable {
    var number: Int
    var isLong: Bool
    var entryTime: Int64
    var entrySignal: String
    var entryPrice: Double
    var exitTime: Int64
    var exitSignal: String
    var exitPrice: Double
    var qty: Double
    /// The "Net P&L %" column.
    var pnlPercent: Double
    /// The "Net P&L <currency>" column (money, rounded as TradingView shows it).
    var pnl: Double = .nan
}

/// A parsed export: the closed trades in order, and the trade still open at
/// its end (exit row marked "Open" or without a signal), if any.
struct TVTradeList: Sendable {
    var closed: [TVListTrade]
    var open: TVListTrade?

    enum ParseError: Error, CustomStringConvertible {
        case missingColumn(String)
        case badRow(Int, String)
        case incompleteTrade(Int)

        var description: String {
            switch self {
            case .missingColumn(let c): return "the export has no column '\(c)'"
            case .badRow(let line, let text): return "line \(line) is not a trade row: \(text)"
            case .incompleteTrade(let n): return "trade #\(n) lacks its entry or exit row"
            }
        }
    }

    /// Parses TradingView's CSV: `Trade #, Type, Date/Time, Signal, Price <ccy>,
    /// Position size (qty), ..., Net P&L %, ...`. A row repeated verbatim
    /// (same trade number and type) is read once.
    init(csv text: String) throws {
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard !lines.isEmpty else { throw ParseError.missingColumn("Trade #") }
        let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        func column(_ prefix: String) throws -> Int {
            guard let i = header.firstIndex(where: { $0.hasPrefix(prefix) }) else { throw ParseError.missingColumn(prefix) }
            return i
        }
        let cNumber = try column("Trade #")
        let cType = try column("Type")
        let cTime = try column("Date/Time")
        let cSignal = try column("Signal")
        let cPrice = try column("Price")
        let cQty = try column("Position size (qty)")
        let cPnlPct = try column("Net P&L %")
        let cPnl = header.firstIndex { $0.hasPrefix("Net P&L ") && !$0.hasSuffix("%") }

        var entries: [Int: TVListTrade] = [:]
        var exits: [Int: (time: Int64, signal: String, price: Double)] = [:]
        for (offset, line) in lines.enumerated() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let width = max(cNumber, cType, cTime, cSignal, cPrice, cQty, cPnlPct)
            guard f.count > width, let n = Int(f[cNumber]), let time = TVExportTime.unixMs(f[cTime]),
                let price = Double(f[cPrice])
            else { throw ParseError.badRow(offset + 2, line) }
            let type = f[cType].lowercased()
            if type.hasPrefix("entry") {
                guard entries[n] == nil else { continue }
                entries[n] = TVListTrade(
                    number: n, isLong: type.hasSuffix("long"), entryTime: time, entrySignal: f[cSignal],
                    entryPrice: price, exitTime: 0, exitSignal: "", exitPrice: .nan, qty: Double(f[cQty]) ?? .nan,
                    pnlPercent: Double(f[cPnlPct]) ?? .nan, pnl: cPnl.flatMap { Double(f[$0]) } ?? .nan)
            } else if type.hasPrefix("exit") {
                if exits[n] == nil { exits[n] = (time, f[cSignal], price) }
            } else {
                throw ParseError.badRow(offset + 2, line)
            }
        }
        var closed: [TVListTrade] = []
        var open: TVListTrade?
        for n in entries.keys.sorted() {
            guard var trade = entries[n], let exit = exits[n] else { throw ParseError.incompleteTrade(n) }
            trade.exitTime = exit.time
            trade.exitSignal = exit.signal
            trade.exitPrice = exit.price
            if exit.signal.isEmpty || exit.signal == "Open" {
                open = trade
            } else {
                closed.append(trade)
            }
        }
        self.closed = closed
        self.open = open
    }
}
