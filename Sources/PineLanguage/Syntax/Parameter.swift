/// One parameter of a user function: `[qualifier] [type] name [= default]`.
public struct Parameter: Sendable, Hashable {
    public var qualifier: TypeQualifier?
    public var type: TypeReference?
    public var name: Name
    public var defaultValue: Expression?
    public var range: SourceRange

    public init(qualifier: TypeQualifier?, type: TypeReference?, name: Name, defaultValue: Expression?, range: SourceRange) {
        self.qualifier = qualifier
        self.type = type
        self.name = name
        self.defaultValue = defaultValue
        self.range = range
    }
}
