import PineLanguage

/// Calls: built-ins through the registry and the engine's implementations,
/// user functions inlined at each call site.
extension InstanceBuilder {
    func compileCall(_ call: Call, _ range: SourceRange) throws -> CompiledValue {
        // Method syntax on a value: `arr.push(x)` is `array.push(arr, x)`.
        if case .member(let base, let method, _) = call.callee.kind,
            base.dottedName.map({ lookup(String($0.prefix { $0 != "." })) != nil || isUserMethodOnBuiltin($0, method) || isEnumMember($0) })
                ?? true,
            !isNamespace(base)
        {
            let receiver = try compile(base)
            if let v = try compileMethodCall(receiver, base, method, call, range) { return v }
            if case .array = receiver.type {
                let name = "array." + method
                guard let fn = Builtins.function(named: name), let implementation = BuiltinLibrary.functions[name] else {
                    throw error(call.callee.range, "array method '\(method)' is not supported yet")
                }
                return try invoke(fn, implementation, call: call, receiver: (receiver, base), range)
            }
            throw error(call.callee.range, "methods on \(receiver.type) values are not supported yet")
        }
        guard let name = call.callee.dottedName else {
            throw error(call.callee.range, "this kind of call is not supported yet")
        }
        if let binding = lookup(name), case .function(let f) = binding {
            return try inline(f, call, range)
        }
        if let v = try compileUserTypeCall(name, call, range) { return v }
        if let requested = try compileRequest(call, name: name, range) { return requested }
        guard let fn = Builtins.function(named: name) else {
            throw error(call.callee.range, "\(name)() is not supported yet")
        }
        if fn.category == .noOp && BuiltinLibrary.functions[name] == nil { return .na }
        guard let implementation = BuiltinLibrary.functions[name] else {
            throw error(call.callee.range, "\(name)() is not supported yet")
        }
        return try invoke(fn, implementation, call: call, receiver: nil, range)
    }

    /// `close.above(x)`: a user method called on a built-in variable.
    private func isUserMethodOnBuiltin(_ receiver: String, _ method: String) -> Bool {
        userTypes.methods[method] != nil && Builtins.variable(named: receiver) != nil
    }

    /// `Enum.member` (a method called on it: `Dir.up.flip()`).
    private func isEnumMember(_ dotted: String) -> Bool {
        let parts = dotted.split(separator: ".")
        return parts.count == 2 && userTypes.enums[String(parts[0])] != nil
    }

    private func isNamespace(_ e: Expression) -> Bool {
        guard let name = e.dottedName else { return false }
        return lookup(name) == nil && BuiltinLibrary.namespaces.contains(name)
    }

    /// Binds a call's arguments with the registry's signature (the overload
    /// they fit), compiles them into the registry's parameter slots and
    /// builds the implementation.
    func invoke(
        _ fn: BuiltinFunction, _ implementation: BuiltinImplementation, call: Call,
        receiver: (CompiledValue, Expression)?, _ range: SourceRange
    ) throws -> CompiledValue {
        let name = fn.name
        guard implementation.evaluatesArguments && (!fn.acceptsAnyArguments || implementation.compilesAnyArguments) else {
            return try implementation.build(BoundArguments(builder: self, name: name, range: range, values: [], ranges: []))
        }
        var arguments = call.arguments
        if let (_, base) = receiver {
            arguments.insert(CallArgument(label: nil, labelRange: nil, value: base, range: base.range), at: 0)
        }
        let matched: BoundCall
        switch fn.bind(arguments, callRange: range) {
        case .success(let b): matched = b
        case .failure(let e): throw error(e.range, e.description)
        }
        let slots = matched.slots
        var bound = BoundArguments(
            builder: self, name: name, range: range,
            values: Array(repeating: nil, count: slots.count), ranges: Array(repeating: range, count: slots.count))
        bound.typeArguments = call.typeArguments
        bound.expressions = slots.map { $0?.value }
        // Arguments are compiled in source order (their states are allocated in that order).
        for argument in arguments {
            let value: CompiledValue
            if let (compiled, base) = receiver, argument.range == base.range, argument.label == nil, argument.value == base {
                value = compiled
            } else {
                value = try compile(argument.value)
            }
            if let k = slots.firstIndex(where: { $0 == argument }) {
                bound.values[k] = value
                bound.ranges[k] = argument.value.range
            } else {
                bound.extra.append((value, argument.value.range))
            }
        }
        if let v = try compileReferenceBuiltin(name, bound) { return v }
        guard loopDepth > 0, Self.keepsSeriesState(name) else { return try implementation.build(bound) }
        let (value, snapshots) = try arena.recordingStates { try implementation.build(bound) }
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
    func inline(
        _ f: FunctionDeclaration, _ call: Call, _ range: SourceRange, receiver: CompiledValue? = nil
    ) throws -> CompiledValue {
        guard inlineDepth < 32 else { throw error(range, "function '\(f.name.text)' calls itself (recursion is not allowed in Pine)") }
        var args: [CompiledValue?] = Array(repeating: nil, count: f.parameters.count)
        var sources: [String: ParameterSource] = [:]
        var position = 0
        if let receiver, !args.isEmpty {
            args[0] = receiver
            position = 1
        }
        for arg in call.arguments {
            if let label = arg.label {
                guard let i = f.parameters.firstIndex(where: { $0.name.text == label }) else {
                    throw error(arg.labelRange ?? arg.range, "\(f.name.text)() has no parameter '\(label)'")
                }
                args[i] = try compile(arg.value)
                sources[label] = ParameterSource(expression: arg.value, scope: scope, declaredType: f.parameters[i].type?.name)
            } else {
                guard position < args.count else { throw error(arg.range, "\(f.name.text)() takes \(args.count) arguments") }
                args[position] = try compile(arg.value)
                let p = f.parameters[position]
                sources[p.name.text] = ParameterSource(expression: arg.value, scope: scope, declaredType: p.type?.name)
                position += 1
            }
        }
        // Parameters and body are compiled in a fresh scope that sees the globals.
        let saved = scope
        scope = scope.globalsOnly()
        for p in f.parameters where sources[p.name.text] == nil {
            if let d = p.defaultValue {
                sources[p.name.text] = ParameterSource(expression: d, scope: scope, declaredType: p.type?.name)
            }
        }
        inlineDepth += 1
        parameterSources.append(sources)
        defer {
            scope = saved
            inlineDepth -= 1
            parameterSources.removeLast()
        }
        var stores: [Step] = []
        for (i, p) in f.parameters.enumerated() {
            var value = args[i]
            if value == nil, let d = p.defaultValue { value = try compile(d) }
            guard let value else { throw error(range, "\(f.name.text)() needs a value for '\(p.name.text)'") }
            if let store = try bindReferenceParameter(p, value, range) {
                stores.append(store)
                continue
            }
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
                let fv = try nullableArray(value, range)
                let storage = arrayStorage(for: p.name.text)
                bind(p.name.text, .array(storage, e))
                stores.append(Step { rt in
                    storage.declare(try fv(rt))
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
