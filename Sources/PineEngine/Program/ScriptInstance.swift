import PFData
import PineLanguage

/// One engine instance: every mutable thing a run of the script needs
/// (variables, history, indicator states), built once and reset per run.
/// Not thread-safe: a sweep gives each worker its own instance.
public final class ScriptInstance: BarScript {
    let arena = Arena()
    let runtime = Runtime()
    private let root: ExecFn
    let inputs: [InstanceInput]
    /// `plot()` titles by plot index.
    public let plotTitles: [String]
    // The per-run state `onBar` reads on every bar opts out of dynamic
    // exclusivity checks: an instance runs one bar at a time on one thread,
    // and no access to it calls back into the instance.
    @exclusivity(unchecked) private var plotColumns: [[Double]] = []
    private let plotCells: [UnsafeMutablePointer<Double>]
    private let columns: [Column]
    private let columnJobs: [ColumnJob]
    @exclusivity(unchecked) private var columnsReady = false
    /// False when every top-level statement became a column or is a plot.
    private let hasPerBarWork: Bool
    /// The condition columns of the top-level `if`s when they are the only
    /// per-bar work (see `ColumnPlan.gates`); nil otherwise.
    private let gates: [Column]?
    /// True when the script is skipped on bars where none of its top-level `if`s is true.
    public var isGated: Bool { gates != nil }
    /// Per bar: true when some gate is true (the script has work to do).
    @exclusivity(unchecked) private var activeBars: [Bool] = []
    /// The bar whose committed state `arena.rollback` holds (-1: none).
    private var rollbackBar = -1
    /// When true, every bar's plot values are kept (`plots()`).
    public var recordsPlots: Bool {
        get { runtime.recordsPlots }
        set { runtime.recordsPlots = newValue }
    }

    /// True when the instance was built for `calc_on_order_fills`: its
    /// memory rolls back to the bar's committed state between executions.
    let recalculatesOnFills: Bool

    init(program: PineProgram, recalculatesOnFills recalculates: Bool) throws {
        recalculatesOnFills = recalculates
        arena.tracksRollback = recalculates
        let builder = InstanceBuilder(
            arena: arena, fileName: program.fileName, needs: program.needs, inputs: program.inputs,
            reassigned: SyntaxWalk.assignedNames(in: program.script.statements))
        builder.security.index(program.script.statements)
        builder.isVersion5 = program.script.version == 5
        builder.recalculatesOnFills = recalculates
        root = try builder.lowerScript(program.script.statements)
        try builder.checkVersion5BoolStores()
        columns = builder.plan.columns
        hasPerBarWork = builder.plan.hasPerBarWork
        gates = builder.plan.gates
        columnJobs = builder.plan.jobs
        inputs = builder.inputs.entries
        plotTitles = builder.plotTitles
        runtime.fileName = program.fileName
        plotCells = builder.plotCells
    }

    /// The inputs this instance reads, in source order.
    public var inputSpecs: [InputSpec] { inputs.map(\.spec) }

    /// Resets every variable and state for a new run and sets the inputs:
    /// those not named keep their defaults. Names are variable names or
    /// titles. Throws a one-line error for an unknown input or a bad value.
    public func reset(inputs values: [String: InputValue]) throws(InputValueError) {
        arena.reset()
        for (key, value) in values {
            guard let input = inputs.first(where: { $0.spec.name == key }) ?? inputs.first(where: { $0.spec.title == key })
            else {
                throw .unknownInput(key, known: inputs.map { $0.spec.name })
            }
            try Self.set(input, value)
        }
        runtime.barIndex = -1
        rollbackBar = -1
        columnsReady = false
        for i in plotColumns.indices { plotColumns[i].removeAll(keepingCapacity: true) }
    }

    private static func set(_ input: InstanceInput, _ value: InputValue) throws(InputValueError) {
        let spec = input.spec
        try InputValueError.validate(value, for: spec)
        if let text = input.text {
            text.pointee = spec.canonical(value).description
            return
        }
        guard let cell = input.cell else { return }
        if spec.kind == .source {
            guard case .string(let s) = value, let code = InputFunctions.sources.firstIndex(of: s) else {
                throw .wrongType(spec.name, expected: "a price source (\(InputFunctions.sources.joined(separator: ", ")))", got: value)
            }
            cell.pointee = Double(code)
            return
        }
        if spec.kind == .color {
            guard case .string(let hex) = value, let packed = Self.packedColor(hex) else {
                throw .wrongType(spec.name, expected: "a color written #RRGGBB or #RRGGBBAA", got: value)
            }
            cell.pointee = packed
            return
        }
        guard let x = value.numericValue else { throw .wrongType(spec.name, expected: spec.kind.rawValue, got: value) }
        cell.pointee = x
    }

