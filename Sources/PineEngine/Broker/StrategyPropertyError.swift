import Foundation

/// A bad `strategy()` property override.
public enum StrategyPropertyError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownKey(String)
    case invalidValue(key: String, value: String, expected: String)
    /// Overrides that are each valid but not together (the reason says which).
    case unsupportedCombination(String)

    public var description: String {
        switch self {
        case .unknownKey(let key):
            return "unknown override '\(key)'; valid keys: \(StrategyProperties.overrideKeys.joined(separator: ", "))"
        case .invalidValue(let key, let value, let expected):
            return "override \(key)=\(value) is invalid: expected \(expected)"
        case .unsupportedCombination(let reason):
            return "overrides: \(reason)"
        }
    }
}
