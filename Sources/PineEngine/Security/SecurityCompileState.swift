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
