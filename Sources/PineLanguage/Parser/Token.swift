/// One token with its text and where it stands.
struct Token: Sendable {
    var kind: TokenKind
    /// Identifier or keyword spelling, resolved string contents, or number text.
    var text: String
    var range: SourceRange
}
