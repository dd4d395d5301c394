import PineLanguage

/// A parsed, checked and analysed Pine script: immutable and shared by
/// every engine instance of a sweep. `makeInstance()` builds one instance's
/// closures and state.
public struct PineProgram: Sendable {
    public let fileName: String
    public let source: String
    public let script: Script
    /// The `strategy(...)` / `indicator(...)` declaration, read once by the front end.
    public let declared: DeclarationProperties
    /// The strategy properties the declaration gives (TradingView's defaults elsewhere).
    public let strategy: StrategyProperties
    /// The script's inputs in source order.
    public let inputs: [InputSpec]
    /// `plot()` titles in order (`plot_N` when untitled).
    public let plotTitles: [String]
    let needs: HistoryNeeds

    /// The front end's warnings (a version 5 argument given twice, no
    /// `//@version`), rendered with file:line:col.
    var frontEndWarnings: [String] = []

    /// Warnings about the script that do not stop it running (`request.security`
    /// reading the future with lookahead_on, a `ta.*` call that does not run
    /// on every bar, the front end's warnings), each
    /// rendered with file:line:col.
    public var warnings: [String] {
        frontEndWarnings
            + (LookaheadCheck.warnings(in: script) + ConsistencyCheck.warnings(in: script))
            .map { $0.rendered(fileName: fileName, source: source) }
    }

    /// How the run reads what a backtest has no equivalent for (the chart's
    /// visible range and theme), one line each, for the run's summary.
    public var runNotes: [String] {
        var visibleRange = false
        var themeColors = false
        SyntaxWalk.expressions(in: script.statements) { e in
            guard let name = e.dottedName else { return }
            if BuiltinVariables.visibleRangeNames.contains(name) { visibleRange = true }
            if BuiltinVariables.themeColorNames.contains(name) { themeColors = true }
        }
        var notes: [String] = []
        if visibleRange {
            notes.append(
                "note: chart.left_visible_bar_time and chart.right_visible_bar_time are taken as the first and last bar "
                    + "of the data (the whole feed is the visible chart)")
        }
        if themeColors {
            notes.append(
                "note: chart.bg_color and chart.fg_color are taken as TradingView's default light theme "
                    + "(#FFFFFF background, #131722 foreground)")
        }
        return notes
    }

    /// True for `strategy(...)` scripts.
    public var isStrategy: Bool { declared.isStrategy }

    /// Parses, checks and compiles a script. Throws `PineCompileFailure`
    /// with every diagnostic when the script cannot run.
    public static func compile(source: String, fileName: String) throws -> PineProgram {
        try compile(PineFrontEnd.check(source: source, fileName: fileName))
    }

    /// Compiles a script the front end has checked (`pfopt inspect` checks it
    /// first to show its warnings): the one path from a script to the errors
    /// a run reports before its first bar.
    public static func compile(_ checked: CheckedScript) throws -> PineProgram {
        let fileName = checked.fileName
        let source = checked.source
        // The front end parses and runs the support checker: anything it
        // rejects never reaches the engine.
        if checked.hasErrors {
            throw PineCompileFailure(fileName: fileName, source: source, diagnostics: checked.diagnostics.filter { $0.severity == .error })
        }
        let script = checked.script
        if let v = script.version, v != 5 && v != 6 {
            throw PineCompileFailure(
                fileName: fileName, source: source,
                diagnostics: [Diagnostic(.error, "Pine Script version \(v) is not supported: pfopt runs //@version=6 (and v5 where the syntax is the same)", at: script.range)])
        }
        let declared = checked.declaration ?? .undeclared(range: script.range)
        let strategy: StrategyProperties
        do {
            strategy = try declared.strategyProperties(fileName: fileName, version: script.version)
        } catch let e as CompileError {
            throw PineCompileFailure(fileName: fileName, source: source, errors: [e])
        }
        // The front end's input discovery is the one list of inputs (what
        // `pfopt inspect` shows); the instance reads each from its call's cell.
        var program = PineProgram(
            fileName: fileName, source: source, script: script, declared: declared, strategy: strategy,
            inputs: checked.inputs, plotTitles: [], needs: HistoryNeeds(script: script))
        // A trial build finds every compile error and collects the plots.
        do {
            let trial = try ScriptInstance(program: program, recalculatesOnFills: program.isStrategy && strategy.calcOnOrderFills)
            program = PineProgram(
                fileName: fileName, source: source, script: script, declared: declared, strategy: strategy,
                inputs: checked.inputs, plotTitles: trial.plotTitles, needs: program.needs)
            program.frontEndWarnings = checked.diagnostics.filter { $0.severity == .warning }.map {
                $0.rendered(fileName: fileName, source: source)
            }
        } catch let e as CompileError {
            throw PineCompileFailure(fileName: fileName, source: source, errors: [e])
        }
        return program
    }

    private init(
        fileName: String, source: String, script: Script, declared: DeclarationProperties, strategy: StrategyProperties,
        inputs: [InputSpec], plotTitles: [String], needs: HistoryNeeds
    ) {
        self.fileName = fileName
        self.source = source
        self.script = script
        self.declared = declared
        self.strategy = strategy
        self.inputs = inputs
        self.plotTitles = plotTitles
        self.needs = needs
    }

    /// The script's strategy properties with `overrides` (key = text value)
    /// applied; throws a one-line error for an unknown key or a bad value.
    public func strategyProperties(overrides: [String: String]) throws -> StrategyProperties {
        var properties = strategy
        for (key, value) in overrides.sorted(by: { $0.key < $1.key }) {
            try properties.apply(override: key, value: value)
        }
        if properties.calcOnOrderFills && properties.processOrdersOnClose {
            throw StrategyPropertyError.unsupportedCombination(FillRecalculation.refusedWithProcessOrdersOnClose)
        }
        return properties
    }

    /// Builds a new engine instance (its own state; the program is shared).
    /// `recalculatingOnFills` (default: as the script declares) builds it for
    /// `calc_on_order_fills`, which changes what it keeps between the
    /// executions of a bar and what it refuses; a refusal is a compile
    /// failure naming the script's line.
    public func makeInstance(recalculatingOnFills: Bool? = nil) throws -> ScriptInstance {
        do {
            return try ScriptInstance(
                program: self, recalculatesOnFills: isStrategy && (recalculatingOnFills ?? strategy.calcOnOrderFills))
        } catch let e as CompileError {
            throw PineCompileFailure(fileName: fileName, source: source, errors: [e])
        }
    }
}
