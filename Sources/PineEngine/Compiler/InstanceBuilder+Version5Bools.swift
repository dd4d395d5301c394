import PineLanguage

extension InstanceBuilder {
    /// A three-state read of a stored bool (NaN is `na`).
    func noteVersion5BoolState(
        _ range: SourceRange, _ read: @escaping NumFn, sources: [UnsafeMutableRawPointer], mayBeNa: Bool
    ) {
        guard isVersion5 else { return }
        version5Bools.states[range] = Version5Bools.State(read: read, sources: sources, mayBeNa: mayBeNa)
    }

    /// After a bool ternary compiled: its three-state value when one of its
    /// arms may be `na` (the condition reads `na` as false).
    func noteVersion5Ternary(_ e: Expression, _ condition: @escaping BoolFn, _ t: Expression, _ o: Expression, _ value: CompiledValue) {
        guard isVersion5, value.type == .bool else { return }
        let arms = [t, o]
        guard arms.contains(where: { version5Bools.states[$0.range] != nil }) else { return }
        var reads: [NumFn] = []
        var sources: [UnsafeMutableRawPointer] = []
        var mayBeNa = false
        for arm in arms {
            if let s = version5Bools.states[arm.range] {
                reads.append(s.read)
                sources += s.sources
                mayBeNa = mayBeNa || s.mayBeNa
            } else {
                // An arm whose na is not known exactly leaves the ternary unknown.
                guard let c = definiteBool(arm) else { return }
                reads.append { _ in c ? 1 : 0 }
            }
        }
        let (yes, no) = (reads[0], reads[1])
        version5Bools.states[e.range] = Version5Bools.State(
            read: { rt in try condition(rt) ? yes(rt) : no(rt) }, sources: sources, mayBeNa: mayBeNa)
    }

    /// After a bool `if` or `switch` used as a value: its three-state value
    /// when an arm may be `na`, or when no arm is taken without an `else`
    /// (version 5 gives `na` there, version 6 false). Only arms that are one
    /// expression take part; any other arm leaves the value unknown.
    func noteVersion5Choice(
        _ range: SourceRange, _ conditions: [BoolFn], _ bodies: [Block], otherwise: Block?, _ value: CompiledValue
    ) {
        guard isVersion5, value.type == .bool, conditions.count == bodies.count else { return }
        var known = false
        var mayBeNa = otherwise == nil
        var sources: [UnsafeMutableRawPointer] = []
        func armRead(_ body: Block) -> NumFn? {
            guard body.count == 1, case .expression(let e) = body[0].kind else { return nil }
            if let s = version5Bools.states[e.range] {
                known = true
                mayBeNa = mayBeNa || s.mayBeNa
                sources += s.sources
                return s.read
            }
            guard let c = definiteBool(e) else { return nil }
            return { _ in c ? 1 : 0 }
        }
        var reads: [NumFn] = []
        for body in bodies {
            guard let read = armRead(body) else { return }
            reads.append(read)
        }
        let fallback: NumFn
        if let otherwise {
            guard let read = armRead(otherwise) else { return }
            fallback = read
        } else {
            fallback = { _ in .nan }
        }
        guard known || mayBeNa else { return }
        version5Bools.states[range] = Version5Bools.State(
            read: Self.select(conditions, reads, fallback), sources: sources, mayBeNa: mayBeNa)
    }

    /// After a comparison, `and`, `or` or `not` compiled in version 5: a
    /// comparison is never `na` (an `na` operand makes it false, as the
    /// compiled comparison gives), and so is `and`/`or`/`not` of operands
    /// that are never `na` (literals, `na()`, comparisons and such
    /// combinations). An operand that may be `na` or whose `na` is not known
    /// (a variable, a function's result) leaves the value unknown.
    func noteVersion5Logic(_ e: Expression, _ value: CompiledValue, operands: [Expression]) {
        guard isVersion5, version5Bools.states[e.range] == nil, case .bool(let f, _) = value else { return }
        for x in operands where !isDefiniteVersion5Bool(x) {
            guard let s = version5Bools.states[x.range], !s.mayBeNa, s.sources.isEmpty else { return }
        }
        version5Bools.states[e.range] = Version5Bools.State(read: { rt in try f(rt) ? 1 : 0 }, sources: [], mayBeNa: false)
    }

    /// The value of a bool literal.
    private func definiteBool(_ e: Expression) -> Bool? {
        if case .boolLiteral(let b) = e.kind { return b }
        return nil
    }

    /// Whether a bool expression is never `na` in version 5 as far as this
    /// compiler knows exactly: a literal, `na()` itself, or a ternary
    /// choosing between such values.
    func isDefiniteVersion5Bool(_ e: Expression) -> Bool {
        switch e.kind {
        case .boolLiteral: return true
        case .call(let c): return c.callee.dottedName == "na"
        case .ternary(_, let t, let o): return isDefiniteVersion5Bool(t) && isDefiniteVersion5Bool(o)
        default: return false
        }
    }

