import PineLanguage

extension InstanceBuilder {
    /// Compiles one expression.
    func compile(_ e: Expression) throws -> CompiledValue {
        if isVersion5 { version5Bools.states[e.range] = nil }
        switch e.kind {
        case .intLiteral(let v): return .constant(Double(v), .int)
        case .floatLiteral(let v): return .constant(v, .float)
        case .boolLiteral(let v): return .constant(v)
        case .stringLiteral(let v): return .constant(v)
        case .colorLiteral(let c):
            return .constant(PineColor.literal(red: c.red, green: c.green, blue: c.blue, alpha: c.alpha), .color)
        case .na:
            noteVersion5BoolState(e.range, { _ in .nan }, sources: [], mayBeNa: true)
            return .na
        case .identifier(let name): return try compileName(name, e.range)
        case .member(let base, let name, _):
            if let v = try compileMember(base, name, e.range) { return v }
            guard let dotted = e.dottedName else { throw error(e.range, "field access on values is not supported yet") }
            return try compileName(dotted, e.range)
        case .call(let call): return try compileCall(call, e.range)
        case .index(let base, let offset): return try compileHistory(base, offset, e.range)
        case .unary(let op, let x):
            let value = try compileUnary(op, x, e.range)
            if op == .not { noteVersion5Logic(e, value, operands: [x]) }
            return value
        case .binary(let op, let a, let b):
            let value = try compileBinary(op, a, b, e.range)
            switch op {
            case .and, .or: noteVersion5Logic(e, value, operands: [a, b])
            case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: noteVersion5Logic(e, value, operands: [])
            default: break
            }
            return value
        case .ternary(let c, let t, let o):
            let test = try condition(compile(c), c.range)
            let value = try choose([(Condition(test), { try self.compile(t) })], otherwise: { try self.compile(o) }, e.range)
            noteVersion5Ternary(e, test, t, o, value)
            return value
        case .conditional(let c): return try compileConditionalValue(c, e.range)
        case .switchExpression(let sw): return try compileSwitchValue(sw, e.range)
        case .forLoop(let f): return try compileForValue(f, e.range)
        case .forInLoop(let f): return try compileForInValue(f, e.range)
        case .whileLoop(let w): return try compileWhileValue(w, e.range)
        case .tuple(let items):
            let values = try items.map { try compile($0) }
            return .tuple(prepare: { _ in .normal }, elements: values)
        }
    }

    // MARK: names

    func compileName(_ name: String, _ range: SourceRange) throws -> CompiledValue {
        if let b = lookup(name) {
            switch b {
            case .value(let s, let t):
                let read = s.read
                if t == .bool {
                    if isVersion5 {
                        // A version 5 bool variable may hold na (NaN): false as a condition.
                        noteVersion5BoolState(range, read, sources: [Version5Bools.key(s)], mayBeNa: false)
                        return .bool({ rt in let x = try read(rt); return x != 0 && !x.isNaN }, nil)
                    }
                    return .bool({ rt in try read(rt) != 0 }, nil)
                }
                return .num(read, t, nil)
            case .string(let p): return .str({ _ in p.pointee }, nil)
            case .array(let storage, let e):
                let p = storage.cell
                return .array({ _ in p.pointee ?? PineArray.na }, e)
            case .column(let c, let t):
                if t == .bool {
                    noteVersion5BoolState(range, { rt in c.data[rt.barIndex] }, sources: [Version5Bools.key(c)], mayBeNa: false)
                    return .bool({ rt in c.data[rt.barIndex] != 0 }, nil)
                }
                return .num({ rt in c.data[rt.barIndex] }, t, nil)
            case .function: throw error(range, "'\(name)' is a function: call it with ( )")
            case .reference(let storage, let type): return .ref(storage.read, type)
            }
        }
        if let v = try BuiltinVariables.value(name, builder: self, range: range) {
            if security.isActive, let field = SymbolFields.of(name) { return requestedSymbolValue(v, name, field, range) }
            return v
        }
        throw error(range, "'\(name)' is not defined or not supported yet")
    }

