/// What lowering one statement gives: the closure to run per bar (nil when
/// the statement became a column or declares a function), and for a
/// top-level `if` without `else` whose condition became a column, that
/// column (the bars where it is false need not run the statement).
struct LoweredStatement {
    var run: ExecFn?
    var gate: Column?

    /// A statement that runs per bar.
    init(_ run: @escaping ExecFn, gate: Column? = nil) {
        self.run = run
        self.gate = gate
    }

    private init() {
        run = nil
        gate = nil
    }

    /// A statement with nothing left to run per bar.
    static var none: LoweredStatement { LoweredStatement() }

    /// The closure, or one that does nothing.
    var exec: ExecFn { orNothing(run) }
}
