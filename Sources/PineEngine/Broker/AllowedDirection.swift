import Foundation

/// The directions `strategy.risk.allow_entry_in` permits.
public enum AllowedDirection: String, Sendable, Hashable, CaseIterable {
    case all, long, short

    /// Parses `all`, `long`, `short`, optionally `strategy.direction.`-prefixed.
    public init?(pineName: String) {
        var name = pineName.trimmingCharacters(in: .whitespaces).lowercased()
        if name.hasPrefix("strategy.direction.") { name.removeFirst("strategy.direction.".count) }
        self.init(rawValue: name)
    }
}
