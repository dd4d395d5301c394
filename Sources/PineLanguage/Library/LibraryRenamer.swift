/// Rewrites names in a syntax tree so a library's declarations can live in
/// the importing script without clashing with its names:
///
/// - a library's own top-level names (`topLevel`: functions, types, enums,
///   variables) become their linked names wherever they are not shadowed by
///   a local name (a parameter, a local variable, a loop variable);
/// - `alias.name` of an imported library becomes that library's linked name
///   (`aliases` maps the alias to the library), also in written types
///   (`alias.Type`, `array<alias.Type>`);
/// - every source range is moved by `offsetShift`, so positions in a
///   library never coincide with positions in the script that imports it.
///
/// Linked declarations lose `export`: in the linked script they are the
/// script's own. Methods keep their names: a method is found by the type of its first
/// argument, and that type is renamed.
struct LibraryRenamer {
    /// Top-level names of the tree being rewritten and their linked names.
    var topLevel: [String: String]
    /// Import aliases visible in the tree being rewritten.
    var aliases: [String: LinkedLibrary]
    /// Added to every source offset.
    var offsetShift: Int
    /// Names referenced through an alias that the library does not export.
    private(set) var problems: [Diagnostic] = []
    private var scopes: [Set<String>] = []

    init(topLevel: [String: String], aliases: [String: LinkedLibrary], offsetShift: Int) {
        self.topLevel = topLevel
        self.aliases = aliases
        self.offsetShift = offsetShift
    }

    // MARK: - Scopes

    private func isLocal(_ name: String) -> Bool { scopes.contains { $0.contains(name) } }

    private mutating func declareLocal(_ name: String) {
        if scopes.isEmpty { return }
        scopes[scopes.count - 1].insert(name)
    }

    private mutating func scoped<T>(_ names: [String] = [], _ body: (inout LibraryRenamer) -> T) -> T {
        scopes.append(Set(names))
        defer { scopes.removeLast() }
        return body(&self)
    }

    private func renamed(_ name: String) -> String {
        guard !isLocal(name), let linked = topLevel[name] else { return name }
        return linked
    }

    // MARK: - Ranges and names

    func shift(_ r: SourceRange) -> SourceRange {
        guard offsetShift != 0 else { return r }
        var out = r
        out.start.offset += offsetShift
        out.end.offset += offsetShift
        return out
    }

    private func shift(_ n: Name) -> Name { Name(n.text, range: shift(n.range)) }

    mutating func type(_ t: TypeReference) -> TypeReference {
        var out = t
        out.range = shift(t.range)
        out.arguments = t.arguments.map { type($0) }
        if let dot = t.name.firstIndex(of: "."), let library = aliases[String(t.name[..<dot])],
            !isLocal(String(t.name[..<dot]))
        {
            let member = String(t.name[t.name.index(after: dot)...])
            out.name = linkedName(of: member, in: library, at: out.range)
        } else if !t.name.contains(".") {
            out.name = renamed(t.name)
        }
        return out
    }

    private mutating func linkedName(of member: String, in library: LinkedLibrary, at range: SourceRange) -> String {
        if !library.exported.contains(member) {
            problems.append(Diagnostic(.error, "'\(member)' is not exported by the library \(library.path)", at: range))
        }
        return library.prefix + member
    }

    // MARK: - Statements

    mutating func block(_ b: Block) -> Block { scoped { r in b.map { r.statement($0) } } }

    /// A top-level statement of a library or of the importing script: its
    /// declared name is the top-level one (renamed), not a local.
    mutating func topLevelStatement(_ s: Statement) -> Statement {
        var out = s
        out.range = shift(s.range)
        switch s.kind {
        case .variableDeclaration(var d):
            d.initializer = expression(d.initializer)
            d.type = d.type.map { type($0) }
            d.name = Name(renamed(d.name.text), range: shift(d.name.range))
            out.kind = .variableDeclaration(d)
        case .functionDeclaration(var f):
            f = function(f)
            if !f.isMethod { f.name = Name(renamed(f.name.text), range: f.name.range) }
            f.isExported = false
            out.kind = .functionDeclaration(f)
        case .typeDeclaration(var t):
            t.name = Name(renamed(t.name.text), range: shift(t.name.range))
            t.isExported = false
            t.fields = t.fields.map { field in
                var f = field
                f.type = type(field.type)
                f.name = shift(field.name)
                f.defaultValue = field.defaultValue.map { expression($0) }
                f.range = shift(field.range)
                return f
            }
            out.kind = .typeDeclaration(t)
        case .enumDeclaration(var e):
            e.name = Name(renamed(e.name.text), range: shift(e.name.range))
            e.isExported = false
            e.members = e.members.map { m in
                var member = m
                member.name = shift(m.name)
                member.title = m.title.map { expression($0) }
                return member
            }
            out.kind = .enumDeclaration(e)
        default:
            out = statement(s)
        }
        return out
    }

    private mutating func function(_ f: FunctionDeclaration) -> FunctionDeclaration {
        var out = f
        out.name = shift(f.name)
        out.parameters = f.parameters.map { p in
            var q = p
            q.type = p.type.map { type($0) }
            q.name = shift(p.name)
            q.defaultValue = p.defaultValue.map { expression($0) }
            q.range = shift(p.range)
            return q
        }
        out.body = scoped(f.parameters.map(\.name.text)) { r in f.body.map { r.statement($0) } }
        return out
    }

