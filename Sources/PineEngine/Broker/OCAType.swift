/// `strategy.oca.*`: what happens to the other orders of a one-cancels-all
/// group when one of them fills.
public enum OCAType: String, Sendable, Hashable {
    /// Not a group.
    case none
    /// The others are cancelled.
    case cancel
    /// The others' quantities are reduced by the filled quantity.
    case reduce

    /// Parses `cancel`, `strategy.oca.reduce`, ...
    public init?(pineName: String) {
        var name = pineName.lowercased()
        if name.hasPrefix("strategy.oca.") { name.removeFirst("strategy.oca.".count) }
        self.init(rawValue: name)
    }
}
