import PineLanguage

/// `if`, ternaries and `switch` as values, and blocks whose last statement gives a value.
extension InstanceBuilder {
    /// `if`/ternary/switch as a value: the first true condition's arm, else
    /// the `otherwise` arm (or `na`).
    func choose(
        _ arms: [(Condition, () throws -> CompiledValue)], otherwise: (() throws -> CompiledValue)?, _ range: SourceRange
    ) throws -> CompiledValue {
        var values: [CompiledValue] = []
        var choices: [Condition] = []
        for (c, make) in arms {
            choices.append(c)
            values.append(try withScope(make))
        }
        let fallback = try otherwise.map { try withScope($0) } ?? .na
        let conditions = choices.map(\.test)
        if values.contains(where: { if case .tuple = $0 { return true } else { return false } }) {
            return try chooseTuple(conditions, values, fallback, range)
        }
        var type = fallback.type
        for v in values {
            guard let u = ValueType.unify(type, v.type) else {
                throw error(range, "the branches give different types (\(type) and \(v.type))")
            }
            type = u
        }
        switch type {
        case .void, .tuple:
            var steps: [Step] = []
            for v in values { steps.append(Step(effect(v))) }
            return .void(Self.selectStatement(choices, steps, effect(fallback)))
        case .string:
            return .str(Self.select(conditions, try values.map { try string($0, range) }, try string(fallback, range)), nil)
        case .bool:
            return .bool(Self.select(conditions, try values.map { try boolean($0, range) }, try boolean(fallback, range)), nil)
        case .array(let e) where !type.isReference:
            return .array(Self.select(conditions, try values.map { try arrayValue($0, range) }, try arrayValue(fallback, range)), e)
        case let t where t.isReference:
            return try chooseReferences(t, conditions, values, fallback, range)
        default:
            let numeric: ValueType = type == .na ? .float : type
            var arms: [NumberArm] = []
            for v in values { arms.append(NumberArm(try number(v, range))) }
            return .num(Self.selectNumber(choices, arms, try number(fallback, range)), numeric, nil)
        }
    }

    /// An `if`/`switch` whose arms give tuples (`[a, b] = if c ... [x, y]
    /// else ... [z, w]`): the chosen arm runs and its elements are copied
    /// into cells the tuple's elements read. Every arm gives the same number
    /// of numbers, bools or strings; a missing `else` gives `na` elements.
    private func chooseTuple(
        _ conditions: [BoolFn], _ values: [CompiledValue], _ fallback: CompiledValue, _ range: SourceRange
    ) throws -> CompiledValue {
        var arms = values
        arms.append(fallback)
        var count: Int?
        for v in arms {
            guard case .tuple(_, let elements) = v else {
                if case .na = v { continue }
                throw error(range, "every branch must give a tuple of the same size (one gives \(v.type))")
            }
            if let n = count, n != elements.count {
                throw error(range, "the branches give tuples of different sizes (\(n) and \(elements.count))")
            }
            count = elements.count
        }
        let n = count ?? 0
        var types: [ValueType] = Array(repeating: .na, count: n)
        for v in arms {
            guard case .tuple(_, let elements) = v else { continue }
            for k in 0..<n {
                guard let u = ValueType.unify(types[k], elements[k].type) else {
                    throw error(range, "the branches give different types for tuple element \(k + 1) (\(types[k]) and \(elements[k].type))")
                }
                types[k] = u
            }
        }
        let numbers = arena.cells(max(n, 1))
        let texts = arena.state { [String](repeating: "", count: n) }
        var copies: [(Runtime) throws -> Void] = []
        for v in arms {
            guard case .tuple(let prepare, let elements) = v else {
                copies.append { _ in
                    for k in 0..<n { numbers[k] = .nan }
                    for k in 0..<n { texts.pointee[k] = "" }
                }
                continue
            }
            var writers: [(Runtime) throws -> Void] = []
            for k in 0..<n {
                switch types[k] {
                case .string:
                    let f = try string(elements[k], range)
                    writers.append { rt in texts.pointee[k] = try f(rt) }
                case .bool, .na, .int, .float:
                    let f = try number(elements[k], range)
                    writers.append { rt in numbers[k] = try f(rt) }
                case let t where t.isNumeric:
                    let f = try number(elements[k], range)
                    writers.append { rt in numbers[k] = try f(rt) }
                case let t:
                    throw error(range, "an if or switch giving a tuple with a \(t) element is not supported yet")
                }
            }
            copies.append { rt in
                _ = try prepare(rt)
                for w in writers { try w(rt) }
            }
        }
        let other = copies.removeLast()
        let run = Self.select(conditions, copies, other)
        let elements: [CompiledValue] = (0..<n).map { k in
            switch types[k] {
            case .string: return .str({ _ in texts.pointee[k] }, nil)
            case .bool: return .bool({ _ in numbers[k] == 1 }, nil)
            case .na: return .num({ _ in numbers[k] }, .float, nil)
            case let t: return .num({ _ in numbers[k] }, t, nil)
            }
        }
        return .tuple(prepare: { rt in
            try run(rt)
            return .normal
        }, elements: elements)
    }

