import PineLanguage

/// One requested expression being compiled: the variables it computed again
/// (their bindings and, in dependency order, the steps computing them on
/// each requested bar) and the first reason it cannot be compiled.
final class SecurityFrame {
    /// A variable of the chart's context computed again: its name, the scope
    /// frame it is declared in (0: the globals) and the inlined function
    /// level it belongs to (-1 for globals), so that a local and a global, or
    /// a function's and its caller's variables, of one name stay apart.
    struct Key: Hashable {
        let level: Int
        let frame: Int
        let name: String
    }

    /// Scope frames at or above this depth belong to the requested expression.
    var baseDepth: Int
    /// The inlining depth when the frame started: a user function inlined
    /// inside the expression has all its scope frames in the frame.
    var inlineDepth: Int
    /// The requested expression (where its errors point).
    let range: SourceRange
    var bindings: [Key: Binding] = [:]
    var steps: [Step] = []
    /// Set while a global's declaration is compiled again (its scope is the frame's).
    var recompiling = 0
    /// Variables whose declaration is being compiled (a cycle guard).
    var pending: Set<Key> = []
    var failure: CompileError?
    /// True when the request converts the requested prices (`currency =`).
    var convertsCurrency = false
    /// True when the expression calls `strategy.convert_to_account` or
    /// `convert_to_symbol` (the site then works out their rates).
    var usesAccountRate = false

    init(baseDepth: Int, inlineDepth: Int, range: SourceRange) {
        self.baseDepth = baseDepth
        self.inlineDepth = inlineDepth
        self.range = range
    }
}
