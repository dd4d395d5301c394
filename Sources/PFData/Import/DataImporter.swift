/// Reads bar files in any supported text format into a ``BarStore``: CSV, TSV/TXT (tab, `;` or `|`) and
/// JSON, with detected columns and time formats.
public enum DataImporter {
    /// The formats the importer reads, chosen by file extension.
    public enum Format: String, Sendable, CaseIterable {
        case csv, txt, tsv, json
    }

    /// The format of a path by extension, or `nil` when it is not an importable file.
    public static func format(ofPath path: String) -> Format? {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return Format(rawValue: ext)
    }

    /// Imports a CSV/TSV/TXT/JSON file (by extension).
    public static func load(path: String, options: ImportOptions = ImportOptions()) throws -> BarStore {
        switch format(ofPath: path) {
        case .json: return try JSONImporter.load(path: path, options: options)
        case .csv, .txt, .tsv: return try DelimitedImporter.load(path: path, options: options)
        case nil:
            throw ImportError.unsupported(file: path, reason: "unknown data format: use .csv, .tsv, .txt, .json or .ohlcv")
        }
    }

    /// Imports a CSV file.
    public static func loadCSV(path: String, options: ImportOptions = ImportOptions()) throws -> BarStore {
        try DelimitedImporter.load(path: path, options: options)
    }

    /// Imports a TXT/TSV file (tab, `;`, `|` or `,` separated).
    public static func loadTXT(path: String, options: ImportOptions = ImportOptions()) throws -> BarStore {
        try DelimitedImporter.load(path: path, options: options)
    }

    /// Imports a JSON file.
    public static func loadJSON(path: String, options: ImportOptions = ImportOptions()) throws -> BarStore {
        try JSONImporter.load(path: path, options: options)
    }
}

extension OHLCVWriter {
    /// Imports a CSV file and appends its bars.
    public func importCSV(path: String, options: ImportOptions = ImportOptions()) throws {
        try append(DataImporter.loadCSV(path: path, options: options))
    }

    /// Imports a TXT/TSV file and appends its bars.
    public func importTXT(path: String, options: ImportOptions = ImportOptions()) throws {
        try append(DataImporter.loadTXT(path: path, options: options))
    }

    /// Imports a JSON file and appends its bars.
    public func importJSON(path: String, options: ImportOptions = ImportOptions()) throws {
        try append(DataImporter.loadJSON(path: path, options: options))
    }
}
