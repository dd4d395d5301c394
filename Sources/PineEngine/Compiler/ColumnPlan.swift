/// The pure series of one instance and the jobs that fill them before the
/// bar loop. Input: the columns the lowering decides on (with the input cells
/// each depends on); output: the columns, their jobs in dependency (source)
/// order, and the gates that let the instance skip idle bars.
final class ColumnPlan {
    /// Every column of the instance (sized when bars are known).
    private(set) var columns: [Column] = []
    /// Pure series filled before the bar loop, in dependency (source) order.
    private(set) var jobs: [ColumnJob] = []
    /// The input cells each column's values depend on (absent: unknown, such
    /// as a column reading a text input), by column identity.
    private var dependencies: [ObjectIdentifier: [UnsafeMutablePointer<Double>]] = [:]
    /// Columns holding an input's value (constant for a run).
    private var constantInputs: Set<ObjectIdentifier> = []
    /// The columns deciding whether the script does anything on a bar: when
    /// every top-level statement that runs per bar is an `if` (no `else`)
    /// whose condition became a column, the script is idle on bars where
    /// all of them are false. Nil when some statement runs on every bar.
    private(set) var gates: [Column]? = []
    /// True when some top-level statement other than a plot runs per bar.
    private(set) var hasPerBarWork = false

    /// At most this many columns per instance: a column holds a value for
    /// every bar, so beyond it pure series are computed per bar like any
    /// other variable (same values) and memory stays proportional to what
    /// the script reads, not to its variables times the bars.
    static let maxColumns = 500

    /// True when `count` more columns fit in the budget.
    func hasRoom(for count: Int = 1) -> Bool { columns.count + count <= Self.maxColumns }

    /// Adds a column filled by `job`.
    func add(_ outputs: [Column], job: @escaping (Runtime) throws -> Void, cacheInputs: [UnsafeMutablePointer<Double>]?) {
        columns.append(contentsOf: outputs)
        jobs.append(ColumnJob(run: job, outputs: outputs, cacheInputs: cacheInputs))
    }

    /// Registers a column filled from `f` for every bar.
    func column(filledBy f: @escaping NumFn, cacheInputs: [UnsafeMutablePointer<Double>]? = nil) -> Column {
        let column = Column()
        add([column], job: { rt in
            let n = rt.barCount
            let out = column.data
            var i = 0
            while i < n {
                rt.enter(bar: i)
                out[i] = try f(rt)
                i += 1
            }
        }, cacheInputs: cacheInputs)
        return column
    }

    /// A column holding one value for the whole run (an input's), read on the first bar.
    func constantColumn(_ f: @escaping NumFn) -> Column {
        let column = Column()
        add([column], job: { rt in
            guard rt.barCount > 0 else { return }
            rt.enter(bar: 0)
            column.data.update(repeating: try f(rt), count: rt.barCount)
        }, cacheInputs: nil)
        constantInputs.insert(ObjectIdentifier(column))
        return column
    }

    /// True when `column` holds a value that is constant for a run.
    func isConstant(_ column: Column) -> Bool { constantInputs.contains(ObjectIdentifier(column)) }

    /// Records the input cells `column` depends on (nil: unknown).
    func setDependencies(_ cells: [UnsafeMutablePointer<Double>]?, of column: Column) {
        if let cells { dependencies[ObjectIdentifier(column)] = cells }
    }

    /// The input cells `column` depends on, nil when unknown.
    func dependencies(of column: Column) -> [UnsafeMutablePointer<Double>]? {
        dependencies[ObjectIdentifier(column)]
    }

    /// Notes one top-level statement that runs per bar: gated by `gate`
    /// when it is an `if` whose condition is a column, else on every bar.
    func notePerBarStatement(gate: Column?) {
        hasPerBarWork = true
        if let gate { gates?.append(gate) } else { gates = nil }
    }
}
