import Foundation
import PFData

/// The JSON object given to `strategy_create`: every key is optional.
struct HandleConfig {
    /// A Pine script to run instead of the embedded one.
    var scriptPath: String?
    /// A symbol TOML (mintick, point value, time zone, sessions).
    var symbolPath: String?
    var mintick: Double?
    var pointValue: Double?
    var timezone: String?

    static let keys = ["script", "symbol", "mintick", "pointvalue", "timezone"]

    init() {}

    init(json text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(trimmed.utf8))
        } catch {
            throw HandleError.message("the strategy_create config is not valid JSON: \(trimmed.prefix(80))")
        }
        guard let dict = object as? [String: Any] else {
            throw HandleError.message("the strategy_create config must be a JSON object, e.g. {\"script\": \"s.pine\"}")
        }
        for key in dict.keys.sorted() where !Self.keys.contains(key) {
            throw HandleError.message(
                "unknown strategy_create config key '\(key)' (known: \(Self.keys.joined(separator: ", ")))")
        }
        scriptPath = try Self.string(dict, "script")
        symbolPath = try Self.string(dict, "symbol")
        timezone = try Self.string(dict, "timezone")
        mintick = try Self.number(dict, "mintick")
        pointValue = try Self.number(dict, "pointvalue")
        if let mintick, !(mintick > 0) { throw HandleError.message("config mintick must be above 0, got \(mintick)") }
        if let pointValue, !(pointValue > 0) {
            throw HandleError.message("config pointvalue must be above 0, got \(pointValue)")
        }
    }

    private static func string(_ d: [String: Any], _ key: String) throws -> String? {
        guard let v = d[key] else { return nil }
        guard let s = v as? String else { throw HandleError.message("config key '\(key)' must be a string") }
        return s
    }

    private static func number(_ d: [String: Any], _ key: String) throws -> Double? {
        guard let v = d[key] else { return nil }
        guard let n = v as? NSNumber else {
            throw HandleError.message("config key '\(key)' must be a number")
        }
        return n.doubleValue
    }

    /// The symbol of a run over `bars`: the TOML when given, else defaults with
    /// the tick detected from the bars; the single keys replace its fields.
    func symbol(timeframe: Timeframe?, bars: BarStore) throws -> SymbolInfo {
        var info: SymbolInfo
        if let symbolPath {
            info = try SymbolInfo.load(path: symbolPath)
        } else {
            info = SymbolInfo.defaults(
                forDataFile: "", timeframe: timeframe, mintick: TickAnalysis.tickSize(of: bars) ?? 0.01)
        }
        if let mintick { info.mintick = mintick }
        if let pointValue { info.pointvalue = pointValue }
        if let timezone { info.timezone = timezone }
        return info
    }
}
