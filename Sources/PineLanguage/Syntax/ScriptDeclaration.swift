/// The declaration statement that opens a script.
public struct ScriptDeclaration: Sendable, Hashable {
    /// Which declaration function the script calls.
    public enum Kind: String, Sendable, Hashable {
        case strategy, indicator, library
    }

    public var kind: Kind
    /// The call's arguments as written (positional and named).
    public var arguments: [CallArgument]
    /// The whole call.
    public var range: SourceRange

    public init(kind: Kind, arguments: [CallArgument], range: SourceRange) {
        self.kind = kind
        self.arguments = arguments
        self.range = range
    }
}
