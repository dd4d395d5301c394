import Foundation
import TOMLKit

extension SymbolInfo {
    /// The symbol file that belongs to a data file: same folder and stem, `.toml`.
    public static func tomlPath(forDataFile path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingPathExtension().appendingPathExtension("toml").path
    }

    /// Loads a symbol TOML file. Every key is checked: an unknown key, a
    /// missing required key or a value of the wrong kind is an error naming it.
    public static func load(path: String) throws -> SymbolInfo {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw SymbolInfoError.io(file: path, reason: "cannot read the symbol file")
        }
        return try parse(toml: text, file: path)
    }

    /// Parses the text of a symbol TOML file; `file` names it in errors.
    public static func parse(toml text: String, file: String = "<symbol>") throws -> SymbolInfo {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw SymbolInfoError.syntax(
                file: file, line: error.source.begin.line, column: error.source.begin.column,
                reason: error.description)
        }
        let reader = TOMLFields(file: file)
        let known: Set<String> = [
            "symbol", "opening_hours", "session_starts", "session_ends", "session_schedules",
            "session_corrections", "extended_hours", "extended_session_corrections", "download",
        ]
        for key in root.keys where !known.contains(key) {
            throw SymbolInfoError.unknownKey(file: file, key: key)
        }
        guard let symbolValue = root["symbol"] else { throw SymbolInfoError.missingKey(file: file, key: "symbol") }
        guard let symbol = symbolValue.table else {
            throw SymbolInfoError.wrongType(file: file, key: "symbol", expected: "a table")
        }
        let typedKeys: Set<String> = [
            "prefix", "description", "ticker", "currency", "basecurrency", "period", "type", "mintick",
            "pricescale", "minmove", "pointvalue", "mincontract", "timezone", "session", "volumetype",
            "avg_spread", "taker_fee", "maker_fee",
        ]
        let referenceKeys = Set(SymbolInfo.referenceKeys)
        for key in symbol.keys where !typedKeys.contains(key) && !referenceKeys.contains(key) {
            throw SymbolInfoError.unknownKey(file: file, key: "symbol.\(key)")
        }
        let mintick = try reader.double(symbol, "mintick", in: "symbol")
        guard mintick > 0 else {
            throw SymbolInfoError.invalidValue(file: file, key: "symbol.mintick", reason: "must be positive")
        }
        let pricescale = try reader.int(symbol, "pricescale", in: "symbol")
        let minmove = try reader.optionalInt(symbol, "minmove", in: "symbol") ?? 1
        guard pricescale > 0 else {
            throw SymbolInfoError.invalidValue(file: file, key: "symbol.pricescale", reason: "must be positive")
        }
        guard minmove > 0 else {
            throw SymbolInfoError.invalidValue(file: file, key: "symbol.minmove", reason: "must be positive")
        }
        let period = try reader.string(symbol, "period", in: "symbol")
        let session = try reader.optionalString(symbol, "session", in: "symbol") ?? "regular"
        guard session == "regular" || session == "extended" else {
            throw SymbolInfoError.invalidValue(
                file: file, key: "symbol.session", reason: "must be \"regular\" or \"extended\"")
        }
        let timezone = try reader.optionalString(symbol, "timezone", in: "symbol") ?? "UTC"
        var info = SymbolInfo(
            prefix: try reader.string(symbol, "prefix", in: "symbol"),
            description: try reader.string(symbol, "description", in: "symbol"),
            ticker: try reader.string(symbol, "ticker", in: "symbol"),
            currency: try reader.string(symbol, "currency", in: "symbol"),
            basecurrency: try reader.optionalString(symbol, "basecurrency", in: "symbol"),
            period: period,
            type: try reader.string(symbol, "type", in: "symbol"),
            mintick: mintick,
            pricescale: pricescale,
            minmove: minmove,
            pointvalue: try reader.double(symbol, "pointvalue", in: "symbol"),
            mincontract: try reader.optionalDouble(symbol, "mincontract", in: "symbol"),
            timezone: timezone,
            session: session,
            volumetype: try reader.optionalString(symbol, "volumetype", in: "symbol") ?? "base",
            openingHours: [], sessionStarts: [], sessionEnds: [])
        info.avgSpread = try reader.optionalDouble(symbol, "avg_spread", in: "symbol")
        info.takerFee = try reader.optionalDouble(symbol, "taker_fee", in: "symbol")
        info.makerFee = try reader.optionalDouble(symbol, "maker_fee", in: "symbol")
        for key in SymbolInfo.referenceKeys {
            guard let value = symbol[key] else { continue }
            if let v = value.string {
                info.referenceFields[key] = .string(v)
            } else if let v = value.int {
                info.referenceFields[key] = .int(v)
            } else if let v = value.double {
                info.referenceFields[key] = .double(v)
            } else if let v = value.bool {
                info.referenceFields[key] = .bool(v)
            } else {
                throw SymbolInfoError.wrongType(file: file, key: "symbol.\(key)", expected: "a number or a string")
            }
        }
        info.openingHours = try reader.intervals(root["opening_hours"], key: "opening_hours")
        info.sessionStarts = try reader.sessionTimes(root["session_starts"], key: "session_starts")
        info.sessionEnds = try reader.sessionTimes(root["session_ends"], key: "session_ends")
        info.extendedHours = try reader.intervals(root["extended_hours"], key: "extended_hours")
        info.sessionCorrections = try reader.corrections(root["session_corrections"], key: "session_corrections")
        info.extendedSessionCorrections = try reader.corrections(
            root["extended_session_corrections"], key: "extended_session_corrections")
        info.sessionSchedules = try reader.schedules(root["session_schedules"])
        if let download = root["download"] {
            guard let table = download.table else {
                throw SymbolInfoError.wrongType(file: file, key: "download", expected: "a table")
            }
            for key in table.keys where key != "provider" {
                throw SymbolInfoError.unknownKey(file: file, key: "download.\(key)")
            }
            info.downloadProvider = try reader.optionalString(table, "provider", in: "download")
        }
        return info
    }
}
