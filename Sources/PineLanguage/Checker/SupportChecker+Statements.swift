/// Statements, loops, switches, function declarations and written types.
extension SupportChecker {
    // MARK: - Statements

    mutating func checkStatement(_ statement: Statement) {
        switch statement.kind {
        case .variableDeclaration(let d):
            if let type = d.type { checkType(type) }
            if d.type == nil, case .na = d.initializer.kind {
                report("'\(d.name.text)' needs a type when declared as na: write 'float \(d.name.text) = na'", at: d.initializer.range)
            }
            checkExpression(d.initializer)
            let type = CertainType.declared(d.type, d.initializer) { scopes.valueType(of: $0) }
            if type == .bool, case .na = d.initializer.kind { refuseNaBool(d.name.text, at: d.initializer.range) }
            declare(d.name, typeHint: DeclaredTypeHint.of(d.type, d.initializer))
            scopes.setValueType(type, of: d.name.text)
        case .tupleDeclaration(let d):
            checkExpression(d.initializer)
            for name in d.names { declare(name) }
        case .assignment(let a):
            checkAssignmentTarget(a.target)
            checkExpression(a.value)
            if case .identifier(let name) = a.target.kind, case .na = a.value.kind, scopes.valueType(of: name) == .bool {
                refuseNaBool(name, at: a.value.range)
            }
        case .conditional(let c):
            checkConditional(c)
        case .forLoop(let l):
            checkFor(l)
        case .forInLoop(let l):
            checkForIn(l)
        case .whileLoop(let l):
            checkWhile(l)
        case .switchStatement(let s):
            checkSwitch(s)
        case .breakStatement:
            if loopDepth == 0 { report("'break' can only be used inside a loop", at: statement.range) }
        case .continueStatement:
            if loopDepth == 0 { report("'continue' can only be used inside a loop", at: statement.range) }
        case .expression(let e):
            if case .call(let call) = e.kind, case .identifier(let name) = call.callee.kind,
                ScriptDeclaration.Kind(rawValue: name) != nil
            {
                report("\(name)(...) must be a top-level statement of the script", at: e.range)
                return
            }
            checkExpression(e)
        case .functionDeclaration(let f):
            checkFunction(f, range: statement.range)
        case .typeDeclaration(let t):
            for d in userTypes.declare(t) { report(d.message, at: d.range) }
            for f in t.fields {
                checkType(f.type)
                if let value = f.defaultValue { checkExpression(value) }
            }
        case .enumDeclaration(let e):
            for d in userTypes.declare(e) { report(d.message, at: d.range) }
        case .importStatement(let i):
            // An import left here could not be linked (the linker says why):
            // names under its alias are not checked again.
            let alias = i.alias?.text ?? String(i.path.split(separator: "/").dropLast().last ?? "")
            if !alias.isEmpty { importedAliases.insert(alias) }
        }
    }

    /// Version 6 bools are true or false, never `na` (version 5 allowed it).
    mutating func refuseNaBool(_ name: String, at range: SourceRange) {
        guard version != 5 else { return }
        report("'\(name)' is a bool, and a bool cannot be na in Pine v6: give it true or false", at: range)
    }

    mutating func checkAssignmentTarget(_ target: Expression) {
        switch target.kind {
        case .identifier(let name):
            switch scopes.lookup(name) {
            case .variable: return
            case .function: report("'\(name)' is a function and cannot be assigned to", at: target.range)
            case nil:
                if Builtins.variable(named: name) != nil {
                    report("cannot assign to the built-in variable '\(name)'", at: target.range)
                } else {
                    report("cannot assign to undeclared variable '\(name)'; declare it first with '='", at: target.range)
                }
            }
        case .member(let base, _, _):
            checkExpression(base)  // the field and its type are checked when the script is compiled
        default:
            report("cannot assign to this expression", at: target.range)
        }
    }

    mutating func checkConditional(_ c: Conditional) {
        for branch in c.branches {
            checkExpression(branch.condition)
            checkBlock(branch.body)
        }
        if let elseBody = c.elseBody { checkBlock(elseBody) }
    }

    mutating func checkFor(_ l: ForLoop) {
        checkExpression(l.start)
        checkExpression(l.end)
        if let step = l.step { checkExpression(step) }
        scopes.push()
        declare(l.variable)
        loopDepth += 1
        checkBlock(l.body)
        loopDepth -= 1
        scopes.pop()
    }

