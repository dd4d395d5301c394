/// How a variable keeps its value across bars.
public enum DeclarationMode: String, Sendable, Hashable {
    /// Re-evaluated on every bar (no keyword).
    case none = ""
    /// `var`: initialized once, persists across bars.
    case `var` = "var"
    /// `varip`: like `var`, persists across intrabar updates too.
    case varip = "varip"
}
