/// A built-in function: its qualified name and its overloads.
public struct BuiltinFunction: Sendable, Hashable {
    /// The qualified name: `ta.sma`, `strategy.entry`, `na`.
    public var name: String
    public var category: BuiltinCategory
    /// The overloads in the order they are tried when binding arguments.
    public var overloads: [BuiltinSignature]
    /// True for no-op families (`label.*`, `line.*`, ...) that take any arguments.
    public var acceptsAnyArguments: Bool
    /// True when a call's result depends only on its arguments (and the call site's own
    /// series state): such a call at the top level can be computed for every bar before
    /// the bar loop.
    public var isPure: Bool

    public init(
        name: String, category: BuiltinCategory, overloads: [BuiltinSignature], acceptsAnyArguments: Bool = false,
        isPure: Bool = false
    ) {
        self.name = name
        self.category = category
        self.overloads = overloads
        self.acceptsAnyArguments = acceptsAnyArguments
        self.isPure = isPure
    }

    /// Every parameter name of every overload, in the order of first appearance: the
    /// slots a bound call's arguments are given in (`BoundCall.slots`).
    public var parameterNames: [String] {
        var names: [String] = []
        for overload in overloads {
            for p in overload.parameters where !names.contains(p.name) { names.append(p.name) }
        }
        return names
    }

    /// True when some overload takes more arguments than it lists (`math.max(a, b, c)`).
    public var isVariadic: Bool { overloads.contains { $0.isVariadic } }

    /// True when the call has no effect on a backtest.
    public var isNoOp: Bool { category == .noOp }
}