    mutating func checkForIn(_ l: ForInLoop) {
        checkExpression(l.collection)
        scopes.push()
        if let index = l.index { declare(index) }
        declare(l.value)
        loopDepth += 1
        checkBlock(l.body)
        loopDepth -= 1
        scopes.pop()
    }

    mutating func checkWhile(_ l: WhileLoop) {
        checkExpression(l.condition)
        loopDepth += 1
        checkBlock(l.body)
        loopDepth -= 1
    }

    mutating func checkSwitch(_ s: Switch) {
        if let subject = s.subject { checkExpression(subject) }
        var sawDefault = false
        for c in s.cases {
            if let pattern = c.pattern {
                checkExpression(pattern)
                if sawDefault { report("the default case ('=>') must be the last case of a switch", at: c.range) }
            } else {
                if sawDefault { report("a switch can have only one default case", at: c.range) }
                sawDefault = true
            }
            checkBlock(c.body)
        }
    }

    mutating func checkFunction(_ f: FunctionDeclaration, range: SourceRange) {
        if f.isMethod {
            if f.parameters.isEmpty { report("a method needs a first parameter: the value it is called on", at: f.name.range) }
            userTypes.declareMethod(f.name.text)
        }
        if f.isExported && kind != .library {
            report("'export' is only allowed in libraries, which pfopt cannot run", at: range)
        }
        if !scopes.isTopLevel || functionDepth > 0 {
            report("functions can only be declared at the top level of the script", at: f.name.range)
        }
        if Builtins.function(named: f.name.text) != nil || Builtins.isNamespace(f.name.text) {
            report("'\(f.name.text)' is a built-in name and cannot be redefined", at: f.name.range)
        }
        scopes.push()
        var seenDefault = false
        for parameter in f.parameters {
            if let type = parameter.type { checkType(type) }
            if let value = parameter.defaultValue {
                checkExpression(value)
                seenDefault = true
            } else if seenDefault {
                report("parameter '\(parameter.name.text)' without a default follows one with a default", at: parameter.range)
            }
            declare(parameter.name, typeHint: DeclaredTypeHint.of(parameter.type, nil))
            scopes.setValueType(CertainType.declared(parameter.type, nil) { _ in nil }, of: parameter.name.text)
        }
        let savedLoop = loopDepth
        loopDepth = 0
        functionDepth += 1
        checkBlock(f.body)
        functionDepth -= 1
        loopDepth = savedLoop
        scopes.pop()
        // The name is visible after the declaration (Pine has no recursion).
        if f.isMethod { return }
        if !scopes.declareFunction(f) {
            report("'\(f.name.text)' is already declared in this scope", at: f.name.range)
        }
    }

    private static let supportedTypes: Set<String> = [
        "int", "float", "bool", "string", "color", "array", "label", "line", "box", "table", "linefill", "polyline",
    ]

    mutating func checkType(_ type: TypeReference) {
        if userTypes.isType(type.name) { return }
        if type.name == "map" || type.name == "matrix" {
            let count = type.name == "map" ? 2 : 1
            if type.arguments.count != count {
                report("'\(type.name)' takes \(count == 2 ? "a key and a value type: map<string, float>" : "one element type: matrix<float>")", at: type.range)
            }
            if type.name == "matrix", let e = type.arguments.first, ["array", "map", "matrix"].contains(e.name) {
                report("a matrix cannot hold \(e.name) values: put the collection in an object field", at: type.range)
            }
            for argument in type.arguments { checkType(argument) }
            return
        }
        if !SupportChecker.supportedTypes.contains(type.name) {
            if type.name.hasPrefix("chart.") {
                report("the type '\(type.name)' is not supported yet", at: type.range)
            } else {
                report("unknown type '\(type.name)'", at: type.range)
            }
            return
        }
        if type.name == "array" && type.arguments.count != 1 {
            report("'array' takes one element type: array<float>", at: type.range)
        } else if type.name != "array" && !type.arguments.isEmpty {
            report("the type '\(type.name)' takes no type arguments", at: type.range)
        }
        for argument in type.arguments { checkType(argument) }
    }
}
