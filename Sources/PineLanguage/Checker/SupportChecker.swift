/// Checks a parsed script against what pfopt's engine runs faithfully: names are
/// declared before use, built-ins exist and get arguments that fit their
/// signatures, and unsupported features are rejected by name and location
/// ("request.security is not supported yet"). Nothing unsupported may run silently wrong.
public struct SupportChecker {
    private var diagnostics: [Diagnostic] = []
    private var scopes: [[String: Symbol]] = [[:]]
    private var loopDepth = 0
    private var functionDepth = 0
    private var blockDepth = 0
    private var kind: ScriptDeclaration.Kind?
    private var importedAliases: Set<String> = []
    private var userTypes = UserTypeCatalog()
    /// The script's own constants (`const string TITLE = "..."`), which the declaration may name.
    private var constants: [String: ConstantValue] = [:]

    private enum Symbol {
        /// A variable, with what is known of its type (`array`, `string`, `line`, ...).
        case variable(typeHint: String?)
        case function([FunctionDeclaration])
    }

    /// Checks `script` and returns the problems found, in source order.
    public static func check(_ script: Script) -> [Diagnostic] {
        var checker = SupportChecker()
        checker.run(script)
        return checker.diagnostics.sorted { $0.range.start.offset < $1.range.start.offset }
    }

    private mutating func report(_ message: String, at range: SourceRange, _ severity: Diagnostic.Severity = .error) {
        guard diagnostics.count < 200 else { return }
        diagnostics.append(Diagnostic(severity, message, at: range))
    }

    private mutating func run(_ script: Script) {
        kind = script.declaration?.kind
        constants = InputDiscovery.constants(of: script)
        if let declaration = script.declaration {
            checkDeclaration(declaration)
        } else {
            let start = script.range.start
            report("the script has no strategy(...) or indicator(...) declaration", at: SourceRange(start: start, end: start))
        }
        checkBlock(script.statements, newScope: false)
    }

    private mutating func checkDeclaration(_ declaration: ScriptDeclaration) {
        let name = declaration.kind.rawValue
        if declaration.kind == .library {
            report("libraries cannot be run: pfopt runs strategy() and indicator() scripts", at: declaration.range)
            return
        }
        guard let function = Builtins.function(named: name) else { return }
        switch function.bind(declaration.arguments, callRange: declaration.range) {
        case .failure(let error):
            report(error.description, at: error.range)
        case .success(let bound):
            var recalculatesOnFills: SourceRange?
            var processesOnClose = false
            for (index, slot) in bound.arguments.enumerated() {
                guard let argument = slot else { continue }
                let parameter = bound.signature.parameters[index].name
                // A constant, possibly naming the script's own constants (declared at the top level).
                guard let value = ConstantValue.fold(argument.value, constants: constants), value.isConstant else {
                    checkExpression(argument.value)
                    report("\(name)() argument '\(parameter)' must be a constant value", at: argument.value.range)
                    continue
                }
                switch (parameter, value) {
                case ("calc_on_order_fills", .bool(true)):
                    recalculatesOnFills = argument.range
                case ("process_orders_on_close", .bool(true)):
                    processesOnClose = true
                case ("timeframe", .string(let tf)) where !tf.isEmpty:
                    report("indicator(timeframe=...) is not supported yet", at: argument.range)
                case ("calc_on_every_history_tick", .bool(true)):
                    report(
                        "calc_on_every_history_tick=true is not supported yet (pfopt runs the script once per bar, at its close)",
                        at: argument.range)
                case ("dynamic_requests", .bool(true)):
                    report("dynamic_requests=true is not supported yet", at: argument.range)
                default:
                    break
                }
            }
            if let range = recalculatesOnFills, processesOnClose {
                report(Self.fillsWithCloseMessage, at: range)
            }
        }
    }

    /// Why calc_on_order_fills=true is refused with process_orders_on_close=true.
    public static let fillsWithCloseMessage =
        "calc_on_order_fills=true with process_orders_on_close=true is not supported yet "
        + "(what the extra execution after a fill on the bar's close may fill is not documented)"

