/// One `input.*` call of a script: the optimizer's search space.
public struct InputSpec: Sendable, Hashable {
    /// What kind of input the call declares.
    public enum Kind: String, Sendable, Hashable {
        case int, float, bool, string, source, timeframe, session, price, time, symbol, color
    }

    /// The variable the input is assigned to (`fastLen` in `fastLen = input.int(...)`).
    public var name: String
    /// The title argument, when given (`"Fast SMA"`).
    public var title: String?
    public var kind: Kind
    public var defaultValue: InputValue
    public var minval: Double?
    public var maxval: Double?
    public var step: Double?
    /// The allowed values, when the call gives `options=[...]`.
    public var options: [InputValue]
    public var group: String?
    public var tooltip: String?
    /// Other spellings of option values: an enum input's member names, by the
    /// option (the member's title) each one stands for.
    public var aliases: [String: String] = [:]
    /// Where the `input.*` call stands in the source.
    public var range: SourceRange

    public init(
        name: String, title: String?, kind: Kind, defaultValue: InputValue,
        minval: Double? = nil, maxval: Double? = nil, step: Double? = nil,
        options: [InputValue] = [], group: String? = nil, tooltip: String? = nil,
        range: SourceRange
    ) {
        self.name = name
        self.title = title
        self.kind = kind
        self.defaultValue = defaultValue
        self.minval = minval
        self.maxval = maxval
        self.step = step
        self.options = options
        self.group = group
        self.tooltip = tooltip
        self.range = range
    }

    /// The value an option spelled by an alias stands for (`long` for the title
    /// "Long only"); any other value unchanged.
    public func canonical(_ value: InputValue) -> InputValue {
        if case .string(let s) = value, let option = aliases[s] { return .string(option) }
        return value
    }
}

extension Array where Element == InputSpec {
    /// The input with this variable name, or else with this title.
    public func input(named key: String) -> InputSpec? {
        first { $0.name == key } ?? first { $0.title == key }
    }
}
