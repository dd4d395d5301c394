/// One argument of a call, positional or named (`minval=1`).
public struct CallArgument: Sendable, Hashable {
    /// The name in `name=value`, nil for a positional argument.
    public var label: String?
    /// Where the label stands, when there is one.
    public var labelRange: SourceRange?
    public var value: Expression
    /// The whole argument, label included.
    public var range: SourceRange

    public init(label: String?, labelRange: SourceRange?, value: Expression, range: SourceRange) {
        self.label = label
        self.labelRange = labelRange
        self.value = value
        self.range = range
    }
}