    // MARK: - Scopes

    private func lookup(_ name: String) -> Symbol? {
        for scope in scopes.reversed() {
            if let symbol = scope[name] { return symbol }
        }
        return nil
    }

    private mutating func declare(_ name: Name, typeHint: String? = nil) {
        guard name.text != "_" else { return }
        if scopes[scopes.count - 1][name.text] != nil {
            report("'\(name.text)' is already declared in this scope; use ':=' to assign to it", at: name.range)
            return
        }
        scopes[scopes.count - 1][name.text] = .variable(typeHint: typeHint)
    }

    private static let drawingTypes: Set<String> = ["label", "line", "box", "table", "linefill", "polyline"]
    private static let arrayConstructors: Set<String> = [
        "array.new", "array.new_float", "array.new_int", "array.new_bool", "array.new_string", "array.new_color",
        "array.new_line", "array.new_label", "array.new_box",
        "array.from", "array.copy", "array.slice",
    ]
    private static let stringFunctions: Set<String> = [
        "str.tostring", "str.format", "str.substring", "str.replace", "str.replace_all", "str.lower", "str.upper", "str.trim",
    ]

    /// What the checker can tell of a declaration's type: from the written type, or from the
    /// initializer (`array.new_float()`, `line.new(...)`, a string literal).
    private static func typeHint(_ type: TypeReference?, _ initializer: Expression?) -> String? {
        if let type {
            if ["array", "string", "map", "matrix"].contains(type.name) || drawingTypes.contains(type.name) { return type.name }
            return Builtins.variable(named: type.name) == nil && !["int", "float", "bool", "color"].contains(type.name) ? "object" : nil
        }
        guard let initializer else { return nil }
        switch initializer.kind {
        case .stringLiteral: return "string"
        case .call(let call):
            guard let callee = call.callee.dottedName else { return nil }
            if arrayConstructors.contains(callee) { return "array" }
            if stringFunctions.contains(callee) { return "string" }
            if callee.hasSuffix(".new"), drawingTypes.contains(String(callee.dropLast(4))) { return String(callee.dropLast(4)) }
            if callee.hasPrefix("map.") || callee.hasPrefix("matrix.") { return String(callee.prefix { $0 != "." }) }
            return callee.hasSuffix(".new") || callee.hasSuffix(".copy") ? "object" : nil
        default: return nil
        }
    }

    private mutating func checkBlock(_ block: Block, newScope: Bool = true) {
        if newScope { scopes.append([:]) }
        blockDepth += newScope ? 1 : 0
        for statement in block { checkStatement(statement) }
        blockDepth -= newScope ? 1 : 0
        if newScope { scopes.removeLast() }
    }

    // MARK: - Statements

