import CPFABI
import Foundation
import PFData
import PineEngine
import PineLanguage

/// One strategy instance behind a `pf_strategy_t`: the compiled script, the
/// inputs and overrides set so far, the last error, and the prepared bars of
/// the last run (kept while the caller passes the same bars, so a worker that
/// runs many input sets over one bar array aggregates it once). Used by one
/// thread at a time; it shares nothing with other handles.
final class StrategyHandle {
    static var noHandleText: UnsafePointer<CChar> {
        staticCString("no strategy handle: strategy_create was not called or returned NULL")
    }

    private let program: PineProgram?
    private let setupError: String?
    private let config: HandleConfig
    /// Input values by variable name.
    private var inputs: [String: InputValue] = [:]
    /// Settings that were refused, by the key the caller gave; a run fails while any remains.
    private var badSettings: [String: String] = [:]
    private var overrides: [String: String] = [:]
    private var tradeFrom: Int64?
    private var tradeTo: Int64?
    private var lastError: UnsafeMutablePointer<CChar>?
    private var prepared: PreparedBars?

    init(configJSON: String) {
        var program: PineProgram?
        var problem: String?
        var config = HandleConfig()
        do {
            config = try HandleConfig(json: configJSON)
            let script = try ScriptSource.resolve(config: config)
            do {
                program = try PineProgram.compile(source: script.source, fileName: script.fileName)
            } catch let failure as PineCompileFailure {
                throw HandleError.message(failure.description)
            }
            if let program, !program.isStrategy {
                throw HandleError.message("\(script.fileName): the script is an indicator, not a strategy")
            }
            if let program {
                for (key, text) in script.fixedInputs.sorted(by: { $0.key < $1.key }) {
                    let spec = try Self.spec(key, in: program)
                    inputs[spec.name] = try Self.parse(text, for: spec)
                }
            }
        } catch {
            problem = Self.oneLine(error)
            program = nil
        }
        self.program = program
        self.setupError = problem
        self.config = config
        setError(problem)
    }

    deinit {
        free(lastError)
    }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> StrategyHandle? {
        guard let pointer else { return nil }
        return Unmanaged<StrategyHandle>.fromOpaque(pointer).takeUnretainedValue()
    }

    /// The last error as C text ("" after a clean call).
    var lastErrorPointer: UnsafePointer<CChar>? {
        lastError.map { UnsafePointer($0) } ?? staticCString("")
    }

    private func setError(_ text: String?) {
        free(lastError)
        lastError = text.flatMap { strdup($0) }
    }

    // MARK: - Settings

    func setInput(title: String, value: String?) {
        let key = "input '\(title)'"
        guard let program else { return setError(setupError) }
        do {
            guard let value else { throw HandleError.message("\(key): the value is NULL") }
            let spec = try Self.spec(title, in: program)
            inputs[spec.name] = try Self.parse(value, for: spec)
            badSettings[key] = nil
            setError(nil)
        } catch {
            badSettings[key] = Self.oneLine(error)
            setError(badSettings[key])
        }
    }

    func setOverride(key name: String, value: String?) {
        let key = "override '\(name)'"
        guard let program else { return setError(setupError) }
        do {
            guard let value else { throw HandleError.message("\(key): the value is NULL") }
            switch name {
            case "trade_from", "trade_to":
                let text = value.trimmingCharacters(in: .whitespaces)
                let time: Int64?
                if text.isEmpty {
                    time = nil
                } else if let ms = Int64(text) {
                    time = ms
                } else {
                    time = try TimeParsing.parse(text, timezone: nil)
                }
                if name == "trade_from" { tradeFrom = time } else { tradeTo = time }
            default:
                var trial = overrides
                trial[name] = value
                _ = try program.strategyProperties(overrides: trial)
                overrides = trial
            }
            badSettings[key] = nil
            setError(nil)
        } catch {
            badSettings[key] = Self.oneLine(error)
            setError(badSettings[key])
        }
    }

    // MARK: - Running

    func run(_ arguments: RunArguments, into out: UnsafeMutablePointer<pf_report_t>) {
        out.pointee.input_bars_processed = Int64(max(0, arguments.count))
        do {
            guard let program else { throw HandleError.message(setupError ?? "the strategy did not load") }
            if let first = badSettings.sorted(by: { $0.key < $1.key }).first { throw HandleError.message(first.value) }
            let bars = try preparedBars(arguments, program: program)
            let magnifier = try bars.magnifier(arguments)
            let options = RunOptions(
                inputs: inputs, overrides: overrides, tradeFrom: tradeFrom, tradeTo: tradeTo, magnifier: magnifier)
            ReportFiller.fillTimeframes(out, bars: bars, magnifier: magnifier)
            let result = try bars.runner.run(options)
            ReportFiller.fill(out, report: result.report)
            setError(nil)
        } catch {
            setError(Self.oneLine(error))
        }
    }

    /// The prepared bars of this call: the last ones when the caller passes the
    /// same bars and timeframes again, else prepared anew.
    private func preparedBars(_ a: RunArguments, program: PineProgram) throws -> PreparedBars {
        if let prepared, prepared.matches(a) { return prepared }
        prepared = nil
        let fresh = try PreparedBars(a, program: program, config: config)
        prepared = fresh
        return fresh
    }

    // MARK: - Helpers

    static func spec(_ key: String, in program: PineProgram) throws -> InputSpec {
        if let spec = program.inputs.first(where: { $0.title == key }) ?? program.inputs.first(where: { $0.name == key }) {
            return spec
        }
        let known = program.inputs.map { $0.title ?? $0.name }
        throw HandleError.message(
            "the strategy has no input titled '\(key)'; its inputs are: "
                + (known.isEmpty ? "none" : known.map { "'\($0)'" }.joined(separator: ", ")))
    }

    static func parse(_ text: String, for spec: InputSpec) throws -> InputValue {
        let value = try InputValue.parse(text, for: spec)
        try InputValueError.validate(value, for: spec)
        return value
    }

    /// An error as one line of text.
    static func oneLine(_ error: Error) -> String {
        let text = (error as? PineCompileFailure)?.description ?? "\(error)"
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
    }
}