    // MARK: history

    func compileHistory(_ base: Expression, _ offsetExpr: Expression, _ range: SourceRange) throws -> CompiledValue {
        if let v = try compileReferenceHistory(base, offsetExpr, range) { return v }
        let offset = try historyOffset(offsetExpr)
        if case .identifier(let name) = base.kind {
            if let b = lookup(name) {
                switch b {
                case .value(.ring(let ring), let t):
                    let read: NumFn = { rt in ring.pointee.get(try offset(rt)) }
                    if t == .bool { noteVersion5BoolState(range, read, sources: [Version5Bools.key(.ring(ring))], mayBeNa: true) }
                    return t == .bool ? .bool({ rt in try read(rt) == 1 }, nil) : .num(read, t, nil)
                case .value(.cell, _):
                    throw error(range, "internal: '\(name)' has no history buffer")
                case .array(let storage, let e):
                    guard storage.history != nil else { throw error(range, "internal: '\(name)' has no history buffer") }
                    naArrayMessages[range] = { rt in "the array '\(name)' was na \(try offset(rt)) bars ago" }
                    return .array({ rt in storage.past(try offset(rt)) ?? PineArray.na }, e)
                case .column(let c, let t):
                    let read: NumFn = { rt in
                        let i = rt.barIndex - (try offset(rt))
                        return i >= 0 && i <= rt.barIndex ? c.data[i] : .nan
                    }
                    if t == .bool { noteVersion5BoolState(range, read, sources: [Version5Bools.key(c)], mayBeNa: true) }
                    return t == .bool ? .bool({ rt in try read(rt) == 1 }, nil) : .num(read, t, nil)
                default:
                    throw error(range, "history of '\(name)' is not supported yet")
                }
            }
            if let column = BuiltinVariables.barColumn(name) {
                return .num({ rt in rt.column(column(rt), back: try offset(rt)) }, .float, nil)
            }
            if name == "time" {
                return .num(
                    { rt in
                        let i = rt.barIndex - (try offset(rt))
                        return i >= 0 && i < rt.barCount ? Double(rt.times[i]) : .nan
                    }, .int, nil)
            }
            if name == "bar_index" {
                return .num(
                    { rt in
                        let i = rt.barIndex - (try offset(rt))
                        return i >= 0 ? Double(i) : .nan
                    }, .int, nil)
            }
        }
        if let sampled = try compileBuiltinVariableHistory(base, offsetExpr, offset) { return sampled }
        // Any other expression: record its value each time it is evaluated.
        let value = try compile(base)
        let capacity: Int
        if case .intLiteral(let k) = offsetExpr.kind { capacity = k + 1 } else { capacity = HistoryNeeds.dynamicCapacity }
        let ring = arena.ring(capacity: capacity)
        switch value {
        case .num(let f, let t, _):
            return .num(
                { rt in
                    ring.pointee.push(try f(rt))
                    return ring.pointee.get(try offset(rt))
                }, t, nil)
        case .bool(let f, _):
            return .bool(
                { rt in
                    ring.pointee.push(try f(rt) ? 1 : 0)
                    return ring.pointee.get(try offset(rt)) == 1
                }, nil)
        case .ref(let f, let t):
            let past = arena.state { ReferenceRing(capacity: capacity) }
            return .ref(
                { rt in
                    past.pointee.push(try f(rt))
                    return past.pointee.get(try offset(rt))
                }, t)
        default:
            throw error(range, "history of a \(value.type) value is not supported yet")
        }
    }

