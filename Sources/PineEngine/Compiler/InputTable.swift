import PineLanguage

/// The script's inputs (the front end's list, the one source of truth) and
/// the cell each one is read from in an instance. Input: an `input*` call's
/// location; output: its specification and cell. A call site inlined more
/// than once (an input inside a user function) shares one cell.
final class InputTable {
    private let arena: Arena
    /// Every input of the script, in source order, with its cell once compiled.
    private(set) var entries: [InstanceInput]
    /// The inputs met so far while compiling, in order (repeats included):
    /// the inputs an expression reads are those met while it was compiled.
    private(set) var met: [InstanceInput] = []

    init(specs: [InputSpec], arena: Arena) {
        self.arena = arena
        entries = specs.map { InstanceInput(spec: $0, cell: nil, text: nil) }
    }

    /// The specification of the `input*` call at `range`, nil when the front end has none.
    func spec(at range: SourceRange) -> InputSpec? {
        entries.first { $0.spec.range.start.offset == range.start.offset }?.spec
    }

    /// The numeric cell of the input at `range`, allocated on first use with `initial`.
    func cell(at range: SourceRange, initial: Double) -> UnsafeMutablePointer<Double>? {
        guard let i = index(of: range) else { return nil }
        if entries[i].cell == nil { entries[i].cell = arena.cell(initial) }
        met.append(entries[i])
        return entries[i].cell
    }

    /// The text cell of the input at `range`, allocated on first use with `initial`.
    func text(at range: SourceRange, initial: String) -> UnsafeMutablePointer<String>? {
        guard let i = index(of: range) else { return nil }
        if entries[i].text == nil { entries[i].text = arena.state { initial } }
        met.append(entries[i])
        return entries[i].text
    }

    private func index(of range: SourceRange) -> Int? {
        entries.firstIndex { $0.spec.range.start.offset == range.start.offset }
    }
}
