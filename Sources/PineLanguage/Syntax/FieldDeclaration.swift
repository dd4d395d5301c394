/// One field of a user-defined type: `[varip] type name [= default]`.
public struct FieldDeclaration: Sendable, Hashable {
    public var isVarip: Bool
    public var type: TypeReference
    public var name: Name
    public var defaultValue: Expression?
    public var range: SourceRange

    public init(isVarip: Bool, type: TypeReference, name: Name, defaultValue: Expression?, range: SourceRange) {
        self.isVarip = isVarip
        self.type = type
        self.name = name
        self.defaultValue = defaultValue
        self.range = range
    }
}
