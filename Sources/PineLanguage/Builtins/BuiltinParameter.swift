/// One parameter of a built-in function, as TradingView names it.
public struct BuiltinParameter: Sendable, Hashable {
    public var name: String
    public var defaultValue: BuiltinDefault

    public init(name: String, defaultValue: BuiltinDefault) {
        self.name = name
        self.defaultValue = defaultValue
    }

    /// True when a call must give this argument.
    public var isRequired: Bool { defaultValue == .required }
}
