import Foundation

/// One TradingView indicator export (`Tests/Fixtures/tradingview/ta/*.csv`): OHLCV columns plus
/// one column per exported expression. `NaN` or empty cells are `na`.
struct TAFixture {
    let name: String
    let headers: [String]
    private let columns: [[String]]

    /// Columns that are bar data, not exported expressions.
    static let barColumns: Set<String> = [
        "time", "open", "high", "low", "close", "Volume", "volume",
    ]

    static func directory(_ folder: String) -> URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // TA
            .deletingLastPathComponent()  // PineEngineTests
            .deletingLastPathComponent()  // Tests
            .appendingPathComponent("Fixtures/tradingview/\(folder)")
    }

    /// Loads `Fixtures/tradingview/<folder>/<name>`.
    static func load(_ name: String, folder: String = "ta") throws -> TAFixture {
        let url = directory(folder).appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        var rows: [[String]] = []
        for line in text.split(whereSeparator: \.isNewline) where !line.isEmpty {
            rows.append(parseLine(String(line)))
        }
        guard let header = rows.first else { throw FixtureError.empty(name) }
        let headers = header.map { $0.replacingOccurrences(of: "&quot;", with: "\"") }
        var columns = [[String]](repeating: [], count: headers.count)
        for row in rows.dropFirst() {
            for i in 0..<headers.count {
                columns[i].append(i < row.count ? row[i] : "")
            }
        }
        return TAFixture(name: name, headers: headers, columns: columns)
    }

    /// Number of bars.
    var count: Int { columns.first?.count ?? 0 }

    /// A column as numbers (`na` as NaN; some exports write `na` as 1e+100).
    func series(_ header: String) throws -> [Double] {
        guard let i = headers.firstIndex(of: header) else {
            throw FixtureError.missingColumn(name, header)
        }
        return columns[i].map { cell in
            let t = cell.trimmingCharacters(in: .whitespaces)
            if t.isEmpty || t == "NaN" { return .nan }
            guard let value = Double(t), value < 1e100 else { return .nan }
            return value
        }
    }

    /// A column's raw text.
    func text(_ header: String) throws -> [String] {
        guard let i = headers.firstIndex(of: header) else {
            throw FixtureError.missingColumn(name, header)
        }
        return columns[i]
    }

    var open: [Double] { get throws { try series("open") } }
    var high: [Double] { get throws { try series("high") } }
    var low: [Double] { get throws { try series("low") } }
    var close: [Double] { get throws { try series("close") } }
    var volume: [Double] { get throws { try series(headers.contains("Volume") ? "Volume" : "volume") } }

    /// Exported expression columns (everything that is not bar data).
    var expressionHeaders: [String] { headers.filter { !Self.barColumns.contains($0) } }

    private static func parseLine(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        for ch in line {
            if ch == "\"" {
                quoted.toggle()
            } else if ch == "," && !quoted {
                fields.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        fields.append(current)
        return fields
    }

    /// Compares computed columns with the export: relative 1e-5 (absolute 1e-8), `na` exactly
    /// where TradingView has it. Returns one line per mismatching column (first bad rows), and
    /// complains about exported columns that were not computed.
    func mismatches(_ computed: [String: [Double]], skipping: Set<String> = []) -> [String] {
        var problems: [String] = []
        for header in expressionHeaders where !skipping.contains(header) {
            guard let actual = computed[header] else {
                problems.append("\(name): column \(header) not computed")
                continue
            }
            let expected: [Double]
            do {
                expected = try series(header)
            } catch {
                problems.append("\(name): column \(header) unreadable: \(error)")
                continue
            }
            if actual.count != expected.count {
                problems.append(
                    "\(name): \(header): \(actual.count) values for \(expected.count) rows")
                continue
            }
            var bad: [String] = []
            var badCount = 0
            for row in 0..<expected.count {
                let e = expected[row]
                let a = actual[row]
                if !Self.matches(expected: e, actual: a) {
                    badCount += 1
                    if bad.count < 4 { bad.append("row \(row): expected \(e), got \(a)") }
                }
            }
            if badCount > 0 {
                problems.append(
                    "\(name): \(header): \(badCount)/\(expected.count) rows differ; "
                        + bad.joined(separator: "; "))
            }
        }
        for header in computed.keys where !headers.contains(header) {
            problems.append("\(name): computed column \(header) is not in the export")
        }
        return problems
    }

    static func matches(expected e: Double, actual a: Double) -> Bool {
        if e.isNaN || a.isNaN { return e.isNaN && a.isNaN }
        let diff = abs(a - e)
        return diff <= 1e-8 || diff <= 1e-5 * abs(e)
    }
}

enum FixtureError: Error, CustomStringConvertible {
    case empty(String)
    case missingColumn(String, String)

    var description: String {
        switch self {
        case .empty(let name): return "fixture \(name) is empty"
        case .missingColumn(let name, let column): return "fixture \(name) has no column \(column)"
        }
    }
}
