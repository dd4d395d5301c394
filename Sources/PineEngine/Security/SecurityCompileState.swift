import PineLanguage

/// What the compiler keeps while it lowers the expressions of
/// `request.security` calls: the script's top-level declarations (a
/// requested expression that names a global computes it again in the
/// requested context, from its declaration) and the frames being compiled.
final class SecurityCompileState {
    /// A top-level declaration a requested expression may compute again.
    enum Global {
        case single(VariableDeclaration)
        case tuple(TupleDeclaration)
    }

    /// Top-level declarations by name (the last one wins, as in Pine).
    private(set) var globals: [String: Global] = [:]
    /// The requested expressions being compiled, innermost last.
    var frames: [SecurityFrame] = []

    var isActive: Bool { !frames.isEmpty }

    /// Indexes the script's top-level declarations.
    func index(_ statements: [Statement]) {
        for s in statements {
            switch s.kind {
            case .variableDeclaration(let d): globals[d.name.text] = .single(d)
            case .tupleDeclaration(let d):
                for n in d.names where n.text != "_" { globals[n.text] = .tuple(d) }
            default: break
            }
        }
    }
}

/// Where the value of a user function's parameter comes from: the
/// argument written at the call (or the parameter's default) and the scope
/// it is read in. A requested expression inside the function that reads
/// the parameter computes that expression again in the requested context.
struct ParameterSource {
    var expression: Expression
    var scope: Scope
    var declaredType: String?
}

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

    init(baseDepth: Int, inlineDepth: Int, range: SourceRange) {
        self.baseDepth = baseDepth
        self.inlineDepth = inlineDepth
        self.range = range
    }
}