    /// `strategy.position_size[1]`, `dayofweek[1]`, ...: a built-in variable
    /// is a series with a value on every bar, so its history is sampled at
    /// the start of every bar's execution, not only on the bars where the
    /// expression reading it runs (inside an `if`, a ternary arm or the
    /// right of `and`/`or` it would otherwise miss bars). Nil for anything
    /// else, and inside a `request.security` expression (its own bars).
    private func compileBuiltinVariableHistory(
        _ base: Expression, _ offsetExpr: Expression, _ offset: @escaping (Runtime) throws -> Int
    ) throws -> CompiledValue? {
        guard security.frames.isEmpty, let name = base.dottedName, lookup(String(name.prefix { $0 != "." })) == nil,
            Builtins.variable(named: name) != nil
        else { return nil }
        let value = try compile(base)
        let capacity: Int
        if case .intLiteral(let k) = offsetExpr.kind { capacity = k + 1 } else { capacity = HistoryNeeds.dynamicCapacity }
        let ring = arena.ring(capacity: capacity)
        let sampledBar = arena.cell(-1)
        switch value {
        case .num(let f, let t, _):
            if value.constNumber != nil { return nil }
            addBarPrologue { rt in
                // Once per bar: a second execution of the same bar replaces the sample.
                if sampledBar.pointee == Double(rt.barIndex) { ring.pointee.set(try f(rt)) } else { ring.pointee.push(try f(rt)) }
                sampledBar.pointee = Double(rt.barIndex)
            }
            return .num({ rt in ring.pointee.get(try offset(rt)) }, t, nil)
        case .bool(let f, let c):
            if c != nil { return nil }
            addBarPrologue { rt in
                let v: Double = try f(rt) ? 1 : 0
                if sampledBar.pointee == Double(rt.barIndex) { ring.pointee.set(v) } else { ring.pointee.push(v) }
                sampledBar.pointee = Double(rt.barIndex)
            }
            return .bool({ rt in ring.pointee.get(try offset(rt)) == 1 }, nil)
        default:
            return nil
        }
    }

    /// The offset of `x[n]`, checked against the history limit: a constant
    /// beyond it is a compile error, a computed one a runtime error on the bar
    /// where it happens (never a silent `na`).
    func historyOffset(_ offsetExpr: Expression) throws -> (Runtime) throws -> Int {
        let value = try compile(offsetExpr)
        let offset = try integer(value, offsetExpr.range)
        let limit = ScriptLimits.maxHistory
        if let c = value.constNumber, c.isFinite {
            let k = PineMath.clampedInt(c)
            if k > limit { throw error(offsetExpr.range, ScriptLimits.historyMessage(k)) }
            return offset
        }
        let line = offsetExpr.range.start.line
        let column = offsetExpr.range.start.column
        return { rt in
            let k = try offset(rt)
            if k > limit { throw rt.error(ScriptLimits.historyMessage(k), line: line, column: column) }
            return k
        }
    }

    // MARK: operators

    func compileUnary(_ op: UnaryOperator, _ x: Expression, _ range: SourceRange) throws -> CompiledValue {
        let v = try compile(x)
        switch op {
        case .not:
            let f = try condition(v, x.range)
            if case .bool(_, let c?) = v { return .constant(!c) }
            return .bool({ rt in try !f(rt) }, nil)
        case .minus:
            let f = try number(v, x.range)
            let t: ValueType = v.type == .int ? .int : .float
            if let c = v.constNumber { return .constant(-c, t) }
            return .num({ rt in try -f(rt) }, t, nil)
        case .plus:
            return v
        }
    }