    /// Arms beyond which a choice is a loop rather than nested closures.
    static let nestedArmLimit = 32

    /// `if c1 a1 else if c2 a2 ... else other` as nested two-way choices:
    /// no array is walked when it runs. A long `else if` ladder walks its arms in a loop instead, so that
    /// neither running nor releasing it recurses once per arm.
    static func select<T>(
        _ conditions: [BoolFn], _ arms: [(Runtime) throws -> T], _ other: @escaping (Runtime) throws -> T
    ) -> (Runtime) throws -> T {
        if conditions.count > Self.nestedArmLimit {
            let ladder = zip(conditions, arms).map { Arm(condition: $0, run: $1) }
            return { rt in
                for arm in ladder where try arm.condition(rt) { return try arm.run(rt) }
                return try other(rt)
            }
        }
        var result = other
        for (condition, arm) in zip(conditions, arms).reversed() {
            let otherwise = result
            result = { rt in try condition(rt) ? arm(rt) : otherwise(rt) }
        }
        return result
    }

    func compileConditionalValue(_ c: Conditional, _ range: SourceRange) throws -> CompiledValue {
        var arms: [(Condition, () throws -> CompiledValue)] = []
        for branch in c.branches {
            let cond = try condition(compile(branch.condition), branch.condition.range)
            arms.append((Condition(cond), { try self.compileBlockValue(branch.body, branch.range) }))
        }
        let otherwise: (() throws -> CompiledValue)? = c.elseBody.map { body in { try self.compileBlockValue(body, range) } }
        let value = try choose(arms, otherwise: otherwise, range)
        noteVersion5Choice(range, arms.map(\.0.test), c.branches.map(\.body), otherwise: c.elseBody, value)
        return value
    }

    func compileSwitchValue(_ sw: Switch, _ range: SourceRange) throws -> CompiledValue {
        var arms: [(Condition, () throws -> CompiledValue)] = []
        var bodies: [Block] = []
        var otherwise: (() throws -> CompiledValue)?
        var otherwiseBody: Block?
        let subject = try sw.subject.map { try compile($0) }
        for c in sw.cases {
            guard let pattern = c.pattern else {
                otherwise = { try self.compileBlockValue(c.body, c.range) }
                otherwiseBody = c.body
                continue
            }
            bodies.append(c.body)
            let cond: BoolFn
            if let subject {
                let p = try compile(pattern)
                if subject.type == .string || p.type == .string {
                    let fs = try string(subject, range)
                    let fp = try string(p, pattern.range)
                    cond = { rt in try fs(rt) == fp(rt) }
                } else {
                    let fs = try number(subject, range)
                    let fp = try number(p, pattern.range)
                    cond = { rt in PineMath.eq(try fs(rt), try fp(rt)) }
                }
            } else {
                cond = try condition(compile(pattern), pattern.range)
            }
            arms.append((Condition(cond), { try self.compileBlockValue(c.body, c.range) }))
        }
        let value = try choose(arms, otherwise: otherwise, range)
        noteVersion5Choice(range, arms.map(\.0.test), bodies, otherwise: otherwiseBody, value)
        return value
    }

    /// A block used as a value: its statements run, the last one gives the value.
    func compileBlockValue(_ block: Block, _ range: SourceRange) throws -> CompiledValue {
        guard let last = block.last else { return .na }
        let prelude = try compileStatements(block.dropLast())
        let value: CompiledValue
        switch last.kind {
        case .expression(let e):
            value = try compile(e)
        case .conditional(let c):
            value = try compileConditionalValue(c, last.range)
        case .switchStatement(let sw):
            value = try compileSwitchValue(sw, last.range)
        case .forLoop(let f):
            value = try compileForValue(f, last.range)
        case .variableDeclaration(let d):
            let exec = try compileStatement(last)
            let read = try compileName(d.name.text, d.name.range)
            value = sequence(exec, read)
        case .assignment(let a):
            // `x := v` (or `x += v`, `obj.f := v`) last: the value is what was assigned.
            let exec = try compileStatement(last)
            value = sequence(exec, try compile(a.target))
        default:
            let exec = try compileStatement(last)
            value = .void(exec)
        }
        guard let prelude else { return value }
        return sequence(prelude, value)
    }
}

/// One arm of a long `else if` ladder.
private struct Arm<T> {
    let condition: BoolFn
    let run: (Runtime) throws -> T
}
