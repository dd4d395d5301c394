/// Finds every `input*` call of a script: the optimizer's search space.
public enum InputDiscovery {
    /// The inputs in source order, and problems with them (non-constant defaults,
    /// wrong default types, shared titles).
    public static func discover(in script: Script) -> (inputs: [InputSpec], diagnostics: [Diagnostic]) {
        var finder = Finder()
        finder.constants = constants(of: script)
        for statement in script.statements {
            guard case .enumDeclaration(let e) = statement.kind else { continue }
            finder.enums[e.name.text] = e.members.map { m in
                if let t = m.title, case .stringLiteral(let s) = t.kind { return (m.name.text, s) }
                return (m.name.text, m.name.text)
            }
        }
        for statement in script.statements { finder.visit(statement) }
        var diagnostics = finder.diagnostics
        var titles: [String: String] = [:]
        for input in finder.inputs {
            guard let title = input.title else { continue }
            if let other = titles[title] {
                diagnostics.append(
                    Diagnostic(.warning, "inputs '\(other)' and '\(input.name)' share the title \"\(title)\"; address them by variable name",
                               at: input.range))
            } else {
                titles[title] = input.name
            }
        }
        return (finder.inputs, diagnostics)
    }

    /// The script's top-level constants: declarations whose value folds to a constant and
    /// that are never reassigned (`G = "Entry"`, `const string G = "Entry"`, and `var` or
    /// `varip` ones, `var const string G = "Entry"`, which keep their first value on every
    /// bar). They can stand where Pine wants a constant (`group=G`).
    static func constants(of script: Script) -> [String: ConstantValue] {
        var reassigned = Set<String>()
        func scan(_ block: Block) {
            for statement in block {
                switch statement.kind {
                case .assignment(let a): if let name = a.targetName { reassigned.insert(name) }
                case .conditional(let c):
                    c.branches.forEach { scan($0.body) }
                    if let e = c.elseBody { scan(e) }
                case .forLoop(let l): scan(l.body)
                case .forInLoop(let l): scan(l.body)
                case .whileLoop(let l): scan(l.body)
                case .switchStatement(let sw): sw.cases.forEach { scan($0.body) }
                case .functionDeclaration(let f): scan(f.body)
                default: break
                }
            }
        }
        scan(script.statements)
        var constants: [String: ConstantValue] = [:]
        for statement in script.statements {
            guard case .variableDeclaration(let d) = statement.kind, !reassigned.contains(d.name.text),
                let value = ConstantValue.fold(d.initializer, constants: constants)
            else { continue }
            if !value.isConstant { continue }  // `x = close` is a series, not a constant
            constants[d.name.text] = value
        }
        return constants
    }

    private struct Finder {
        var constants: [String: ConstantValue] = [:]
        /// The script's enums: each member's name and title, in order.
        var enums: [String: [(name: String, title: String)]] = [:]
        var inputs: [InputSpec] = []
        var diagnostics: [Diagnostic] = []

        mutating func visit(_ statement: Statement) {
            switch statement.kind {
            case .variableDeclaration(let d):
                visit(d.initializer, assignedTo: d.name.text)
            case .tupleDeclaration(let d): visit(d.initializer, assignedTo: nil)
            case .assignment(let a): visit(a.value, assignedTo: nil)
            case .expression(let e): visit(e, assignedTo: nil)
            case .conditional(let c):
                for branch in c.branches {
                    visit(branch.condition, assignedTo: nil)
                    branch.body.forEach { visit($0) }
                }
                c.elseBody?.forEach { visit($0) }
            case .forLoop(let l):
                visit(l.start, assignedTo: nil)
                visit(l.end, assignedTo: nil)
                l.body.forEach { visit($0) }
            case .forInLoop(let l): l.body.forEach { visit($0) }
            case .whileLoop(let l): l.body.forEach { visit($0) }
            case .switchStatement(let s): s.cases.forEach { $0.body.forEach { visit($0) } }
            case .functionDeclaration(let f): f.body.forEach { visit($0) }
            default: break
            }
        }

        mutating func visit(_ expr: Expression, assignedTo name: String?) {
            switch expr.kind {
            case .call(let call):
                if let callee = call.callee.dottedName, callee == "input" || callee.hasPrefix("input."),
                    let function = Builtins.function(named: callee), function.category == .input
                {
                    record(call, function: function, range: expr.range, name: name)
                }
                for argument in call.arguments { visit(argument.value, assignedTo: nil) }
            case .binary(_, let l, let r):
                visit(l, assignedTo: nil)
                visit(r, assignedTo: nil)
            case .unary(_, let x), .index(let x, _), .member(let x, _, _):
                visit(x, assignedTo: nil)
            case .ternary(let c, let t, let o):
                visit(c, assignedTo: nil)
                visit(t, assignedTo: nil)
                visit(o, assignedTo: nil)
            case .tuple(let xs): xs.forEach { visit($0, assignedTo: nil) }
            default: break
            }
        }

