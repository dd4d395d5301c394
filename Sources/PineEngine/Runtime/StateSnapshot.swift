/// A saved copy of one arena cell or state, taken and put back as a whole.
class StateSnapshot {
    /// Keeps the current value.
    func save() {}
    /// Puts the kept value back.
    func restore() {}
}
