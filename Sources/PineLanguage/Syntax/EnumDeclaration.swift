/// One member of an `enum`: `name [= "title"]`.
public struct EnumMember: Sendable, Hashable {
    public var name: Name
    public var title: Expression?

    public init(name: Name, title: Expression?) {
        self.name = name
        self.title = title
    }
}

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
