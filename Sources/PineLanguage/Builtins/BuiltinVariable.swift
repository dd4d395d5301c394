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
