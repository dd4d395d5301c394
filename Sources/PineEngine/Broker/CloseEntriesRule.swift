import Foundation

/// Which open entries an exit closes first (`close_entries_rule`).
public enum CloseEntriesRule: String, Sendable, Hashable, CaseIterable {
    /// The oldest entry first (TradingView's default).
    case fifo = "FIFO"
    /// Exits may close any entry, by its id.
    case any = "ANY"

    /// Parses `FIFO` / `ANY` in any case.
    public init?(pineName: String) {
        self.init(rawValue: pineName.trimmingCharacters(in: .whitespaces).uppercased())
    }
}
