import PineLanguage

/// A pre-order walk over every expression of a script, for the compiler's
/// whole-script analyses (which names need history, and how much).
enum SyntaxWalk {
    static func expressions(in block: Block, _ visit: (Expression) -> Void) {
        for s in block { expressions(in: s, visit) }
    }

    static func expressions(in s: Statement, _ visit: (Expression) -> Void) {
        switch s.kind {
        case .variableDeclaration(let d): expressions(in: d.initializer, visit)
        case .tupleDeclaration(let d): expressions(in: d.initializer, visit)
        case .assignment(let a):
            expressions(in: a.target, visit)
            expressions(in: a.value, visit)
        case .conditional(let c): expressions(in: c, visit)
        case .forLoop(let f): expressions(in: f, visit)
        case .forInLoop(let f):
            expressions(in: f.collection, visit)
            expressions(in: f.body, visit)
        case .whileLoop(let w):
            expressions(in: w.condition, visit)
            expressions(in: w.body, visit)
        case .switchStatement(let sw): expressions(in: sw, visit)
        case .expression(let e): expressions(in: e, visit)
        case .functionDeclaration(let f):
            for p in f.parameters { if let d = p.defaultValue { expressions(in: d, visit) } }
            expressions(in: f.body, visit)
        case .breakStatement, .continueStatement, .typeDeclaration, .enumDeclaration, .importStatement:
            break
        }
    }

    static func expressions(in c: Conditional, _ visit: (Expression) -> Void) {
        for b in c.branches {
            expressions(in: b.condition, visit)
            expressions(in: b.body, visit)
        }
        if let e = c.elseBody { expressions(in: e, visit) }
    }

    static func expressions(in f: ForLoop, _ visit: (Expression) -> Void) {
        expressions(in: f.start, visit)
        expressions(in: f.end, visit)
        if let s = f.step { expressions(in: s, visit) }
        expressions(in: f.body, visit)
    }

    static func expressions(in sw: Switch, _ visit: (Expression) -> Void) {
        if let s = sw.subject { expressions(in: s, visit) }
        for c in sw.cases {
            if let p = c.pattern { expressions(in: p, visit) }
            expressions(in: c.body, visit)
        }
    }

    static func expressions(in e: Expression, _ visit: (Expression) -> Void) {
        visit(e)
        switch e.kind {
        case .intLiteral, .floatLiteral, .boolLiteral, .stringLiteral, .colorLiteral, .na, .identifier:
            break
        case .member(let base, _, _): expressions(in: base, visit)
        case .call(let call):
            expressions(in: call.callee, visit)
            for a in call.arguments { expressions(in: a.value, visit) }
        case .index(let base, let offset):
            expressions(in: base, visit)
            expressions(in: offset, visit)
        case .unary(_, let x): expressions(in: x, visit)
        case .binary(_, let a, let b):
            expressions(in: a, visit)
            expressions(in: b, visit)
        case .ternary(let c, let t, let o):
            expressions(in: c, visit)
            expressions(in: t, visit)
            expressions(in: o, visit)
        case .conditional(let c): expressions(in: c, visit)
        case .switchExpression(let sw): expressions(in: sw, visit)
        case .forLoop(let f): expressions(in: f, visit)
        case .forInLoop(let f):
            expressions(in: f.collection, visit)
            expressions(in: f.body, visit)
        case .whileLoop(let w):
            expressions(in: w.condition, visit)
            expressions(in: w.body, visit)
        case .tuple(let items): for i in items { expressions(in: i, visit) }
        }
    }
}

extension SyntaxWalk {
    /// Every name assigned with `:=`, `+=` ... anywhere in the block.
    static func assignedNames(in block: Block) -> Set<String> {
        var names: Set<String> = []
        func visit(_ block: Block) {
            for s in block {
                switch s.kind {
                case .assignment(let a): if let n = a.targetName { names.insert(n) }
                case .conditional(let c):
                    for b in c.branches { visit(b.body) }
                    if let e = c.elseBody { visit(e) }
                case .forLoop(let f): visit(f.body)
                case .forInLoop(let f): visit(f.body)
                case .whileLoop(let w): visit(w.body)
                case .switchStatement(let sw): for c in sw.cases { visit(c.body) }
                case .functionDeclaration(let f): visit(f.body)
                default: break
                }
            }
        }
        visit(block)
        // Blocks nested in expressions (if/switch/loops used as values).
        SyntaxWalk.expressions(in: block) { e in
            switch e.kind {
            case .conditional(let c):
                for b in c.branches { names.formUnion(assignedNames(in: b.body)) }
                if let eb = c.elseBody { names.formUnion(assignedNames(in: eb)) }
            case .switchExpression(let sw): for c in sw.cases { names.formUnion(assignedNames(in: c.body)) }
            case .forLoop(let f): names.formUnion(assignedNames(in: f.body))
            case .forInLoop(let f): names.formUnion(assignedNames(in: f.body))
            case .whileLoop(let w): names.formUnion(assignedNames(in: w.body))
            default: break
            }
        }
        return names
    }
}

/// How much history each variable name needs: the largest constant offset
/// it is read at, or `dynamicOffset` when an offset is computed at run time.
struct HistoryNeeds: Sendable {
    static let dynamicOffset = -1
    /// Ring size for offsets only known at run time (TradingView's max_bars_back limit).
    static let dynamicCapacity = 5001

    private(set) var byName: [String: Int] = [:]

    init(script: Script) {
        var needs: [String: Int] = [:]
        SyntaxWalk.expressions(in: script.statements) { e in
            guard case .index(let base, let offset) = e.kind, case .identifier(let name) = base.kind else { return }
            let n: Int
            if case .intLiteral(let k) = offset.kind { n = k } else { n = HistoryNeeds.dynamicOffset }
            if let old = needs[name] {
                needs[name] = (old == HistoryNeeds.dynamicOffset || n == HistoryNeeds.dynamicOffset) ? HistoryNeeds.dynamicOffset : max(old, n)
            } else {
                needs[name] = n
            }
        }
        byName = needs
    }

    /// The ring capacity for a variable, or nil when its past is never read.
    func capacity(for name: String) -> Int? {
        guard let n = byName[name] else { return nil }
        return n == HistoryNeeds.dynamicOffset ? HistoryNeeds.dynamicCapacity : n + 1
    }
}
