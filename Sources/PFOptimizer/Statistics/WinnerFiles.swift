import Foundation

/// The winner's equity curve and trade P&L, read back from the files of
/// its detailed re-run (`best/equity.csv`, `best/trades.csv`) so that the
/// statistics depend only on what is written in the results folder.
struct WinnerFiles {
    var time: [Int64] = []
    var equity: [Double] = []
    var pnl: [Double] = []

    init(directory: String) {
        if let rows = Self.table(directory + "/equity.csv"), let t = rows.column("time_ms"),
           let e = rows.column("equity")
        {
            for row in rows.rows where row.count > max(t, e) {
                guard let time = Int64(row[t]), let value = Double(row[e]) else { continue }
                self.time.append(time)
                equity.append(value)
            }
        }
        if let rows = Self.table(directory + "/trades.csv"), let p = rows.column("pnl") {
            for row in rows.rows where row.count > p {
                if let v = Double(row[p]) { pnl.append(v) }
            }
        }
    }

    struct Table {
        var header: [String]
        var rows: [[String]]
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
    }

    static func table(_ path: String) -> Table? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard !lines.isEmpty else { return nil }
        let header = CSVFormat.split(lines.removeFirst())
        return Table(header: header, rows: lines.map { line in
            line.contains("\"") ? CSVFormat.split(line) : line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        })
    }
}