    /// The value a declaration or assignment stores into a bool variable:
    /// its three-state value in version 5 (NaN for `na`), 1 or 0 otherwise
    /// (a version 6 `na` bool is false). Notes what the store may hold.
    func boolStoreValue(_ e: Expression, _ value: CompiledValue, into key: UnsafeMutableRawPointer) throws -> NumFn {
        if isVersion5 {
            if let s = version5Bools.states[e.range] {
                version5Bools.stores[key, default: []].append(
                    .init(exact: true, mayBeNa: s.mayBeNa, sources: s.sources, range: e.range))
                return s.read
            }
            if case .na = value {
                version5Bools.stores[key, default: []].append(.init(exact: true, mayBeNa: true, sources: [], range: e.range))
                return { _ in .nan }
            }
            version5Bools.stores[key, default: []].append(
                .init(exact: isDefiniteVersion5Bool(e), mayBeNa: false, sources: [], range: e.range))
        }
        let b = try boolean(value, e.range)
        return { rt in try b(rt) ? 1 : 0 }
    }

    /// `a == b` / `a != b` of two version 5 bools: with a literal on one side,
    /// `na` equals neither true nor false; two bools that may be `na` are
    /// refused (now, or once the script is compiled for variables). Nil when
    /// neither side may be `na`.
    func version5BoolEquality(_ op: BinaryOperator, _ a: Expression, _ b: Expression, _ range: SourceRange) throws
        -> CompiledValue?
    {
        guard isVersion5 else { return nil }
        let sa = version5Bools.states[a.range]
        let sb = version5Bools.states[b.range]
        guard sa != nil || sb != nil else { return nil }
        if let (state, literal) = sa.map({ ($0, definiteBool(b)) }) ?? sb.map({ ($0, definiteBool(a)) }), let literal {
            let read = state.read
            let target: Double = literal ? 1 : 0
            if op == .equal { return .bool({ rt in try read(rt) == target }, nil) }
            return .bool({ rt in try read(rt) != target }, nil)
        }
        for (s, e) in [(sa, a), (sb, b)] {
            guard let s else { continue }
            if s.mayBeNa {
                throw error(
                    e.range,
                    "comparing a bool that may be na with '\(op.rawValue)' is not supported for //@version=5 "
                        + "(version 5's na is neither true nor false); test it with na() first, or convert the script to version 6")
            }
            for source in s.sources { version5Bools.compared.append((source, range)) }
        }
        return nil
    }

    /// `na(x)`, `nz(x)`, `fixnan(x)` of a version 5 bool: its three-state
    /// value, or an error when its `na` is not known exactly.
    func version5BoolArgument(_ a: BoundArguments, _ name: String) throws -> NumFn? {
        guard isVersion5, a.type(0) == .bool else { return nil }
        guard let e = a.expressions.first ?? nil else { return nil }
        if let s = version5Bools.states[e.range] {
            for source in s.sources {
                version5Bools.observed.append((source, Self.variableName(e), a.range(0)))
            }
            return s.read
        }
        if isDefiniteVersion5Bool(e) {
            let f = try a.bool(0)
            return { rt in try f(rt) ? 1 : 0 }
        }
        throw error(
            a.range(0),
            "\(name)() of this bool is not supported for //@version=5: version 5 may make it na (a function's "
                + "result, or 'and'/'or'/'not' of a variable), which pfopt does not reproduce; "
                + "test the values it is made of, or convert the script to version 6")
    }

    /// The variable an expression reads (`x`, `x[1]`), for messages.
    private static func variableName(_ e: Expression) -> String {
        switch e.kind {
        case .identifier(let n): return n
        case .index(let base, _): return variableName(base)
        default: return "this bool"
        }
    }

    /// Refuses, once the script is compiled, `na()` of a bool variable when a
    /// store reaching it has an `na` this compiler does not know exactly, and
    /// `==`/`!=` of two bools when one may hold `na`.
    func checkVersion5BoolStores() throws {
        for (source, name, at) in version5Bools.observed {
            guard version5Bools.stores[source] != nil else {
                throw error(
                    at, "na() of '\(name)' is not supported for //@version=5: it is a parameter or a tuple element, "
                        + "whose na pfopt does not follow; convert the script to version 6")
            }
            if let inexact = version5Bools.inexactStore(reaching: source) {
                throw error(
                    inexact.range,
                    "na() of '\(name)' (line \(at.start.line)) is not supported for //@version=5 with this value: "
                        + "version 5 may make it na (a function's result, or 'and'/'or'/'not' of a variable), "
                        + "which pfopt does not reproduce; convert the script to version 6")
            }
        }
        for (source, at) in version5Bools.compared where version5Bools.mayHoldNa(source) {
            throw error(
                at,
                "comparing two bools with '=='/'!=' when one may be na is not supported for //@version=5 "
                    + "(version 5's na is neither true nor false); test it with na() first, or convert the script to version 6")
        }
    }
}
