/// One entry of `[params]`: an input to search and the values it may take.
public struct ParamDefinition: Sendable, Equatable {
    /// How the values are given.
    public enum Domain: Sendable, Equatable {
        /// An explicit list: `{ values = [1.5, 2.0] }`.
        case values([ConfigValue])
        /// A range: `{ from = 5, to = 50, step = 1 }`, optionally `log = true`
        /// (random search draws log-uniformly). `from`/`to` keep their TOML
        /// type so that integer ranges stay integers.
        case range(from: ConfigValue, to: ConfigValue, step: Double?, log: Bool)
    }

    /// The key as written (an input's variable name or title).
    public var key: String
    public var domain: Domain
    /// The line of the key in the config (nil when set with `--set`).
    public var line: Int?
}
