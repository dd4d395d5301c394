import PineLanguage

/// Lowers a checked script into the closures and columns of one engine
/// instance. Names, types and storage are resolved here, once; the closures
/// it returns only read and write pre-allocated cells.
///
/// The concerns are separate types with explicit inputs and outputs:
/// `Scope` (what a name refers to), `PurityAnalysis` (which expressions can
/// become columns), `ColumnPlan` (the columns and their fill jobs),
/// `InputTable` (the front end's inputs and their cells), the registry of
/// built-ins (`PineLanguage.Builtins`) with the engine's implementations
/// (`BuiltinLibrary`). This type walks the syntax: statements
/// (`+Statements`, `+Loops`), expressions (`+Expressions`, `+Choices`),
/// calls (`+Calls`) and columns (`+Columns`), each statement giving a
/// `LoweredStatement`.
final class InstanceBuilder {
    let arena: Arena
    let fileName: String
    let needs: HistoryNeeds
    /// The names in scope.
    var scope = Scope()
    /// The pure series and their jobs.
    let plan = ColumnPlan()
    /// The script's inputs and their cells.
    let inputs: InputTable
    /// How deep user-function inlining is (recursion guard).
    var inlineDepth = 0
    /// How many loops enclose the code being compiled.
    var loopDepth = 0
    /// `plot()` titles by plot index.
    var plotTitles: [String] = []
    /// The cell each `plot()` writes its current value to, by plot index.
    var plotCells: [UnsafeMutablePointer<Double>] = []
    /// Variables assigned with `:=` & co. anywhere (never pure).
    let reassigned: Set<String>
    /// Global variables whose value is known before the first bar (see
    /// `isKnownBeforeFirstBar`).
    var runConstants: Set<String> = []
    /// The script's user-defined types, enums and methods.
    var userTypes = UserTypeTable()
    /// The requested expressions of `request.*` calls being compiled.
    let security = SecurityCompileState()
    /// True for a `//@version=5` script: `and`/`or` evaluate both operands
    /// on every bar (version 6 stops at the first that decides), and the
    /// division of two constant integers is an integer (truncated).
    var isVersion5 = false
    /// For each user function being inlined (innermost last), where its
    /// parameters' values come from (read by `request.security`).
    var parameterSources: [[String: ParameterSource]] = []
    /// Work done at the start of every bar's execution, before the script's
    /// first statement (sampling built-in variables whose history is read).
    private(set) var barPrologue: [Step] = []

    /// Adds work to the start of every bar; such a script has per-bar work on every bar.
    func addBarPrologue(_ run: @escaping (Runtime) throws -> Void) {
        barPrologue.append(Step { rt in
            try run(rt)
            return .normal
        })
        plan.notePerBarStatement(gate: nil)
    }
    /// True for a strategy with calc_on_order_fills=true: its executions
    /// inside a bar are undone, so forms that cannot be undone are refused.
    var recalculatesOnFills = false

    /// The reads of the stateful built-in variables compiled so far, by name
    /// (see `everyBarSeries`).
    var everyBarReads: [String: NumFn] = [:]

    /// What an operation on an `na` array says, by the range of the
    /// expression giving the array, where it is more precise than "the
    /// array is na" (`a[1]`: how many bars ago it was na).
    var naArrayMessages: [SourceRange: (Runtime) throws -> String] = [:]

    /// Version 5 bools whose na the script reads.
    let version5Bools = Version5Bools()

    init(arena: Arena, fileName: String, needs: HistoryNeeds, inputs: [InputSpec], reassigned: Set<String> = []) {
        self.arena = arena
        self.fileName = fileName
        self.needs = needs
        self.inputs = InputTable(specs: inputs, arena: arena)
        self.reassigned = reassigned
    }

    func error(_ range: SourceRange, _ message: String) -> CompileError {
        CompileError(file: fileName, range: range, message: message)
    }

    // MARK: scopes

    func lookup(_ name: String) -> Binding? {
        if let frame = security.frames.last { return securityLookup(name, frame) }
        return scope.lookup(name)
    }

    func bind(_ name: String, _ binding: Binding) { scope.bind(name, binding) }

    func withScope<T>(_ body: () throws -> T) rethrows -> T {
        scope.push()
        defer { scope.pop() }
        return try body()
    }

    /// The purity of expressions in the current scope.
    var purity: PurityAnalysis { PurityAnalysis(scope: scope) }

    /// Storage for a new numeric variable: a ring when its past is read.
    func storage(for name: String) -> Storage {
        if let capacity = needs.capacity(for: name) {
            return .ring(arena.ring(capacity: capacity))
        }
        return .cell(arena.cell())
    }
}
