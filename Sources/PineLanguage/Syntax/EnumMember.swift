/// One member of an `enum`: `name [= "title"]`.
public struct EnumMember: Sendable, Hashable {
    public var name: Name
    public var title: Expression?

    public init(name: Name, title: Expression?) {
        self.name = name
        self.title = title
    }
}
