import PineLanguage

/// The names visible while one instance is built: a stack of frames, the
/// script's globals first, the innermost block last. Input: declarations as
/// they are compiled; output: what a name refers to, and for a local
/// variable the declaration it came from.
struct Scope {
    private var frames: [[String: Binding]] = [[:]]
    /// Per frame: the local variables' declarations (what a requested
    /// expression computes again).
    private var declarations: [[String: LocalDeclaration]] = [[:]]
    /// Per frame: true when its statements run whenever the enclosing
    /// function (or the script) runs: the globals and a function's body,
    /// not the block of an `if`, a loop or a `switch`.
    private var unconditional: [Bool] = [true]
    /// Per frame: the order in which its names were declared (so that the
    /// scope a local was declared in can be rebuilt without keeping a copy).
    private var serials: [[String: Int]] = [[:]]
    private var nextSerial = 0

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
        serials[serials.count - 1][name] = nextSerial
        nextSerial += 1
    }

    /// Records that the local variable `name`, about to be declared in the
    /// innermost frame, comes from `form`.
    mutating func note(_ name: String, _ form: LocalDeclaration.Form) {
        declarations[declarations.count - 1][name] = LocalDeclaration(
            form: form, frame: frames.count - 1, serial: nextSerial)
    }

    /// The names as they were when `local` was declared: its frame and the
    /// ones enclosing it, without what was declared in them afterwards.
    func asDeclared(_ local: LocalDeclaration) -> Scope {
        var s = self
        let keep = min(local.frame + 1, frames.count)
        s.frames.removeLast(frames.count - keep)
        s.declarations.removeLast(frames.count - keep)
        s.unconditional.removeLast(frames.count - keep)
        s.serials.removeLast(frames.count - keep)
        for i in 0..<keep {
            let later = s.serials[i].filter { $0.value >= local.serial }.map(\.key)
            for name in later {
                s.frames[i][name] = nil
                s.declarations[i][name] = nil
                s.serials[i][name] = nil
            }
        }
        return s
    }

    /// The declaration of the local variable `name` of frame `index`, when recorded.
    func declaration(of name: String, inFrame index: Int) -> LocalDeclaration? {
        index < declarations.count ? declarations[index][name] : nil
    }

    /// True when frame `index` runs whenever its function (or the script) runs.
    func isUnconditional(_ index: Int) -> Bool {
        index < unconditional.count && unconditional[index]
    }

    /// A new innermost frame: the block of an `if`, a loop, a `switch`.
    mutating func push() {
        frames.append([:])
        declarations.append([:])
        unconditional.append(false)
        serials.append([:])
    }

    mutating func pop() {
        frames.removeLast()
        declarations.removeLast()
        unconditional.removeLast()
        serials.removeLast()
    }

    /// A scope that sees only the globals (a user function's body) plus one
    /// fresh frame, which runs whenever the function runs.
    func globalsOnly() -> Scope {
        var s = Scope()
        s.frames = [frames[0], [:]]
        s.declarations = [declarations[0], [:]]
        s.unconditional = [true, true]
        s.serials = [serials[0], [:]]
        s.nextSerial = nextSerial
        return s
    }
}
