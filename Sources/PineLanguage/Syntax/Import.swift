/// `import user/library/version [as alias]`.
public struct Import: Sendable, Hashable {
    /// The library path as written: `TradingView/ta/7`.
    public var path: String
    public var alias: Name?

    public init(path: String, alias: Name?) {
        self.path = path
        self.alias = alias
    }
}
