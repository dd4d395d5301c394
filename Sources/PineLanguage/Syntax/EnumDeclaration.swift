/// `[export] enum Name` and its members.
public struct EnumDeclaration: Sendable, Hashable {
    public var name: Name
    public var members: [EnumMember]
    public var isExported: Bool

    public init(name: Name, members: [EnumMember], isExported: Bool) {
        self.name = name
        self.members = members
        self.isExported = isExported
    }
}
