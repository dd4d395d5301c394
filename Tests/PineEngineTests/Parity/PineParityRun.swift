import Testing
import Foundation
import PFData
@testable import PineEngine
import PineLanguage

/// One reference run of the parity set (Tests/Fixtures/parity): the
/// strategy, its settings, and the reference engine's trades and metrics.
struct PineParityRun {
    let caseName: String
    let runID: String
    let source: String
    let settings: [String: Any]
    let trades: [[String: String]]
    let metrics: [String: Any]

    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/parity/cases")

    static func load(_ caseName: String, _ runID: String) throws -> PineParityRun {
        let caseDir = root.appendingPathComponent(caseName)
        let runDir = caseDir.appendingPathComponent("runs/\(runID)")
        let source = try String(contentsOf: caseDir.appendingPathComponent("strategy.pine"), encoding: .utf8)
        let settings = try JSONSerialization.jsonObject(with: Data(contentsOf: runDir.appendingPathComponent("settings.json"))) as? [String: Any] ?? [:]
        let metrics = try JSONSerialization.jsonObject(with: Data(contentsOf: runDir.appendingPathComponent("metrics.json"))) as? [String: Any] ?? [:]
        let text = try String(contentsOf: runDir.appendingPathComponent("trades.csv"), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines.removeFirst().split(separator: ",").map(String.init)
        let trades = lines.map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
        return PineParityRun(caseName: caseName, runID: runID, source: source, settings: settings, trades: trades, metrics: metrics)
    }

    static func runIDs(of caseName: String) -> [String] {
        let dir = root.appendingPathComponent(caseName).appendingPathComponent("runs")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    }

    static var caseNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
    }

    /// The input values of the run, by variable name (typed by the settings' `inputs` list).
    var inputs: [String: InputValue] {
        var result: [String: InputValue] = [:]
        for entry in settings["inputs"] as? [[String: Any]] ?? [] {
            guard let name = entry["var"] as? String, let type = entry["type"] as? String else { continue }
            let value = entry["value"]
            switch type {
            case "int": if let n = value as? NSNumber { result[name] = .int(n.intValue) }
            case "float": if let n = value as? NSNumber { result[name] = .float(n.doubleValue) }
            case "bool":
                if let b = value as? Bool { result[name] = .bool(b) } else if let n = value as? NSNumber { result[name] = .bool(n.intValue != 0) }
            default: if let s = value as? String { result[name] = .string(s) }
            }
        }
        return result
    }

    var magnifier: Magnifier {
        let mode = settings["magnifier_mode"] as? String ?? "off"
        switch mode {
        case "synthetic":
            let samples = settings["samples"] as? Int ?? 4
            let d = MagnifierDistribution(rawValue: settings["distribution"] as? Int ?? 3) ?? .endpoints
            return .synthetic(samples: samples, distribution: d)
        case "off": return .off
        default: return .realBars
        }
    }

    var scriptTimeframe: Timeframe? { (settings["script_tf"] as? String).flatMap { Timeframe($0) } }
    var tradeFrom: Int64? { (settings["trade_start_time_ms"] as? NSNumber)?.int64Value }
}

/// The bundled ETH/USDT 15m feed, parsed once.
enum PineParityFeed {
    /// The whole bundled feed (an unreadable feed is a recorded test issue
    /// and an empty store, so every test that reads it fails).
    static let store: BarStore = {
        do {
            return try BundledFeed.store()
        } catch {
            Issue.record("the bundled feed is unreadable: \(error)")
            return BarStore(time: [], open: [], high: [], low: [], close: [], volume: [])
        }
    }()

    /// The feed's first `n` bars.
    static func prefix(_ n: Int) -> BarStore {
        let full = store
        return BarStore(
            time: Array(full.time.prefix(n)), open: Array(full.open.prefix(n)), high: Array(full.high.prefix(n)),
            low: Array(full.low.prefix(n)), close: Array(full.close.prefix(n)), volume: Array(full.volume.prefix(n)))
    }

    /// The feed's first `n` bars prepared for a 15-minute script.
    static func prepared(_ n: Int) throws -> PreparedData {
        try PreparedData(store: prefix(n), sourceTimeframe: Timeframe("15"))
    }
}