        /// An `input.enum`: its default and options are the titles of enum members
        /// (`Signal.long` is "Long only"); the member names are aliases of the titles.
        mutating func enumInput(_ defval: Expression, _ optionList: Expression?) -> (InputValue, [InputValue], [String: String])? {
            func member(_ e: Expression) -> (enumName: String, title: String)? {
                guard let dotted = e.dottedName, let dot = dotted.lastIndex(of: ".") else { return nil }
                let enumName = String(dotted[..<dot])
                let memberName = String(dotted[dotted.index(after: dot)...])
                guard let title = enums[enumName]?.first(where: { $0.name == memberName })?.title else { return nil }
                return (enumName, title)
            }
            guard let (enumName, title) = member(defval), let members = enums[enumName] else {
                diagnostics.append(Diagnostic(.error, "the default value of input.enum must be a member of an enum declared in the script: input.enum(MyEnum.member)", at: defval.range))
                return nil
            }
            var options = members.map { InputValue.string($0.title) }
            if let optionList {
                guard case .tuple(let items) = optionList.kind else {
                    diagnostics.append(Diagnostic(.error, "input.enum options must be a list: options=[E.a, E.b]", at: optionList.range))
                    return nil
                }
                options = []
                for item in items {
                    guard let (e, t) = member(item), e == enumName else {
                        diagnostics.append(Diagnostic(.error, "an option of this input.enum must be a member of \(enumName)", at: item.range))
                        return nil
                    }
                    options.append(.string(t))
                }
                if !options.contains(.string(title)) {
                    diagnostics.append(Diagnostic(.error, "the default value of input.enum is not one of its options", at: defval.range))
                }
            }
            var aliases: [String: String] = [:]
            for m in members where m.name != m.title && options.contains(.string(m.title)) { aliases[m.name] = m.title }
            return (.string(title), options, aliases)
        }

        mutating func record(_ call: Call, function: BuiltinFunction, range: SourceRange, name: String?) {
            guard case .success(let bound) = function.bind(call.arguments, callRange: range),
                let defaultArgument = bound.argument("defval")
            else { return }  // the support checker reports bad arguments
            func constant(_ parameter: String) -> ConstantValue? {
                guard let argument = bound.argument(parameter) else { return nil }
                guard let value = ConstantValue.fold(argument.value, constants: constants) else {
                    diagnostics.append(Diagnostic(.error, "\(function.name) argument '\(parameter)' must be a constant", at: argument.value.range))
                    return nil
                }
                return value
            }
            func number(_ parameter: String) -> Double? {
                guard let value = constant(parameter) else { return nil }
                if case .na = value { return nil }
                guard let n = value.number else {
                    diagnostics.append(Diagnostic(.error, "\(function.name) argument '\(parameter)' must be a number", at: bound.argument(parameter)?.value.range ?? range))
                    return nil
                }
                return n
            }
            func text(_ parameter: String) -> String? {
                guard let value = constant(parameter) else { return nil }
                if case .string(let s) = value { return s }
                if case .na = value { return nil }
                diagnostics.append(Diagnostic(.error, "\(function.name) argument '\(parameter)' must be a string", at: bound.argument(parameter)?.value.range ?? range))
                return nil
            }
            if function.name == "input.enum" {
                guard let (value, options, aliases) = enumInput(defaultArgument.value, bound.argument("options")?.value) else { return }
                let title = text("title")
                var spec = InputSpec(
                    name: name ?? title ?? "input@\(range.start.line):\(range.start.column)", title: title, kind: .string,
                    defaultValue: value, options: options, group: text("group"), tooltip: text("tooltip"), range: range)
                spec.aliases = aliases
                inputs.append(spec)
                return
            }
            guard let defaultConstant = ConstantValue.fold(defaultArgument.value, constants: constants)
                ?? InputDiscovery.timestamp(defaultArgument.value)
            else {
                diagnostics.append(Diagnostic(.error, "the default value of \(function.name) must be a constant", at: defaultArgument.value.range))
                return
            }
            guard let (kind, value) = InputDiscovery.kindAndValue(function.name, defaultConstant) else {
                diagnostics.append(
                    Diagnostic(.error, "\(function.name) cannot take \(defaultConstant) as its default value", at: defaultArgument.value.range))
                return
            }
            var options: [InputValue] = []
            if let list = constant("options") {
                if case .list(let values) = list {
                    for option in values {
                        if let v = option.inputValue { options.append(InputDiscovery.coerce(v, to: kind)) }
                    }
                    if !options.isEmpty && !options.contains(value) {
                        diagnostics.append(Diagnostic(.error, "the default value \(Text.display(value)) of \(function.name) is not one of its options", at: defaultArgument.value.range))
                    }
                } else if list != .na {
                    diagnostics.append(Diagnostic(.error, "\(function.name) options must be a list: options=[a, b, c]", at: bound.argument("options")?.value.range ?? range))
                }
            }
            let title = text("title")
            let spec = InputSpec(
                name: name ?? title ?? "input@\(range.start.line):\(range.start.column)", title: title, kind: kind, defaultValue: value,
                minval: number("minval"), maxval: number("maxval"), step: number("step"), options: options,
                group: text("group"), tooltip: text("tooltip"), range: range)
            if let minval = spec.minval, let maxval = spec.maxval, minval > maxval {
                diagnostics.append(Diagnostic(.error, "\(function.name) minval \(Text.number(minval)) is above maxval \(Text.number(maxval))", at: range))
            }
            if let v = value.numericValue, kind == .int || kind == .float {
                if let minval = spec.minval, v < minval {
                    diagnostics.append(Diagnostic(.error, "the default value \(value) of \(function.name) is below its minval \(Text.number(minval))", at: defaultArgument.value.range))
                }
                if let maxval = spec.maxval, v > maxval {
                    diagnostics.append(Diagnostic(.error, "the default value \(value) of \(function.name) is above its maxval \(Text.number(maxval))", at: defaultArgument.value.range))
                }
            }
            inputs.append(spec)
        }
    }

