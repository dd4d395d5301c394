import PineLanguage

/// The names visible while one instance is built: a stack of frames, the
/// script's globals first, the innermost block last. Input: declarations as
/// they are compiled; output: what a name refers to.
struct Scope {
    private var frames: [[String: Binding]] = [[:]]

    /// What `name` refers to, innermost frame first; nil when it is not declared.
    func lookup(_ name: String) -> Binding? {
        for frame in frames.reversed() {
            if let b = frame[name] { return b }
        }
        return nil
    }

    /// What `name` refers to and the index of the frame it is declared in (0: the globals).
    func find(_ name: String) -> (Binding, Int)? {
        for index in frames.indices.reversed() {
            if let b = frames[index][name] { return (b, index) }
        }
        return nil
    }

    /// The number of frames.
    var depth: Int { frames.count }

    /// Declares `name` in the innermost frame.
    mutating func bind(_ name: String, _ binding: Binding) {
        frames[frames.count - 1][name] = binding
    }

    mutating func push() { frames.append([:]) }

    mutating func pop() { frames.removeLast() }

    /// A scope that sees only the globals (a user function's body) plus one fresh frame.
    func globalsOnly() -> Scope {
        var s = Scope()
        s.frames = [frames[0], [:]]
        return s
    }
}
