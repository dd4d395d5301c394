/// `[export] type Name` and its fields.
public struct TypeDeclaration: Sendable, Hashable {
    public var name: Name
    public var fields: [FieldDeclaration]
    public var isExported: Bool

    public init(name: Name, fields: [FieldDeclaration], isExported: Bool) {
        self.name = name
        self.fields = fields
        self.isExported = isExported
    }
}
