/// `[var|varip] [qualifier] [type] name = value`.
public struct VariableDeclaration: Sendable, Hashable {
    public var mode: DeclarationMode
    public var qualifier: TypeQualifier?
    public var type: TypeReference?
    public var name: Name
    public var initializer: Expression

    public init(mode: DeclarationMode, qualifier: TypeQualifier?, type: TypeReference?, name: Name, initializer: Expression) {
        self.mode = mode
        self.qualifier = qualifier
        self.type = type
        self.name = name
        self.initializer = initializer
    }
}