    func compileBinary(_ op: BinaryOperator, _ a: Expression, _ b: Expression, _ range: SourceRange) throws
        -> CompiledValue
    {
        let va = try compile(a)
        let vb = try compile(b)
        switch op {
        case .and, .or:
            let fa = try condition(va, a.range)
            let fb = try condition(vb, b.range)
            if isVersion5 {
                // Version 5 evaluates both operands on every bar, so a stateful
                // call on the right (a `ta.*` function) sees every bar.
                if op == .and { return .bool({ rt in let x = try fa(rt); let y = try fb(rt); return x && y }, nil) }
                return .bool({ rt in let x = try fa(rt); let y = try fb(rt); return x || y }, nil)
            }
            if op == .and { return .bool({ rt in try fa(rt) && fb(rt) }, nil) }
            return .bool({ rt in try fa(rt) || fb(rt) }, nil)
        case .add where va.type == .string || vb.type == .string:
            let fa = try string(va, a.range)
            let fb = try string(vb, b.range)
            if let x = va.constString, let y = vb.constString { return .constant(x + y) }
            return .str({ rt in try fa(rt) + fb(rt) }, nil)
        case .equal, .notEqual:
            if va.type == .string || vb.type == .string {
                let fa = try string(va, a.range)
                let fb = try string(vb, b.range)
                if op == .equal { return .bool({ rt in try fa(rt) == fb(rt) }, nil) }
                return .bool({ rt in try fa(rt) != fb(rt) }, nil)
            }
            if va.type == .bool && vb.type == .bool {
                if let v = try version5BoolEquality(op, a, b, range) { return v }
                let fa = try condition(va, a.range)
                let fb = try condition(vb, b.range)
                if op == .equal { return .bool({ rt in try fa(rt) == fb(rt) }, nil) }
                return .bool({ rt in try fa(rt) != fb(rt) }, nil)
            }
        default:
            break
        }
        let fa = try number(va, a.range)
        let fb = try number(vb, b.range)
        let bothInt = va.type == .int && vb.type == .int
        let t: ValueType = bothInt ? .int : .float
        switch op {
        // Each operator is its own closure (no call through an operator closure per bar).
        case .add:
            if va.constNumber == nil, vb.constNumber == nil { return .num({ rt in try fa(rt) + fb(rt) }, t, nil) }
            if va.constNumber == nil, let y = vb.constNumber { return .num({ rt in try fa(rt) + y }, t, nil) }
            return arithmetic(fa, fb, va, vb, t, +)
        case .subtract:
            if va.constNumber == nil, vb.constNumber == nil { return .num({ rt in try fa(rt) - fb(rt) }, t, nil) }
            if va.constNumber == nil, let y = vb.constNumber { return .num({ rt in try fa(rt) - y }, t, nil) }
            return arithmetic(fa, fb, va, vb, t, -)
        case .multiply:
            if va.constNumber == nil, vb.constNumber == nil { return .num({ rt in try fa(rt) * fb(rt) }, t, nil) }
            if va.constNumber == nil, let y = vb.constNumber { return .num({ rt in try fa(rt) * y }, t, nil) }
            return arithmetic(fa, fb, va, vb, t, *)
        case .divide:
            if isVersion5, bothInt, let x = va.constNumber, let y = vb.constNumber {
                // Version 5: two constant integers divide to an integer.
                let q = PineMath.div(x, y)
                return .constant(q.isFinite ? q.rounded(.towardZero) : q, .int)
            }
            return arithmetic(fa, fb, va, vb, .float, PineMath.div)
        case .modulo: return arithmetic(fa, fb, va, vb, t, PineMath.mod)
        case .equal: return .bool({ rt in PineMath.eq(try fa(rt), try fb(rt)) }, nil)
        case .notEqual: return .bool({ rt in PineMath.ne(try fa(rt), try fb(rt)) }, nil)
        case .less: return .bool({ rt in PineMath.lt(try fa(rt), try fb(rt)) }, nil)
        case .lessEqual: return .bool({ rt in PineMath.le(try fa(rt), try fb(rt)) }, nil)
        case .greater: return .bool({ rt in PineMath.gt(try fa(rt), try fb(rt)) }, nil)
        case .greaterEqual: return .bool({ rt in PineMath.ge(try fa(rt), try fb(rt)) }, nil)
        case .and, .or: throw error(range, "internal: logical operator")
        }
    }

    private func arithmetic(
        _ fa: @escaping NumFn, _ fb: @escaping NumFn, _ va: CompiledValue, _ vb: CompiledValue,
        _ t: ValueType, _ op: @escaping (Double, Double) -> Double
    ) -> CompiledValue {
        if let x = va.constNumber, let y = vb.constNumber { return .constant(op(x, y), t) }
        if let y = vb.constNumber { return .num({ rt in op(try fa(rt), y) }, t, nil) }
        if let x = va.constNumber { return .num({ rt in op(x, try fb(rt)) }, t, nil) }
        return .num({ rt in op(try fa(rt), try fb(rt)) }, t, nil)
    }
}
