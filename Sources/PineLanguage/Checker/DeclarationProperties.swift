/// The properties a script's `strategy(...)` or `indicator(...)` call gives, as constants
/// by TradingView's parameter names (positional arguments mapped through the registry).
/// Built-in constants stay by their dotted name: `commission_type` is
/// `.constant("strategy.commission.percent")`.
public struct DeclarationProperties: Sendable, Hashable {
    public var kind: ScriptDeclaration.Kind
    /// The `title` argument ("" when missing).
    public var title: String
    /// The arguments given, in source order, by parameter name.
    public var properties: [(name: String, value: ConstantValue)]
    /// Where the declaration call stands.
    public var range: SourceRange
    /// Where each given argument's value stands, by parameter name.
    public var argumentRanges: [String: SourceRange] = [:]
    /// The arguments whose value is not a constant, by parameter name, in source order.
    public var nonConstant: [String] = []

    public init(kind: ScriptDeclaration.Kind, title: String, properties: [(name: String, value: ConstantValue)], range: SourceRange) {
        self.kind = kind
        self.title = title
        self.properties = properties
        self.range = range
    }

    /// A script without a declaration: an indicator with no properties.
    public static func undeclared(range: SourceRange) -> DeclarationProperties {
        DeclarationProperties(kind: .indicator, title: "", properties: [], range: range)
    }

    /// The value given for `name`, or nil when the script leaves it at its default.
    public subscript(name: String) -> ConstantValue? {
        properties.first { $0.name == name }?.value
    }

    /// Reads the declaration of `script`, folding constant expressions (`1000 * 10`, the
    /// script's own constants: `strategy(TITLE)`);
    /// arguments that are not constants are listed in `nonConstant`; arguments that do
    /// not fit the signature are left out (the support checker reports them).
    public init?(_ script: Script) {
        guard let declaration = script.declaration else { return nil }
        kind = declaration.kind
        range = declaration.range
        properties = []
        title = ""
        guard let function = Builtins.function(named: declaration.kind.rawValue),
            case .success(let bound) = function.bind(declaration.arguments, callRange: declaration.range)
        else { return }
        let ordered = bound.arguments.enumerated().compactMap { index, slot in
            slot.map { (bound.signature.parameters[index].name, $0) }
        }.sorted { $0.1.range.start.offset < $1.1.range.start.offset }
        let constants = InputDiscovery.constants(of: script)
        for (name, argument) in ordered {
            argumentRanges[name] = argument.value.range
            guard let value = ConstantValue.fold(argument.value, constants: constants), value.isConstant else {
                nonConstant.append(name)
                continue
            }
            properties.append((name, value))
            if name == "title", case .string(let text) = value { title = text }
        }
    }

    public static func == (a: DeclarationProperties, b: DeclarationProperties) -> Bool {
        a.kind == b.kind && a.title == b.title && a.range == b.range && a.nonConstant == b.nonConstant
            && a.properties.map(\.name) == b.properties.map(\.name) && a.properties.map(\.value) == b.properties.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(title)
        for p in properties {
            hasher.combine(p.name)
            hasher.combine(p.value)
        }
    }
}
