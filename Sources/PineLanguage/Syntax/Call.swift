/// A call `callee<typeArguments>(arguments)`.
public struct Call: Sendable, Hashable {
    /// What is called: usually an identifier or member chain (`ta.sma`), or a
    /// method call's `receiver.name`.
    public var callee: Expression
    /// Generic type arguments: `<float>` in `array.new<float>()`.
    public var typeArguments: [TypeReference]
    /// The arguments in source order.
    public var arguments: [CallArgument]

    public init(callee: Expression, typeArguments: [TypeReference] = [], arguments: [CallArgument]) {
        self.callee = callee
        self.typeArguments = typeArguments
        self.arguments = arguments
    }
}