    /// `#RRGGBB` or `#RRGGBBAA` as the engine packs a color (red in the high byte, alpha
    /// in the low one; opaque when no alpha is given), nil when it is not one.
    private static func packedColor(_ text: String) -> Double? {
        guard text.hasPrefix("#"), text.count == 7 || text.count == 9, let v = UInt32(text.dropFirst(), radix: 16) else {
            return nil
        }
        return Double(text.count == 7 ? v << 8 | 0xFF : v)
    }

    /// Points the instance at the script bars it will run over (`sessionStarts`: the
    /// exchange's weekly session starts, empty for midnight every day).
    public func prepare(
        bars: BarStore, mintick: Double, pointValue: Double, timezone: String?, barDurationMs: Int64,
        sessionStarts: [SessionTime] = [], symbol: SymbolInfo? = nil, timeframe: Timeframe? = nil,
        security: SecurityViews? = nil
    ) {
        runtime.load(bars: bars)
        runtime.sessionStarts = sessionStarts
        runtime.security = security
        runtime.mintick = mintick
        runtime.pointvalue = pointValue
        runtime.symbol = symbol
        runtime.timeframe = timeframe
        runtime.clock = ZoneClock(identifier: timezone, sessionStarts: sessionStarts, barDurationMs: barDurationMs)
        runtime.barDurationMs = barDurationMs
        for c in columns { c.reserve(bars.count) }
        columnsReady = false
        plotColumns = Array(repeating: [], count: plotTitles.count)
        if recordsPlots { for i in plotColumns.indices { plotColumns[i].reserveCapacity(bars.count) } }
    }

    /// Runs the script on one bar (the `BarScript` entry point).
    public func onBar(_ bar: ScriptBar, broker: Broker) throws {
        if !columnsReady { try computeColumns() }
        // A bar where every gated `if` is false does nothing (plots aside).
        if gates != nil && !recordsPlots && !activeBars[bar.index] { return }
        let rt = runtime
        if rt.broker !== broker { rt.broker = broker }
        rt.enter(bar: bar.index)
        _ = try root(rt)
        if recordsPlots { recordPlotRow() }
    }

    /// Runs the script on a point of the bar's path where an order filled
    /// (calc_on_order_fills), then rolls its memory back to the bar's
    /// committed state: the first such execution on a bar saves that state,
    /// each one restores it, and the bar's closing `onBar` runs from it.
    /// `varip` variables are left out of the rollback; plots are not recorded.
    public func onFill(_ bar: ScriptBar, broker: Broker) throws {
        if !columnsReady { try computeColumns() }
        if gates != nil && !activeBars[bar.index] { return }
        let rt = runtime
        if rt.broker !== broker { rt.broker = broker }
        if rollbackBar != bar.index {
            arena.rollback.save()
            rollbackBar = bar.index
        }
        rt.enter(bar: bar.index)
        do {
            _ = try root(rt)
        } catch {
            arena.rollback.restore()
            throw error
        }
        arena.rollback.restore()
    }

    /// Appends the current bar's plot values and clears them.
    private func recordPlotRow() {
        for i in plotColumns.indices {
            plotColumns[i].append(plotCells[i].pointee)
            plotCells[i].pointee = .nan
        }
    }

    /// Runs an indicator (no broker) over bars `0..<count`: the pure series
    /// are computed column at a time, then the remaining statements per bar.
    public func runIndicator(bars count: Int) throws {
        if !columnsReady { try computeColumns() }
        let rt = runtime
        rt.broker = nil
        // Nothing left to do per bar when only unrecorded plots remain.
        if !hasPerBarWork && !recordsPlots { return }
        let gated = gates != nil && !recordsPlots
        for i in 0..<count {
            if gated && !activeBars[i] { continue }
            rt.enter(bar: i)
            _ = try root(rt)
            if recordsPlots { recordPlotRow() }
        }
    }

    /// Computes every pure series for all bars (done once per run, before
    /// the first bar; `onBar` does it when the caller has not). With a
    /// `cache`, series already computed by a run over the same `view` with
    /// the same values of the inputs they read are copied from it, and the
    /// ones computed here are added to it.
    public func computeColumns(cache: ColumnCache? = nil, view: Magnifier = .off) throws {
        let count = runtime.barCount
        for (index, job) in columnJobs.enumerated() {
            guard let cache, let cells = job.cacheInputs, count > 0 else {
                try job.run(runtime)
                continue
            }
            let key = ColumnCache.Key(job: index, view: view, inputs: cells.map { $0.pointee.bitPattern })
            if cache.load(key, into: job.outputs, count: count) { continue }
            try job.run(runtime)
            cache.store(key, from: job.outputs, count: count)
        }
        if let gates {
            activeBars.removeAll(keepingCapacity: true)
            activeBars.append(contentsOf: repeatElement(false, count: count))
            for gate in gates {
                let values = gate.data
                for i in 0..<count where !values[i].isNaN && values[i] != 0 { activeBars[i] = true }
            }
        }
        columnsReady = true
    }

    /// Every recorded plot column (one value per bar run), by plot index.
    public func plots() -> [[Double]] { plotColumns }
}
