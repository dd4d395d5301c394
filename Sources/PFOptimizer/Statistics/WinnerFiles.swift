import Foundation

/// The winner's equity curve and trade P&L, read back from the files of
/// its detailed re-run (`best/equity.csv`, `best/trades.csv`) so that the
/// statistics depend only on what is written in the results folder.
struct WinnerFiles {
    var time: [Int64] = []
    var equity: [Double] = []
    var pnl: [Double] = []

    init(directory: String) {
        if let table = CSVColumns(path: directory + "/equity.csv", columns: ["time_ms", "equity"]) {
            time.reserveCapacity(table.rows.count)
            equity.reserveCapacity(table.rows.count)
            for row in table.rows {
                guard let t = Int64(row[0]), let e = Double(row[1]) else { continue }
                time.append(t)
                equity.append(e)
            }
        }
        if let table = CSVColumns(path: directory + "/trades.csv", columns: ["pnl"]) {
            pnl = table.rows.compactMap { Double($0[0]) }
        }
    }
}
