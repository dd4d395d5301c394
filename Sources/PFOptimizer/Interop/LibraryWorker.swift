import CPFABI
import Foundation
import PineEngine
import PineLanguage

/// One pool thread's handle on a strategy library. The report structure is
/// reused from run to run; what the library allocates in it is released
/// after each run.
final class LibraryWorker: BacktestWorker {
    private let evaluator: LibraryEvaluator
    private let library: StrategyLibrary
    private let handle: UnsafeMutableRawPointer
    /// The title each input's variable name is set by.
    private let titles: [String: String]
    private var report = pf_report_t()
    private var overrideProblem: String?

    init(evaluator: LibraryEvaluator) throws {
        self.evaluator = evaluator
        let library = evaluator.library
        self.library = library
        guard let handle = evaluator.configJSON.withCString({ library.create($0) }) else {
            throw LibraryError.createFailed(library.path)
        }
        self.handle = handle
        var titles: [String: String] = [:]
        for spec in evaluator.inputs where titles[spec.name] == nil { titles[spec.name] = spec.title ?? spec.name }
        self.titles = titles
        if let problem = lastError() {
            overrideProblem = problem
            return
        }
        for (key, value) in evaluator.overrides {
            key.withCString { k in value.withCString { v in library.setOverride(handle, k, v) } }
            if let problem = lastError() {
                overrideProblem = "override \(key) = \(value): \(problem)"
                return
            }
        }
    }

    deinit {
        library.free(handle)
    }

    /// The first problem creating the handle or applying the overrides.
    func settingError() -> String? { overrideProblem }

    private func lastError() -> String? {
        guard let fn = library.lastError, let text = fn(handle) else { return nil }
        let s = String(cString: text)
        return s.isEmpty ? nil : s
    }

    /// The trade window of a request within the sweep's.
    private func window(_ request: RunRequest) -> (from: Int64?, to: Int64?) {
        var from = evaluator.tradeFrom
        var to = evaluator.tradeTo
        if let f = request.tradeFrom { from = max(f, from ?? f) }
        if let t = request.tradeTo { to = min(t, to ?? t) }
        return (from, to)
    }

    /// The equity curve's period returns, when the request asks for them.
    private func returns(_ request: RunRequest) -> [Float] {
        guard let period = request.returnPeriod, let curve = report.equity_curve, report.equity_curve_len > 0 else {
            return []
        }
        let n = Int(report.equity_curve_len)
        var time = [Int64](repeating: 0, count: n)
        var equity = [Double](repeating: 0, count: n)
        for i in 0..<n {
            time[i] = curve[i].time_ms
            equity[i] = curve[i].equity
        }
        let capital = evaluator.initialCapital
            ?? equity[n - 1] - report.metrics.all.net_profit - report.metrics.equity.open_pl
        let (from, to) = window(request)
        return PeriodReturns.compute(time: time, equity: equity, initialEquity: capital, period: period, from: from, to: to)
    }

    /// Sets the run's inputs and trade window; a refused value is the run's failure.
    private func prepare(_ request: RunRequest) -> String? {
        if let overrideProblem { return overrideProblem }
        for (name, value) in request.inputs.sorted(by: { $0.key < $1.key }) {
            let title = titles[name] ?? name
            title.withCString { t in value.description.withCString { v in library.setInput(handle, t, v) } }
            if let problem = lastError() { return problem }
        }
        let (from, to) = window(request)
        if library.isPFOpt {
            for (key, time) in [("trade_from", from), ("trade_to", to)] {
                let text = time.map { String($0) } ?? ""
                key.withCString { k in text.withCString { v in library.setOverride(handle, k, v) } }
                if let problem = lastError() { return problem }
            }
        } else if from != nil || to != nil {
            return LibraryError.noTradeWindow(library.path).description
        }
        return nil
    }

    private func runLibrary() {
        let call = evaluator.call
        let bars = evaluator.bars
        call.inputTimeframe.withCString { input in
            call.scriptTimeframe.withCString { script in
                library.runFull(
                    handle, bars.pointer, Int32(clamping: bars.count), input, script, call.magnifier, call.samples,
                    call.distribution, &report)
            }
        }
    }

    func run(_ request: RunRequest) -> RunOutcome {
        if let problem = prepare(request) { return RunOutcome(status: .failed(problem), metrics: []) }
        runLibrary()
        defer { library.reportFree(&report) }
        if let problem = lastError() { return RunOutcome(status: .failed(problem), metrics: []) }
        return RunOutcome(status: .ok, metrics: ABIReport.flatMetrics(report), returns: returns(request))
    }

    func runDetailed(_ request: RunRequest, writingTo directory: String) throws -> RunOutcome {
        if let problem = prepare(request) { throw LibraryError.refused(library.path, problem) }
        runLibrary()
        defer { library.reportFree(&report) }
        if let problem = lastError() { throw LibraryError.refused(library.path, problem) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try ReportWriter.write(
            ABIReport.backtestReport(report, initialCapital: evaluator.initialCapital), to: directory,
            tick: evaluator.priceTick)
        return RunOutcome(status: .ok, metrics: ABIReport.flatMetrics(report), returns: returns(request))
    }
}
