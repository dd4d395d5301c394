/// Finds the time and price columns among header names (case-insensitive).
struct ColumnResolver {
    /// Lowercased, trimmed names.
    let names: [String]
    let file: String
    let headerText: String

    static let timeCandidates = ["timestamp", "time", "date", "datetime"]
    static let timeFallbacks = ["open_time", "opentime", "open time", "unix", "ts", "t", "date_time", "time_utc"]
    static let aliases: [String: [String]] = [
        "open": ["open", "o", "open_price"],
        "high": ["high", "h", "high_price"],
        "low": ["low", "l", "low_price"],
        "close": ["close", "c", "close_price"],
        "volume": ["volume", "vol", "v", "tick_volume", "tickvol", "base_volume"],
    ]

    init(names: [String], file: String) {
        self.names = names.map { $0.lowercased() }
        self.file = file
        self.headerText = names.joined(separator: ", ")
    }

    func index(of name: String) -> Int? {
        names.firstIndex(of: name.lowercased())
    }

    func require(_ name: String) throws -> Int {
        guard let i = index(of: name) else {
            throw ImportError.missingColumn(file: file, column: name, header: headerText)
        }
        return i
    }

    /// The column of a price role (`open`...`volume`), honouring a mapping.
    func price(_ role: String, mapping: [String: String], optional: Bool = false) throws -> Int? {
        if let mapped = mapping[role] { return try require(mapped) }
        for alias in ColumnResolver.aliases[role] ?? [role] {
            if let i = index(of: alias) { return i }
        }
        if optional { return nil }
        throw ImportError.missingColumn(file: file, column: role, header: headerText)
    }

    /// The time column(s): a single column, or separate date and time columns.
    func time(options: ImportOptions, firstRow: [String]) throws -> (Int, Int?) {
        if let date = options.dateColumn {
            let d = try require(date)
            let t = try options.timeColumn.map { try require($0) }
            return (d, t)
        }
        if let name = options.timestampColumn ?? options.mapping["timestamp"] ?? options.mapping["time"] {
            return (try require(name), nil)
        }
        guard let first = (ColumnResolver.timeCandidates + ColumnResolver.timeFallbacks).lazy.compactMap({ index(of: $0) }).first
        else {
            throw ImportError.missingColumn(file: file, column: "timestamp", header: headerText)
        }
        // Separate "date" and "time" columns (MetaTrader style): the time column holds only a clock time.
        if let d = index(of: "date"), let t = index(of: "time"), d != t, t < firstRow.count, d < firstRow.count {
            let timeCell = firstRow[t]
            let dateCell = firstRow[d]
            if timeCell.contains(":") && !timeCell.contains("-") && !timeCell.contains("/") && !dateCell.contains(":") {
                return (d, t)
            }
        }
        return (first, nil)
    }
}