    static func coerce(_ value: InputValue, to kind: InputSpec.Kind) -> InputValue {
        if kind == .float, case .int(let v) = value { return .float(Double(v)) }
        return value
    }

    /// The input kind of `function` and its default as an input value, or nil when they do not fit.
    static func kindAndValue(_ function: String, _ value: ConstantValue) -> (InputSpec.Kind, InputValue)? {
        switch (function, value) {
        case ("input.int", .int(let v)): return (.int, .int(v))
        case ("input.float", .int(let v)): return (.float, .float(Double(v)))
        case ("input.float", .float(let v)): return (.float, .float(v))
        case ("input.bool", .bool(let v)): return (.bool, .bool(v))
        case ("input.string", .string(let v)), ("input.text_area", .string(let v)): return (.string, .string(v))
        case ("input.source", .constant(let name)): return (.source, .string(name))
        case ("input.timeframe", .string(let v)): return (.timeframe, .string(v))
        case ("input.session", .string(let v)): return (.session, .string(v))
        case ("input.symbol", .string(let v)): return (.symbol, .string(v))
        case ("input.price", .int(let v)): return (.price, .float(Double(v)))
        case ("input.price", .float(let v)): return (.price, .float(v))
        case ("input.time", .int(let v)): return (.time, .int(v))
        case ("input.color", .color(let c)): return (.color, .string(ConstantValue.hex(c)))
        case ("input.color", .constant(let name)) where name.hasPrefix("color."): return (.color, .string(name))
        case ("input", .constant(let name)) where name.hasPrefix("color."): return (.color, .string(name))
        case ("input", .int(let v)): return (.int, .int(v))
        case ("input", .float(let v)): return (.float, .float(v))
        case ("input", .bool(let v)): return (.bool, .bool(v))
        case ("input", .string(let v)): return (.string, .string(v))
        case ("input", .color(let c)): return (.color, .string(ConstantValue.hex(c)))
        case ("input", .constant(let name)):
            if name.hasPrefix("color.") { return (.color, .string(name)) }
            if Builtins.variable(named: name)?.type == "float" { return (.source, .string(name)) }
            return nil
        default: return nil
        }
    }

    /// `timestamp(...)` with constant arguments, as Unix milliseconds (UTC unless a zone
    /// is given): `timestamp(2024, 1, 1)`, `timestamp("2024-01-01T00:00:00")`,
    /// `timestamp("01 Jan 2024 00:00 +0000")`.
    static func timestamp(_ expr: Expression) -> ConstantValue? {
        guard case .call(let call) = expr.kind, call.callee.dottedName == "timestamp" else { return nil }
        let values = call.arguments.map { ConstantValue.fold($0.value) }
        guard values.allSatisfy({ $0 != nil }), call.arguments.allSatisfy({ $0.label == nil }) else { return nil }
        let constants = values.compactMap { $0 }
        var numbers = constants.compactMap { c -> Int? in if case .int(let v) = c { return v } else { return nil } }
        var offsetMinutes = 0
        if case .string(let first)? = constants.first {
            if constants.count == 1 { return TimestampText.parse(first).map { .int($0) } }
            guard let zone = TimestampText.zoneOffset(first) else { return nil }
            offsetMinutes = zone
            numbers = Array(constants.dropFirst()).compactMap { c -> Int? in if case .int(let v) = c { return v } else { return nil } }
            guard numbers.count == constants.count - 1 else { return nil }
        } else if numbers.count != constants.count {
            return nil
        }
        guard numbers.count >= 3 && numbers.count <= 6 else { return nil }
        let parts = numbers + [Int](repeating: 0, count: 6 - numbers.count)
        guard TimestampText.inRange(parts) else { return nil }
        return .int(TimestampText.millis(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]) - offsetMinutes * 60_000)
    }
}
