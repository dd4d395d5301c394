/// A name introduced by a declaration, with where it stands.
public struct Name: Sendable, Hashable {
    public var text: String
    public var range: SourceRange

    public init(_ text: String, range: SourceRange) {
        self.text = text
        self.range = range
    }
}
