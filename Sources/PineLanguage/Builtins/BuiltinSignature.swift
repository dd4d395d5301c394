/// One overload of a built-in function: its parameters in TradingView's order.
public struct BuiltinSignature: Sendable, Hashable, CustomStringConvertible {
    public var parameters: [BuiltinParameter]
    /// True when more arguments may follow the listed parameters (`math.max(a, b, ...)`,
    /// `str.format(fmt, ...)`); the extra arguments are positional only.
    public var isVariadic: Bool

    public init(parameters: [BuiltinParameter], isVariadic: Bool = false) {
        self.parameters = parameters
        self.isVariadic = isVariadic
    }

    /// The parameter's position, or nil when the overload has no such parameter.
    public func index(of name: String) -> Int? { parameters.firstIndex { $0.name == name } }

    public var description: String {
        let names = parameters.map { p in p.isRequired ? p.name : "\(p.name)=\(p.defaultValue)" }
        return "(" + (names + (isVariadic ? ["..."] : [])).joined(separator: ", ") + ")"
    }
}
