/// A pre-order walk over every statement and expression of a script, for
/// whole-script analyses (which names need history and how much, the
/// script's limits). Nesting is bounded by the parser, so the recursion is too.
public enum SyntaxWalk {
    /// Visits every expression in `block`, nested blocks included.
    public static func expressions(in block: Block, _ visit: (Expression) -> Void) {
        walk(block, statement: { _ in }, expression: visit)
    }

    /// Visits every expression in `e`, `e` first.
    public static func expressions(in e: Expression, _ visit: (Expression) -> Void) {
        withoutActuallyEscaping(visit) { v in Visitor(statement: { _ in }, expression: v).walk(e) }
    }

    /// Visits every statement (also those in blocks used as values) and every expression in `block`.
    public static func walk(_ block: Block, statement: (Statement) -> Void, expression: (Expression) -> Void) {
        withoutActuallyEscaping(statement) { s in
            withoutActuallyEscaping(expression) { e in Visitor(statement: s, expression: e).walk(block) }
        }
    }
}

/// The two callbacks of one walk.
private struct Visitor {
    let statement: (Statement) -> Void
    let expression: (Expression) -> Void

    func walk(_ block: Block) {
        for s in block { walk(s) }
    }

    func walk(_ s: Statement) {
        statement(s)
        switch s.kind {
        case .variableDeclaration(let d): walk(d.initializer)
        case .tupleDeclaration(let d): walk(d.initializer)
        case .assignment(let a):
            walk(a.target)
            walk(a.value)
        case .conditional(let c): walk(c)
        case .forLoop(let f): walk(f)
        case .forInLoop(let f): walk(f)
        case .whileLoop(let w): walk(w)
        case .switchStatement(let sw): walk(sw)
        case .expression(let e): walk(e)
        case .functionDeclaration(let f):
            for p in f.parameters { if let d = p.defaultValue { walk(d) } }
            walk(f.body)
        case .breakStatement, .continueStatement, .typeDeclaration, .enumDeclaration, .importStatement:
            break
        }
    }

    func walk(_ c: Conditional) {
        for b in c.branches {
            walk(b.condition)
            walk(b.body)
        }
        if let e = c.elseBody { walk(e) }
    }

    func walk(_ f: ForLoop) {
        walk(f.start)
        walk(f.end)
        if let s = f.step { walk(s) }
        walk(f.body)
    }

    func walk(_ f: ForInLoop) {
        walk(f.collection)
        walk(f.body)
    }

    func walk(_ w: WhileLoop) {
        walk(w.condition)
        walk(w.body)
    }

    func walk(_ sw: Switch) {
        if let s = sw.subject { walk(s) }
        for c in sw.cases {
            if let p = c.pattern { walk(p) }
            walk(c.body)
        }
    }

    func walk(_ e: Expression) {
        expression(e)
        switch e.kind {
        case .intLiteral, .floatLiteral, .boolLiteral, .stringLiteral, .colorLiteral, .na, .identifier:
            break
        case .member(let base, _, _): walk(base)
        case .call(let call):
            walk(call.callee)
            for a in call.arguments { walk(a.value) }
        case .index(let base, let offset):
            walk(base)
            walk(offset)
        case .unary(_, let x): walk(x)
        case .binary(_, let a, let b):
            walk(a)
            walk(b)
        case .ternary(let c, let t, let o):
            walk(c)
            walk(t)
            walk(o)
        case .conditional(let c): walk(c)
        case .switchExpression(let sw): walk(sw)
        case .forLoop(let f): walk(f)
        case .forInLoop(let f): walk(f)
        case .whileLoop(let w): walk(w)
        case .tuple(let items): for i in items { walk(i) }
        }
    }
}

extension SyntaxWalk {
    /// Every name assigned with `:=`, `+=` ... anywhere in the block.
    public static func assignedNames(in block: Block) -> Set<String> {
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