    private mutating func checkStatement(_ statement: Statement) {
        switch statement.kind {
        case .variableDeclaration(let d):
            if let type = d.type { checkType(type) }
            if d.type == nil, case .na = d.initializer.kind {
                report("'\(d.name.text)' needs a type when declared as na: write 'float \(d.name.text) = na'", at: d.initializer.range)
            }
            checkExpression(d.initializer)
            declare(d.name, typeHint: SupportChecker.typeHint(d.type, d.initializer))
        case .tupleDeclaration(let d):
            checkExpression(d.initializer)
            for name in d.names { declare(name) }
        case .assignment(let a):
            checkAssignmentTarget(a.target)
            checkExpression(a.value)
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

    private mutating func checkAssignmentTarget(_ target: Expression) {
        switch target.kind {
        case .identifier(let name):
            switch lookup(name) {
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

    private mutating func checkConditional(_ c: Conditional) {
        for branch in c.branches {
            checkExpression(branch.condition)
            checkBlock(branch.body)
        }
        if let elseBody = c.elseBody { checkBlock(elseBody) }
    }

    private mutating func checkFor(_ l: ForLoop) {
        checkExpression(l.start)
        checkExpression(l.end)
        if let step = l.step { checkExpression(step) }
        scopes.append([:])
        declare(l.variable)
        loopDepth += 1
        checkBlock(l.body)
        loopDepth -= 1
        scopes.removeLast()
    }

    private mutating func checkForIn(_ l: ForInLoop) {
        checkExpression(l.collection)
        scopes.append([:])
        if let index = l.index { declare(index) }
        declare(l.value)
        loopDepth += 1
        checkBlock(l.body)
        loopDepth -= 1
        scopes.removeLast()
    }

    private mutating func checkWhile(_ l: WhileLoop) {
        checkExpression(l.condition)
        loopDepth += 1
        checkBlock(l.body)
        loopDepth -= 1
    }

    private mutating func checkSwitch(_ s: Switch) {
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

    private mutating func checkFunction(_ f: FunctionDeclaration, range: SourceRange) {
        if f.isMethod {
            if f.parameters.isEmpty { report("a method needs a first parameter: the value it is called on", at: f.name.range) }
            userTypes.declareMethod(f.name.text)
        }
        if f.isExported && kind != .library {
            report("'export' is only allowed in libraries, which pfopt cannot run", at: range)
        }
        if scopes.count > 1 || functionDepth > 0 {
            report("functions can only be declared at the top level of the script", at: f.name.range)
        }
        if Builtins.function(named: f.name.text) != nil || Builtins.isNamespace(f.name.text) {
            report("'\(f.name.text)' is a built-in name and cannot be redefined", at: f.name.range)
        }
        scopes.append([:])
        var seenDefault = false
        for parameter in f.parameters {
            if let type = parameter.type { checkType(type) }
            if let value = parameter.defaultValue {
                checkExpression(value)
                seenDefault = true
            } else if seenDefault {
                report("parameter '\(parameter.name.text)' without a default follows one with a default", at: parameter.range)
            }
            declare(parameter.name, typeHint: SupportChecker.typeHint(parameter.type, nil))
        }
        let savedLoop = loopDepth
        loopDepth = 0
        functionDepth += 1
        checkBlock(f.body)
        functionDepth -= 1
        loopDepth = savedLoop
        scopes.removeLast()
        // The name is visible after the declaration (Pine has no recursion).
        if f.isMethod { return }
        if case .function(var overloads)? = scopes[scopes.count - 1][f.name.text] {
            overloads.append(f)
            scopes[scopes.count - 1][f.name.text] = .function(overloads)
        } else if scopes[scopes.count - 1][f.name.text] != nil {
            report("'\(f.name.text)' is already declared in this scope", at: f.name.range)
        } else {
            scopes[scopes.count - 1][f.name.text] = .function([f])
        }
    }

    private static let supportedTypes: Set<String> = [
        "int", "float", "bool", "string", "color", "array", "label", "line", "box", "table", "linefill", "polyline",
    ]

    private mutating func checkType(_ type: TypeReference) {
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

    // MARK: - Expressions

    private mutating func checkExpression(_ expr: Expression) {
        switch expr.kind {
        case .intLiteral, .floatLiteral, .boolLiteral, .stringLiteral, .colorLiteral, .na:
            return
        case .identifier(let name):
            checkName(name, range: expr.range)
        case .member(let base, _, _):
            if let dotted = expr.dottedName, userTypes.isType(SupportChecker.root(of: dotted)) {
                if let problem = userTypes.enumMemberProblem(dotted) { report(problem, at: expr.range) }
            } else if let dotted = expr.dottedName, lookup(SupportChecker.root(of: dotted)) == nil {
                checkName(dotted, range: expr.range)
            } else {
                checkExpression(base)  // a field: checked with its type when the script is compiled
            }
        case .call(let call):
            checkCall(call, range: expr.range)
        case .index(let base, let offset):
            checkExpression(base)
            checkExpression(offset)
            if let value = ConstantValue.fold(offset), let n = value.number, n < 0 {
                report("a history offset cannot be negative", at: offset.range)
            }
        case .unary(_, let operand):
            checkExpression(operand)
        case .binary(_, let l, let r):
            checkExpression(l)
            checkExpression(r)
        case .ternary(let c, let t, let o):
            checkExpression(c)
            checkExpression(t)
            checkExpression(o)
        case .conditional(let c):
            checkConditional(c)
        case .switchExpression(let s):
            checkSwitch(s)
        case .forLoop(let l):
            checkFor(l)
        case .forInLoop(let l):
            checkForIn(l)
        case .whileLoop(let l):
            checkWhile(l)
        case .tuple(let elements):
            for element in elements { checkExpression(element) }
        }
    }

    private func isImported(_ name: String) -> Bool {
        !importedAliases.isEmpty && importedAliases.contains(SupportChecker.root(of: name))
    }

    /// `ta` for `ta.sma`, the name itself when it has no dot.
    private static func root(of name: String) -> String {
        guard let dot = name.firstIndex(of: ".") else { return name }
        return String(name[..<dot])
    }

    private mutating func checkName(_ name: String, range: SourceRange) {
        if isImported(name) { return }
        if let symbol = lookup(name) {
            if case .function = symbol {
                report("'\(name)' is a function; call it with parentheses", at: range)
            }
            return
        }
        if Builtins.variable(named: name) != nil {
            checkStrategyOnly(name, range: range)
            return
        }
        if Builtins.isKnownUnsupported(name) {
            report("\(name) is not supported yet", at: range)
            return
        }
        if Builtins.function(named: name) != nil {
            report("'\(name)' is a function; call it with parentheses", at: range)
            return
        }
        if Builtins.isNamespace(name) {
            report("'\(name)' is a namespace, not a value", at: range)
            return
        }
        report(unknownMessage(name, what: "identifier"), at: range)
    }

    private func unknownMessage(_ name: String, what: String) -> String {
        let hint = Builtins.suggestions(for: name).first.map { "; did you mean '\($0)'?" } ?? ""
        if name.contains(".") {
            return "'\(name)' is not a built-in pfopt knows\(hint)"
        }
        return "undeclared \(what) '\(name)'\(hint)"
    }

    private mutating func checkStrategyOnly(_ name: String, range: SourceRange) {
        if kind == .indicator && name.hasPrefix("strategy.") {
            report("\(name) can only be used in a strategy() script", at: range)
        }
    }

    private mutating func checkCall(_ call: Call, range: SourceRange) {
        for argument in call.arguments { checkExpression(argument.value) }
        for type in call.typeArguments { checkType(type) }
        guard let name = call.callee.dottedName else {
            if case .member(let base, _, _) = call.callee.kind {
                checkExpression(base)  // a method of a value: checked with its type when compiled
                return
            }
            checkExpression(call.callee)
            report("this expression cannot be called", at: call.callee.range)
            return
        }
        if isImported(name) { return }
        let root = SupportChecker.root(of: name)
        if userTypes.isType(root) {
            if let (message, at) = userTypes.typeCallProblem(name, call) { report(message, at: at) }
            return
        }
        if (root == "map" || root == "matrix") && lookup(root) == nil {
            if let (message, at) = CollectionCatalog.problem(name, call, receiver: nil, range: range) { report(message, at: at) }
            return
        }
        if root.count == name.count, lookup(name) == nil, userTypes.methods.contains(name) { return }
        if let dot = name.lastIndex(of: "."), lookup(root) == nil, userTypes.methods.contains(String(name[name.index(after: dot)...])),
            Builtins.variable(named: String(name[..<dot])) != nil
        {
            // `close.above(x)`: a user method of a built-in value, checked with its type when compiled.
            checkName(String(name[..<dot]), range: call.callee.range)
            return
        }
        if root.count < name.count, lookup(root) != nil {
            checkMethodCall(call, name: name, root: root, range: range)
            return
        }
        if root.count == name.count, let symbol = lookup(name) {
            guard case .function(let overloads) = symbol else {
                report("'\(name)' is a variable, not a function", at: call.callee.range)
                return
            }
            checkUserCall(call, overloads: overloads, range: range)
            return
        }
        if Builtins.isKnownUnsupported(name) {
            report("\(name) is not supported yet", at: call.callee.range)
            return
        }
        guard let function = Builtins.function(named: name) else {
            if name == "study" {
                report("study() is the old name of indicator(); write indicator(...) and //@version=6", at: call.callee.range)
            } else if Builtins.variable(named: name) != nil {
                report("'\(name)' is a variable, not a function", at: call.callee.range)
            } else {
                report(unknownMessage(name, what: "function"), at: call.callee.range)
            }
            return
        }
        if !call.typeArguments.isEmpty && name != "array.new" {
            report("\(name) takes no type arguments", at: call.callee.range)
        }
        if name == "array.new" && call.typeArguments.count != 1 {
            report("array.new needs an element type: array.new<float>(...)", at: call.callee.range)
        }
        checkStrategyOnly(name, range: call.callee.range)
        if function.category == .declaration {
            report("\(name)(...) must be the script's first statement, at the top level", at: range)
            return
        }
        if function.category == .input && (scopes.count > 1 || functionDepth > 0) {
            report("\(name) can only be called at the top level of the script, not in a local block", at: call.callee.range)
        }
        if case .failure(let error) = function.bind(call.arguments, callRange: range) {
            if case .unknownParameter(_, "when", let at) = error, function.category == .order {
                report("\(name) has no 'when' parameter in Pine v6; put the call inside an 'if' instead", at: at)
            } else {
                report(error.description, at: error.range)
            }
        }
    }

    /// `arr.push(x)`: a built-in called as a method of a local value.
    private mutating func checkMethodCall(_ call: Call, name: String, root: String, range: SourceRange) {
        let parts = name.split(separator: ".")
        // A method of a field (`obj.items.push(x)`) or a user method: checked with its type when compiled.
        guard parts.count == 2 else { return }
        let method = String(parts[1])
        if userTypes.methods.contains(method) { return }
        var hint: String?
        if case .variable(let h)? = lookup(root) { hint = h }
        if let hint, SupportChecker.drawingTypes.contains(hint) {
            return  // drawing methods (`l.set_x2(...)`) have no effect on a backtest
        }
        let receiver = CallArgument(label: nil, labelRange: nil, value: Expression(.identifier(root), range: call.callee.range), range: call.callee.range)
        if hint == "object" { return }  // `copy()` and the type's methods are checked when compiled
        let namespaces = hint.map { $0 == "string" ? ["str"] : [$0] } ?? ["array", "str", "map", "matrix"]
        var firstProblem: (String, SourceRange)?
        for namespace in namespaces {
            let name = namespace + "." + method
            if namespace == "map" || namespace == "matrix" {
                guard CollectionCatalog.isCollectionFunction(name) else { continue }
                guard let problem = CollectionCatalog.problem(name, call, receiver: receiver, range: range) else { return }
                firstProblem = firstProblem ?? problem
                continue
            }
            guard let function = Builtins.function(named: name) else { continue }
            guard case .failure(let error) = function.bind([receiver] + call.arguments, callRange: range) else { return }
            firstProblem = firstProblem ?? (error.description, error.range)
        }
        if let (message, at) = firstProblem {
            report(message, at: at)
            return
        }
        report("unknown method '\(method)' called on '\(root)'", at: call.callee.range)
    }

    private mutating func checkUserCall(_ call: Call, overloads: [FunctionDeclaration], range: SourceRange) {
        var firstError: (String, SourceRange)?
        for f in overloads {
            if let error = SupportChecker.bindUser(call, to: f, range: range) {
                if firstError == nil { firstError = error }
            } else {
                return
            }
        }
        if let (message, at) = firstError { report(message, at: at) }
    }
}
