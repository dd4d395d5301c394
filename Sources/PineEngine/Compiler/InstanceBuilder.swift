import PineLanguage

/// Turns a checked script into the closures of one engine instance. Names,
/// types and storage are resolved here, once; the closures it returns only
/// read and write pre-allocated cells.
final class InstanceBuilder {
    let arena: Arena
    let fileName: String
    let needs: HistoryNeeds
    /// Innermost scope last.
    var scopes: [[String: Binding]] = [[:]]
    /// How deep user-function inlining is (recursion guard).
    var inlineDepth = 0
    /// How many loops enclose the code being compiled.
    var loopDepth = 0
    /// The variable a declaration being compiled assigns to (names inputs).
    var declaringName: String?
    /// The inputs met so far, in source order.
    var inputs: [InstanceInput] = []
    /// `plot()` titles by plot index.
    var plotTitles: [String] = []
    /// Pure series filled before the bar loop, in dependency (source) order.
    var columnJobs: [ColumnJob] = []
    /// The input cells each column's values depend on (absent: unknown, such
    /// as a column reading a text input), by column identity.
    var columnInputs: [ObjectIdentifier: [UnsafeMutablePointer<Double>]] = [:]
    /// Every column of the instance (sized when bars are known).
    var columns: [Column] = []
    /// True when some top-level statement other than a plot runs per bar.
    var hasPerBarWork = false
    /// Columns holding an input's value (constant for a run).
    var inputColumns: Set<ObjectIdentifier> = []
    /// Set when the statement just compiled became a column (no per-bar work).
    var movedToColumn = false
    /// The columns deciding whether the script does anything on a bar: when
    /// every top-level statement that runs per bar is an `if` (no `else`)
    /// whose condition became a column, the script is idle on bars where
    /// all of them are false. Nil when some statement runs on every bar.
    var gateColumns: [Column]? = []
    /// Set when the statement just compiled is such a gated `if`: its condition column.
    var compiledGate: Column?
    /// Variables assigned with `:=` & co. anywhere (never pure).
    let reassigned: Set<String>

    /// The cell each `plot()` writes its current value to, by plot index.
    var plotCells: [UnsafeMutablePointer<Double>] = []

    init(arena: Arena, fileName: String, needs: HistoryNeeds, reassigned: Set<String> = []) {
        self.arena = arena
        self.fileName = fileName
        self.needs = needs
        self.reassigned = reassigned
    }

    func error(_ range: SourceRange, _ message: String) -> CompileError {
        CompileError(file: fileName, range: range, message: message)
    }

    // MARK: scopes

    func lookup(_ name: String) -> Binding? {
        for scope in scopes.reversed() {
            if let b = scope[name] { return b }
        }
        return nil
    }

    func bind(_ name: String, _ binding: Binding) {
        scopes[scopes.count - 1][name] = binding
    }

    func withScope<T>(_ body: () throws -> T) rethrows -> T {
        scopes.append([:])
        defer { scopes.removeLast() }
        return try body()
    }

    /// Storage for a new numeric variable: a ring when its past is read.
    func storage(for name: String) -> Storage {
        if let capacity = needs.capacity(for: name) {
            return .ring(arena.ring(capacity: capacity))
        }
        return .cell(arena.cell())
    }

    // MARK: conversions

    func number(_ v: CompiledValue, _ range: SourceRange) throws -> NumFn {
        switch v {
        case .num(let f, _, _): return f
        case .bool(let f, _): return { rt in try f(rt) ? 1 : 0 }
        case .na: return { _ in .nan }
        default: throw error(range, "expected a number here, found \(v.type)")
        }
    }

    func boolean(_ v: CompiledValue, _ range: SourceRange) throws -> BoolFn {
        switch v {
        case .bool(let f, _): return f
        case .num(let f, _, _):
            return { rt in
                let x = try f(rt)
                return !x.isNaN && x != 0
            }
        case .na: return { _ in false }
        default: throw error(range, "expected a bool here, found \(v.type)")
        }
    }

    func string(_ v: CompiledValue, _ range: SourceRange) throws -> StrFn {
        switch v {
        case .str(let f, _): return f
        case .na: return { _ in "" }
        default: throw error(range, "expected a string here, found \(v.type)")
        }
    }

    func array(_ v: CompiledValue, _ range: SourceRange) throws -> (ArrFn, ValueType) {
        if case .array(let f, let e) = v { return (f, e) }
        throw error(range, "expected an array here, found \(v.type)")
    }

    /// An integer argument (lengths, offsets): `na` becomes 0.
    func integer(_ v: CompiledValue, _ range: SourceRange) throws -> (Runtime) throws -> Int {
        let f = try number(v, range)
        if let c = v.constNumber, c.isFinite {
            let k = PineMath.clampedInt(c)
            return { _ in k }
        }
        return { rt in
            let x = try f(rt)
            return PineMath.clampedInt(x)
        }
    }

    /// Wraps a value so that `prelude` runs before it is read.
    func sequence(_ prelude: @escaping ExecFn, _ v: CompiledValue) -> CompiledValue {
        switch v {
        case .num(let f, let t, _): return .num({ rt in _ = try prelude(rt); return try f(rt) }, t, nil)
        case .bool(let f, _): return .bool({ rt in _ = try prelude(rt); return try f(rt) }, nil)
        case .str(let f, _): return .str({ rt in _ = try prelude(rt); return try f(rt) }, nil)
        case .array(let f, let e): return .array({ rt in _ = try prelude(rt); return try f(rt) }, e)
        case .tuple(let p, let es): return .tuple(prepare: { rt in _ = try prelude(rt); return try p(rt) }, elements: es)
        case .void(let f): return .void({ rt in _ = try prelude(rt); return try f(rt) })
        case .na: return .num({ rt in _ = try prelude(rt); return .nan }, .float, nil)
        }
    }

    /// Runs a value for its effects only.
    func effect(_ v: CompiledValue) -> ExecFn {
        switch v {
        case .num(let f, _, _): return { rt in _ = try f(rt); return .normal }
        case .bool(let f, _): return { rt in _ = try f(rt); return .normal }
        case .str(let f, _): return { rt in _ = try f(rt); return .normal }
        case .array(let f, _): return { rt in _ = try f(rt); return .normal }
        case .tuple(let p, _): return p
        case .void(let f): return f
        case .na: return { _ in .normal }
        }
    }
}

/// One `input.*` call of an instance: the cell its value is read from.
struct InstanceInput {
    var spec: InputSpec
    var cell: UnsafeMutablePointer<Double>?
    var text: UnsafeMutablePointer<String>?
}
