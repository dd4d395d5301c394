/// A call's arguments matched to one overload of a built-in, by position and by name.
public struct BoundCall: Sendable, Hashable {
    public var function: BuiltinFunction
    /// Which overload matched (an index into `function.overloads`; 0 for any-argument no-ops).
    public var overloadIndex: Int
    /// The matched overload's parameters (empty for any-argument no-ops).
    public var signature: BuiltinSignature
    /// One slot per parameter of `signature`: the argument the call gives, or nil when the
    /// parameter takes its default.
    public var arguments: [CallArgument?]
    /// Positional arguments past the listed parameters of a variadic function (and every
    /// argument of an any-argument no-op).
    public var extraArguments: [CallArgument]

    /// The argument given for the parameter `name`, or nil when it takes its default.
    public func argument(_ name: String) -> CallArgument? {
        guard let i = signature.index(of: name) else { return nil }
        return arguments[i]
    }

    /// The arguments by position in `function.parameterNames` (the same slots whichever
    /// overload matched): nil where the call leaves a parameter to its default.
    public var slots: [CallArgument?] {
        let names = function.parameterNames
        var result = [CallArgument?](repeating: nil, count: names.count)
        for (i, argument) in arguments.enumerated() {
            guard let argument, let k = names.firstIndex(of: signature.parameters[i].name) else { continue }
            result[k] = argument
        }
        return result
    }
}