    mutating func statement(_ s: Statement) -> Statement {
        var out = s
        out.range = shift(s.range)
        switch s.kind {
        case .variableDeclaration(var d):
            d.initializer = expression(d.initializer)
            d.type = d.type.map { type($0) }
            d.name = shift(d.name)
            declareLocal(d.name.text)
            out.kind = .variableDeclaration(d)
        case .tupleDeclaration(var d):
            d.initializer = expression(d.initializer)
            d.names = d.names.map { shift($0) }
            for n in d.names { declareLocal(n.text) }
            out.kind = .tupleDeclaration(d)
        case .assignment(var a):
            a.target = expression(a.target)
            a.value = expression(a.value)
            out.kind = .assignment(a)
        case .conditional(let c):
            out.kind = .conditional(conditional(c))
        case .forLoop(let l):
            out.kind = .forLoop(forLoop(l))
        case .forInLoop(let l):
            out.kind = .forInLoop(forInLoop(l))
        case .whileLoop(let l):
            out.kind = .whileLoop(whileLoop(l))
        case .switchStatement(let sw):
            out.kind = .switchStatement(switchBody(sw))
        case .breakStatement, .continueStatement, .importStatement:
            break
        case .expression(let e):
            out.kind = .expression(expression(e))
        case .functionDeclaration(let f):
            out.kind = .functionDeclaration(function(f))
        case .typeDeclaration, .enumDeclaration:
            out = topLevelStatement(s)
        }
        return out
    }

    private mutating func conditional(_ c: Conditional) -> Conditional {
        var out = c
        out.branches = c.branches.map { b in
            var branch = b
            branch.condition = expression(b.condition)
            branch.body = block(b.body)
            branch.range = shift(b.range)
            return branch
        }
        out.elseBody = c.elseBody.map { block($0) }
        return out
    }

    private mutating func forLoop(_ l: ForLoop) -> ForLoop {
        var out = l
        out.start = expression(l.start)
        out.end = expression(l.end)
        out.step = l.step.map { expression($0) }
        out.variable = shift(l.variable)
        out.body = scoped([l.variable.text]) { r in l.body.map { r.statement($0) } }
        return out
    }

    private mutating func forInLoop(_ l: ForInLoop) -> ForInLoop {
        var out = l
        out.collection = expression(l.collection)
        out.index = l.index.map { shift($0) }
        out.value = shift(l.value)
        let names = [l.value.text] + (l.index.map { [$0.text] } ?? [])
        out.body = scoped(names) { r in l.body.map { r.statement($0) } }
        return out
    }

    private mutating func whileLoop(_ l: WhileLoop) -> WhileLoop {
        var out = l
        out.condition = expression(l.condition)
        out.body = block(l.body)
        return out
    }

    private mutating func switchBody(_ s: Switch) -> Switch {
        var out = s
        out.subject = s.subject.map { expression($0) }
        out.cases = s.cases.map { c in
            var sc = c
            sc.pattern = c.pattern.map { expression($0) }
            sc.body = block(c.body)
            sc.range = shift(c.range)
            return sc
        }
        return out
    }

    // MARK: - Expressions

    mutating func expression(_ e: Expression) -> Expression {
        let range = shift(e.range)
        switch e.kind {
        case .intLiteral, .floatLiteral, .boolLiteral, .stringLiteral, .colorLiteral, .na:
            return Expression(e.kind, range: range)
        case .identifier(let name):
            return Expression(.identifier(renamed(name)), range: range)
        case .member(let base, let name, let nameRange):
            if case .identifier(let alias) = base.kind, let library = aliases[alias], !isLocal(alias) {
                return Expression(.identifier(linkedName(of: name, in: library, at: range)), range: range)
            }
            return Expression(.member(base: expression(base), name: name, nameRange: shift(nameRange)), range: range)
        case .call(let call):
            var c = call
            c.callee = expression(call.callee)
            c.typeArguments = call.typeArguments.map { type($0) }
            c.arguments = call.arguments.map { a in
                var arg = a
                arg.value = expression(a.value)
                arg.labelRange = a.labelRange.map { shift($0) }
                arg.range = shift(a.range)
                return arg
            }
            return Expression(.call(c), range: range)
        case .index(let base, let offset):
            return Expression(.index(base: expression(base), offset: expression(offset)), range: range)
        case .unary(let op, let operand):
            return Expression(.unary(op, expression(operand)), range: range)
        case .binary(let op, let l, let r):
            return Expression(.binary(op, expression(l), expression(r)), range: range)
        case .ternary(let c, let t, let o):
            return Expression(.ternary(condition: expression(c), then: expression(t), otherwise: expression(o)), range: range)
        case .conditional(let c):
            return Expression(.conditional(conditional(c)), range: range)
        case .switchExpression(let s):
            return Expression(.switchExpression(switchBody(s)), range: range)
        case .forLoop(let l):
            return Expression(.forLoop(forLoop(l)), range: range)
        case .forInLoop(let l):
            return Expression(.forInLoop(forInLoop(l)), range: range)
        case .whileLoop(let l):
            return Expression(.whileLoop(whileLoop(l)), range: range)
        case .tuple(let elements):
            return Expression(.tuple(elements.map { expression($0) }), range: range)
        }
    }
}
