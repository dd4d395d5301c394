/// The default a built-in parameter takes when a call leaves it out.
public enum BuiltinDefault: Sendable, Hashable, CustomStringConvertible {
    /// No default: the call must give the argument.
    case required
    /// Optional; when left out the value is `na` (or the engine's documented behaviour,
    /// e.g. `qty` of `strategy.entry` falls back to the `strategy()` defaults).
    case na
    case int(Int)
    case float(Double)
    case bool(Bool)
    case string(String)
    /// A built-in variable or constant, by its dotted name: `close`, `order.ascending`.
    case constant(String)

    public var description: String {
        switch self {
        case .required: return "required"
        case .na: return "na"
        case .int(let v): return String(v)
        case .float(let v): return String(v)
        case .bool(let v): return v ? "true" : "false"
        case .string(let v): return "\"\(v)\""
        case .constant(let v): return v
        }
    }
}

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

/// What part of the language a built-in belongs to; tells the engine how to treat it.
public enum BuiltinCategory: String, Sendable, Hashable {
    /// `strategy(...)`, `indicator(...)`, `library(...)`.
    case declaration
    /// `input(...)`, `input.int(...)`, ...
    case input
    /// `ta.*` indicators (each call site owns state).
    case technical
    /// `math.*`.
    case math
    /// `str.*`.
    case string
    /// `array.*`.
    case array
    /// `map.*` and `matrix.*`.
    case collection
    /// `color.*` functions.
    case color
    /// `strategy.entry`, `strategy.exit`, ... and the `strategy.risk.*` rules.
    case order
    /// `strategy.opentrades.*(i)`, `strategy.closedtrades.*(i)`, conversions.
    case strategyState
    /// `na`, `nz`, `fixnan`, casts, time and calendar functions, `runtime.error`.
    case core
    /// `plot(...)`: records an output series.
    case plot
    /// Drawing, alerts, logging: accepted and without effect on a backtest.
    case noOp
}

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

/// A built-in variable or constant: `close`, `strategy.position_size`, `color.red`.
public struct BuiltinVariable: Sendable, Hashable {
    /// The qualified name.
    public var name: String
    /// The value type: `float`, `int`, `bool`, `string`, `color`, or an opaque constant
    /// kind such as `direction`, `qty_type`, `commission_type`, `oca_type`, `sort_order`, `style`.
    public var type: String
    /// `const`, `simple` or `series`.
    public var qualifier: TypeQualifier

    public init(name: String, type: String, qualifier: TypeQualifier) {
        self.name = name
        self.type = type
        self.qualifier = qualifier
    }

    /// True for values fixed before the script runs (`strategy.long`, `color.red`, `math.pi`).
    public var isConstant: Bool { qualifier == .const }
}
