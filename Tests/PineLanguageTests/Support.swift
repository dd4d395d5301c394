import Foundation
@testable import PineLanguage

/// Locates test fixtures under `Tests/Fixtures/pine`.
enum Fixtures {
    static let root = RepositoryPaths.fixture("pine")

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }

    static func files(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
            .filter { $0.hasSuffix(".pine") }.sorted()
    }

    static var parityNames: [String] {
        (try? files(in: "parity")) ?? []
    }
}

/// A compact, unambiguous rendering of the AST used to assert structure.
enum SExpr {
    static func of(_ e: Expr) -> String {
        switch e.kind {
        case .intLiteral(let v): return String(v)
        case .floatLiteral(let v): return "\(v)f"
        case .boolLiteral(let v): return String(v)
        case .stringLiteral(let v): return "\"\(v)\""
        case .colorLiteral(let c): return "#\(c.red),\(c.green),\(c.blue),\(c.alpha)"
        case .na: return "na"
        case .identifier(let n): return n
        case .member(let base, let name, _): return "\(of(base)).\(name)"
        case .call(let call):
            let generic = call.typeArguments.isEmpty ? "" : "<" + call.typeArguments.map(\.description).joined(separator: ",") + ">"
            let args = call.arguments.map { ($0.label.map { $0 + "=" } ?? "") + of($0.value) }
            return "(call \(of(call.callee))\(generic)" + args.map { " " + $0 }.joined() + ")"
        case .index(let base, let offset): return "(\(of(base))[\(of(offset))])"
        case .unary(let op, let x): return "(\(op.rawValue) \(of(x)))"
        case .binary(let op, let l, let r): return "(\(op.rawValue) \(of(l)) \(of(r)))"
        case .ternary(let c, let t, let o): return "(?: \(of(c)) \(of(t)) \(of(o)))"
        case .conditional(let c): return of(c)
        case .switchExpression(let s): return of(s)
        case .forLoop(let l): return of(l)
        case .forInLoop(let l): return of(l)
        case .whileLoop(let l): return "(while \(of(l.condition)) \(of(l.body)))"
        case .tuple(let xs): return "[" + xs.map(of).joined(separator: " ") + "]"
        }
    }

    static func of(_ c: Conditional) -> String {
        "(if" + c.branches.map { " \(of($0.condition)) \(of($0.body))" }.joined()
            + (c.elseBody.map { " else \(of($0))" } ?? "") + ")"
    }

    static func of(_ s: Switch) -> String {
        "(switch" + (s.subject.map { " " + of($0) } ?? "")
            + s.cases.map { " (\($0.pattern.map(of) ?? "default") => \(of($0.body)))" }.joined() + ")"
    }

    static func of(_ l: ForLoop) -> String {
        "(for \(l.variable.text) \(of(l.start)) \(of(l.end))" + (l.step.map { " by " + of($0) } ?? "") + " \(of(l.body)))"
    }

    static func of(_ l: ForInLoop) -> String {
        "(for-in " + (l.index.map { $0.text + "," } ?? "") + "\(l.value.text) \(of(l.collection)) \(of(l.body)))"
    }

    static func of(_ b: Block) -> String { "{" + b.map(of).joined(separator: "; ") + "}" }

    static func of(_ s: Statement) -> String {
        switch s.kind {
        case .variableDeclaration(let d):
            var head = d.mode == .none ? "" : d.mode.rawValue + " "
            if let q = d.qualifier { head += q.rawValue + " " }
            if let t = d.type { head += t.description + " " }
            return "(decl \(head)\(d.name.text) \(of(d.initializer)))"
        case .tupleDeclaration(let d): return "(tuple-decl [\(d.names.map(\.text).joined(separator: " "))] \(of(d.initializer)))"
        case .assignment(let a): return "(\(a.op.rawValue) \(of(a.target)) \(of(a.value)))"
        case .conditional(let c): return of(c)
        case .forLoop(let l): return of(l)
        case .forInLoop(let l): return of(l)
        case .whileLoop(let l): return "(while \(of(l.condition)) \(of(l.body)))"
        case .switchStatement(let sw): return of(sw)
        case .breakStatement: return "break"
        case .continueStatement: return "continue"
        case .expression(let e): return of(e)
        case .functionDeclaration(let f):
            let params = f.parameters.map { p in
                (p.type.map { $0.description + " " } ?? "") + p.name.text + (p.defaultValue.map { "=" + of($0) } ?? "")
            }
            return "(\(f.isMethod ? "method" : "fn") \(f.name.text)(\(params.joined(separator: ","))) \(of(f.body)))"
        case .typeDeclaration(let t):
            return "(type \(t.name.text)" + t.fields.map { " \($0.type) \($0.name.text)" + ($0.defaultValue.map { "=" + of($0) } ?? "") }.joined() + ")"
        case .enumDeclaration(let e): return "(enum \(e.name.text)" + e.members.map { " " + $0.name.text }.joined() + ")"
        case .importStatement(let i): return "(import \(i.path)" + (i.alias.map { " as " + $0.text } ?? "") + ")"
        }
    }

    static func of(_ script: Script) -> String { script.statements.map(of).joined(separator: "\n") }
}

func parse(_ source: String, file: String = "test.pine") -> ParseResult {
    PineParser.parse(source: source, fileName: file)
}
