import PineLanguage

/// The arguments of one built-in call, matched to the function's parameters.
struct BoundArguments {
    let builder: InstanceBuilder
    let name: String
    let range: SourceRange
    /// By parameter index; nil when not given.
    var values: [CompiledValue?]
    var ranges: [SourceRange]
    /// The argument expressions as written, by parameter index.
    var expressions: [Expression?] = []
    /// Positional arguments beyond the parameter list (variadic functions).
    var extra: [(CompiledValue, SourceRange)] = []
    /// Generic type arguments (`array.new<float>`).
    var typeArguments: [TypeReference] = []

    func has(_ i: Int) -> Bool { i < values.count && values[i] != nil }

    func value(_ i: Int) throws -> CompiledValue {
        guard i < values.count, let v = values[i] else {
            throw builder.error(range, "\(name)() needs its argument #\(i + 1)")
        }
        return v
    }

    func range(_ i: Int) -> SourceRange { i < ranges.count ? ranges[i] : range }

    func num(_ i: Int) throws -> NumFn { try builder.number(value(i), range(i)) }
    func bool(_ i: Int) throws -> BoolFn { try builder.boolean(value(i), range(i)) }
    func str(_ i: Int) throws -> StrFn { try builder.string(value(i), range(i)) }
    func int(_ i: Int) throws -> (Runtime) throws -> Int { try builder.integer(value(i), range(i)) }

    /// A numeric argument, or `fallback` when not given.
    func num(_ i: Int, default fallback: Double) throws -> NumFn {
        has(i) ? try num(i) : { _ in fallback }
    }

    func int(_ i: Int, default fallback: Int) throws -> (Runtime) throws -> Int {
        has(i) ? try int(i) : { _ in fallback }
    }

    func bool(_ i: Int, default fallback: Bool) throws -> BoolFn {
        has(i) ? try bool(i) : { _ in fallback }
    }

    /// A numeric argument that may be omitted (nil) or `na` at run time.
    func optionalNum(_ i: Int) throws -> NumFn? { has(i) ? try num(i) : nil }
    func optionalStr(_ i: Int) throws -> StrFn? { has(i) ? try str(i) : nil }

    func constString(_ i: Int) -> String? { has(i) ? values[i]?.constString : nil }
    func constNumber(_ i: Int) -> Double? { has(i) ? values[i]?.constNumber : nil }
    func type(_ i: Int) -> ValueType? { has(i) ? values[i]?.type : nil }
}

/// A built-in function the engine implements.
struct BuiltinFunction {
    /// Parameter names in TradingView's order.
    let parameters: [String]
    /// True when extra positional arguments are allowed (`math.max(a, b, c)`).
    var variadic = false
    /// True for display-only calls whose arguments are neither checked nor run.
    var acceptsAnyLabel = false
    let build: (BoundArguments) throws -> CompiledValue
}

extension InstanceBuilder {
    func compileCall(_ call: Call, _ range: SourceRange) throws -> CompiledValue {
        // Method syntax on a value: `arr.push(x)` is `array.push(arr, x)`.
        if case .member(let base, let method, _) = call.callee.kind, base.dottedName.map({ lookup($0) != nil }) ?? true,
            !isNamespace(base)
        {
            let receiver = try compile(base)
            if case .array = receiver.type {
                let name = "array." + method
                guard let fn = BuiltinLibrary.functions[name] else {
                    throw error(call.callee.range, "array method '\(method)' is not supported yet")
                }
                return try invoke(fn, name: name, call: call, receiver: (receiver, base.range), range)
            }
            throw error(call.callee.range, "methods on \(receiver.type) values are not supported yet")
        }
        guard let name = call.callee.dottedName else {
            throw error(call.callee.range, "this kind of call is not supported yet")
        }
        if let binding = lookup(name), case .function(let f) = binding {
            return try inline(f, call, range)
        }
        if let reason = BuiltinLibrary.rejected[name] { throw error(call.callee.range, reason) }
        guard let fn = BuiltinLibrary.functions[name] else {
            if let dot = name.firstIndex(of: "."), BuiltinLibrary.noOpNamespaces.contains(String(name[..<dot])) {
                return .na
            }
            throw error(call.callee.range, "\(name)() is not supported yet")
        }
        return try invoke(fn, name: name, call: call, receiver: nil, range)
    }

    private func isNamespace(_ e: Expression) -> Bool {
        guard let name = e.dottedName else { return false }
        return lookup(name) == nil && BuiltinLibrary.namespaces.contains(name)
    }

