/// How to read a CSV, TXT or JSON data file (all optional: columns and time
/// formats are detected).
public struct ImportOptions: Sendable, Equatable {
    /// Timezone of naive times (IANA name or offset); `nil` is UTC.
    public var timezone: String?
    /// The time column's name (case-insensitive); detected when `nil`.
    public var timestampColumn: String?
    /// Separate date and time columns, combined into one time.
    public var dateColumn: String?
    public var timeColumn: String?
    /// An explicit time format (`%Y-%m-%d %H:%M:%S`, `%d.%m.%Y %H:%M`, ...);
    /// supports `%Y %y %m %d %H %I %M %S %f %p %z %b` and literal text.
    public var timestampFormat: String?
    /// Field separator; detected from the header when `nil` (`,` tab `;` `|`).
    public var delimiter: Character?
    /// Field names for JSON (or columns for CSV) by role: keys `open`, `high`,
    /// `low`, `close`, `volume`, `timestamp`.
    public var mapping: [String: String]

    public init(
        timezone: String? = nil, timestampColumn: String? = nil, dateColumn: String? = nil,
        timeColumn: String? = nil, timestampFormat: String? = nil, delimiter: Character? = nil,
        mapping: [String: String] = [:]
    ) {
        self.timezone = timezone
        self.timestampColumn = timestampColumn
        self.dateColumn = dateColumn
        self.timeColumn = timeColumn
        self.timestampFormat = timestampFormat
        self.delimiter = delimiter
        self.mapping = mapping
    }
}
