/// Calls: of built-ins (bound against their signatures), of user functions and
/// types, and of built-ins written as methods of a local value.
extension SupportChecker {
    mutating func checkCall(_ call: Call, range: SourceRange) {
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
        if (root == "map" || root == "matrix") && scopes.lookup(root) == nil {
            if let (message, at) = CollectionCatalog.problem(name, call, receiver: nil, range: range) { report(message, at: at) }
            return
        }
        if root.count == name.count, scopes.lookup(name) == nil, userTypes.methods.contains(name) { return }
        if let dot = name.lastIndex(of: "."), scopes.lookup(root) == nil, userTypes.methods.contains(String(name[name.index(after: dot)...])),
            Builtins.variable(named: String(name[..<dot])) != nil
        {
            // `close.above(x)`: a user method of a built-in value, checked with its type when compiled.
            checkName(String(name[..<dot]), range: call.callee.range)
            return
        }
        if root.count < name.count, scopes.lookup(root) != nil {
            checkMethodCall(call, name: name, root: root, range: range)
            return
        }
        if root.count == name.count, let symbol = scopes.lookup(name) {
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
        if function.category == .input && (!scopes.isTopLevel || functionDepth > 0) {
            report("\(name) can only be called at the top level of the script, not in a local block", at: call.callee.range)
        }
        if SupportChecker.globalOnly.contains(name) && (!scopes.isTopLevel || functionDepth > 0) {
            report(
                "'\(name)' cannot be used in a local scope (an if, switch, loop or function body): "
                    + "call it at the top level and make its value conditional, e.g. \(name)(cond ? x : na)",
                at: call.callee.range)
        }
        switch function.bind(call.arguments, callRange: range) {
        case .failure(let error):
            if case .unknownParameter(_, "when", let at) = error, function.category == .order {
                report("\(name) has no 'when' parameter in Pine v6; put the call inside an 'if' instead", at: at)
            } else {
                report(error.description, at: error.range)
            }
        case .success(let bound):
            checkIntegerArguments(bound, name: name)
        }
    }

    /// The outputs TradingView accepts only in the script's global scope.
    static let globalOnly: Set<String> = [
        "plot", "plotshape", "plotchar", "plotarrow", "plotbar", "plotcandle", "hline", "fill", "bgcolor", "barcolor",
        "alertcondition",
    ]

    /// Refuses a float given to a parameter that takes an int (a length, a
    /// bar count), when the argument is certainly a float.
    mutating func checkIntegerArguments(_ bound: BoundCall, name: String) {
        for (index, slot) in bound.arguments.enumerated() {
            guard let argument = slot else { continue }
            let parameter = bound.signature.parameters[index].name
            guard IntegerParameters.contains(name, parameter) else { continue }
            if CertainType.of(argument.value, variable: { scopes.valueType(of: $0) }) == .float {
                report(
                    "\(name)'s '\(parameter)' takes an int, and this value is a float: "
                        + "make it an int (int(x), math.round(x), input.int)",
                    at: argument.value.range)
            }
        }
    }

    /// `arr.push(x)`: a built-in called as a method of a local value.
    mutating func checkMethodCall(_ call: Call, name: String, root: String, range: SourceRange) {
        let parts = name.split(separator: ".")
        // A method of a field (`obj.items.push(x)`) or a user method: checked with its type when compiled.
        guard parts.count == 2 else { return }
        let method = String(parts[1])
        if userTypes.methods.contains(method) { return }
        let hint = scopes.typeHint(of: root)
        if let hint, DeclaredTypeHint.drawingTypes.contains(hint) {
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

    mutating func checkUserCall(_ call: Call, overloads: [FunctionDeclaration], range: SourceRange) {
        var firstError: (String, SourceRange)?
        for f in overloads {
            if let error = UserFunctionBinding.problem(call, to: f, range: range) {
                if firstError == nil { firstError = error }
            } else {
                return
            }
        }
        if let (message, at) = firstError { report(message, at: at) }
    }
}