    private func invoke(
        _ fn: BuiltinFunction, name: String, call: Call, receiver: (CompiledValue, SourceRange)?, _ range: SourceRange
    ) throws -> CompiledValue {
        if fn.acceptsAnyLabel {
            return try fn.build(BoundArguments(builder: self, name: name, range: range, values: [], ranges: []))
        }
        var bound = BoundArguments(
            builder: self, name: name, range: range,
            values: Array(repeating: nil, count: fn.parameters.count),
            ranges: Array(repeating: range, count: fn.parameters.count))
        bound.typeArguments = call.typeArguments
        bound.expressions = Array(repeating: nil, count: fn.parameters.count)
        var position = 0
        if let (value, r) = receiver {
            bound.values[0] = value
            bound.ranges[0] = r
            position = 1
        }
        for arg in call.arguments {
            if let label = arg.label {
                guard let i = fn.parameters.firstIndex(of: label) else {
                    throw error(
                        arg.labelRange ?? arg.range,
                        "\(name)() has no parameter '\(label)' (it has: \(fn.parameters.joined(separator: ", ")))")
                }
                bound.values[i] = try compile(arg.value)
                bound.ranges[i] = arg.value.range
                bound.expressions[i] = arg.value
            } else {
                let value = try compile(arg.value)
                if position < fn.parameters.count {
                    bound.values[position] = value
                    bound.ranges[position] = arg.value.range
                    bound.expressions[position] = arg.value
                } else if fn.variadic {
                    bound.extra.append((value, arg.value.range))
                } else {
                    throw error(arg.range, "\(name)() takes at most \(fn.parameters.count) arguments")
                }
                position += 1
            }
        }
        guard loopDepth > 0, Self.keepsSeriesState(name) else { return try fn.build(bound) }
        let (value, snapshots) = try arena.recordingStates { try fn.build(bound) }
        return rollingBack(value, snapshots)
    }

    /// Functions whose per-call-site state is a series (`ta.*`, `math.sum`,
    /// `fixnan`): advanced at most once per bar.
    static func keepsSeriesState(_ name: String) -> Bool {
        name.hasPrefix("ta.") || name == "math.sum" || name == "fixnan"
    }

    /// A call site inside a loop runs on every iteration, but its series
    /// state is a series like any other: TradingView computes each call
    /// from the state the site had at the start of the bar, so only the
    /// bar's last call survives. The first call on a bar keeps a copy of the
    /// state; every further call on that bar starts again from the copy.
    func rollingBack(_ value: CompiledValue, _ snapshots: [StateSnapshot]) -> CompiledValue {
        guard !snapshots.isEmpty else { return value }
        let lastBar = arena.cell(-1)
        let prelude: ExecFn = { rt in
            let bar = Double(rt.barIndex)
            if lastBar.pointee == bar {
                for s in snapshots { s.restore() }
            } else {
                for s in snapshots { s.save() }
                lastBar.pointee = bar
            }
            return .normal
        }
        return sequence(prelude, value)
    }

    /// Inlines a user function at its call site: the site gets its own
    /// parameter cells, locals, `var`s and indicator states.
    private func inline(_ f: FunctionDeclaration, _ call: Call, _ range: SourceRange) throws -> CompiledValue {
        guard inlineDepth < 32 else { throw error(range, "function '\(f.name.text)' calls itself (recursion is not allowed in Pine)") }
        var args: [CompiledValue?] = Array(repeating: nil, count: f.parameters.count)
        var position = 0
        for arg in call.arguments {
            if let label = arg.label {
                guard let i = f.parameters.firstIndex(where: { $0.name.text == label }) else {
                    throw error(arg.labelRange ?? arg.range, "\(f.name.text)() has no parameter '\(label)'")
                }
                args[i] = try compile(arg.value)
            } else {
                guard position < args.count else { throw error(arg.range, "\(f.name.text)() takes \(args.count) arguments") }
                args[position] = try compile(arg.value)
                position += 1
            }
        }
        // Parameters and body are compiled in a fresh scope that sees the globals.
        let saved = scopes
        scopes = [scopes[0], [:]]
        inlineDepth += 1
        defer {
            scopes = saved
            inlineDepth -= 1
        }
        var stores: [Step] = []
        for (i, p) in f.parameters.enumerated() {
            var value = args[i]
            if value == nil, let d = p.defaultValue { value = try compile(d) }
            guard let value else { throw error(range, "\(f.name.text)() needs a value for '\(p.name.text)'") }
            switch value.type {
            case .string:
                let fv = try string(value, range)
                let cell = arena.state { "" }
                bind(p.name.text, .string(cell))
                stores.append(Step { rt in
                    cell.pointee = try fv(rt)
                    return .normal
                })
            case .array(let e):
                let fv = try array(value, range).0
                let cell = arena.state { PineArray?.none }
                bind(p.name.text, .array(cell, e))
                stores.append(Step { rt in
                    cell.pointee = try fv(rt)
                    return .normal
                })
            default:
                let fv = try number(value, range)
                let storage = self.storage(for: p.name.text)
                var t = value.type == .na ? ValueType.float : value.type
                if let declared = p.type?.name, declared == "float" { t = .float }
                bind(p.name.text, .value(storage, t))
                stores.append(Step { rt in
                    storage.declare(try fv(rt))
                    return .normal
                })
            }
        }
        let body = try compileBlockValue(f.body, range)
        guard let prelude = chain(stores) else { return body }
        return sequence(prelude, body)
    }
}
