/// The strings behind the labels of one run's orders, each distinct string
/// stored once (equal strings, by `String` equality, share one label).
struct OrderLabels: Sendable {
    /// The strings by label number; number 0 is `OrderLabel.none`.
    private var strings: [String] = [""]
    private var numbers: [String: Int32] = [:]

    /// Forgets every string, keeping the storage.
    mutating func reset() {
        strings.removeAll(keepingCapacity: true)
        strings.append("")
        numbers.removeAll(keepingCapacity: true)
    }

    /// The label of `text`, added on its first use.
    mutating func label(_ text: String) -> OrderLabel {
        if let n = numbers[text] { return OrderLabel(raw: n) }
        let n = Int32(strings.count)
        strings.append(text)
        numbers[text] = n
        return OrderLabel(raw: n)
    }

    /// The label of `text`, `.none` for nil.
    mutating func label(_ text: String?) -> OrderLabel {
        guard let text else { return .none }
        return label(text)
    }

    /// The label of `text` when some order has used it, nil otherwise (then
    /// no order carries it).
    func existing(_ text: String) -> OrderLabel? {
        numbers[text].map { OrderLabel(raw: $0) }
    }

    /// The string behind `label`, nil for `.none`.
    @inline(__always)
    subscript(label: OrderLabel) -> String? {
        label.isNone ? nil : strings[Int(label.raw)]
    }

    /// The string behind `label`, empty for `.none`.
    @inline(__always)
    func name(_ label: OrderLabel) -> String {
        strings[Int(label.raw)]
    }
}
