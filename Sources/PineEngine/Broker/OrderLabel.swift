/// A string an order carries (its id, the entry id an exit is for, its
/// one-cancels-all group, a comment), held by number: an order is then a
/// plain value that copies without reference counting, and ids compare as
/// integers. The strings live in the book's `OrderLabels`.
struct OrderLabel: Hashable, Sendable {
    var raw: Int32

    /// No string: no comment, no group, an exit for every entry.
    static let none = OrderLabel(raw: 0)

    @inline(__always) var isNone: Bool { raw == 0 }
}
