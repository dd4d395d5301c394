import PFData
import PineLanguage

/// `request.security` and `request.security_lower_tf`: the expression is
/// compiled for the requested context (its own series history and `ta.*`
/// states, evaluated on the requested bars); the symbol, timeframe and
/// merge flags are read in the chart's context.
extension InstanceBuilder {
    /// A `request.*` call this file compiles; nil for other names.
    func compileRequest(_ call: Call, name: String, _ range: SourceRange) throws -> CompiledValue? {
        let lower = name == "request.security_lower_tf"
        guard lower || name == "request.security", let fn = Builtins.function(named: name) else { return nil }
        if let outer = security.frames.first {
            // Directly, or through a function the outer expression calls.
            throw error(
                call.callee.range,
                "\(name) inside the expression of another request (the one whose expression starts at line "
                    + "\(outer.range.start.line), column \(outer.range.start.column)) is not supported: pfopt evaluates a "
                    + "requested expression in one context; make each request at the script's top level and combine "
                    + "their results there")
        }
        let bound: BoundCall
        switch fn.bind(call.arguments, callRange: range) {
        case .success(let b): bound = b
        case .failure(let e): throw error(e.range, e.description)
        }
        let names = fn.parameterNames
        let slots = bound.slots
        func argument(_ p: String) -> CallArgument? { names.firstIndex(of: p).flatMap { slots[$0] } }
        guard let symbolArg = argument("symbol"), let tfArg = argument("timeframe"), let exprArg = argument("expression")
        else { throw error(range, "\(name)() needs symbol, timeframe and expression") }
        let currency: StrFn? = try argument("currency").flatMap { c in
            let v = try compile(c.value)
            if case .na = v { return nil }
            return try string(v, c.value.range)
        }
        let barsCount: NumFn? = try argument("calc_bars_count").flatMap { c in
            let v = try compile(c.value)
            if case .na = v { return nil }
            return try number(v, c.value.range)
        }
        let symbol = try string(compile(symbolArg.value), symbolArg.value.range)
        let timeframe = try string(compile(tfArg.value), tfArg.value.range)
        let gaps = try constantFlag(argument("gaps"), name: "gaps")
        let lookahead = try constantFlag(argument("lookahead"), name: "lookahead")
        let ignoreInvalid = try constantFlag(argument("ignore_invalid_symbol"), name: "ignore_invalid_symbol")
        _ = try constantFlag(argument("ignore_invalid_timeframe"), name: "ignore_invalid_timeframe")

        let frame = SecurityFrame(baseDepth: scope.depth + 1, inlineDepth: inlineDepth, range: exprArg.value.range)
        frame.convertsCurrency = currency != nil
        security.frames.append(frame)
        let value: CompiledValue
        do {
            value = try withScope { try compile(exprArg.value) }
        } catch {
            security.frames.removeLast()
            if let f = frame.failure { throw f }
            throw error
        }
        security.frames.removeLast()
        if let f = frame.failure { throw f }
        let at = call.callee.range.start
        let request = SecurityRequest(
            symbol: symbol, timeframe: timeframe, lookahead: lookahead, gaps: gaps, ignoreInvalidSymbol: ignoreInvalid,
            currency: currency, usesAccountRate: frame.usesAccountRate, calcBarsCount: barsCount, line: at.line,
            column: at.column)
        let prelude = chain(frame.steps)
        if lower { return try lowerTimeframeValue(value, prelude, request, exprArg.value.range) }
        return try higherTimeframeValue(value, prelude, request, exprArg.value.range)
    }

    /// A `barmerge.*` or bool argument: it must be a constant.
    private func constantFlag(_ argument: CallArgument?, name: String) throws -> Bool {
        guard let argument else { return false }
        let v = try compile(argument.value)
        guard let c = v.constNumber else {
            throw error(argument.value.range, "\(name) must be a constant (barmerge.* or true/false)")
        }
        return !c.isNaN && c != 0
    }

    private func higherTimeframeValue(
        _ value: CompiledValue, _ prelude: ExecFn?, _ request: SecurityRequest, _ range: SourceRange
    ) throws -> CompiledValue {
        let site = SecuritySite(request: request, prelude: prelude, progress: arena.cell())
        switch value {
        case .tuple(let prepare, let elements):
            var writes: [Step] = [Step(prepare)]
            var reads: [CompiledValue] = []
            let visible = arena.cell(0)
            for element in elements {
                let (write, read) = try requestedSlot(element, range) { visible.pointee != 0 }
                writes.append(write)
                reads.append(read)
            }
            let all = chain(writes)
            site.evaluate = { rt in _ = try all?(rt) }
            return .tuple(
                prepare: { rt in
                    visible.pointee = try site.update(rt) ? 1 : 0
                    return .normal
                }, elements: reads)
        default:
            let (write, read) = try requestedSlot(value, range) { true }
            site.evaluate = { rt in _ = try write.run(rt) }
            return sequence({ rt in
                site.visible = try site.update(rt)
                return .normal
            }, read.gated { site.visible })
        }
    }

    /// One requested value: the step storing it on a requested bar, and its
    /// reader in the chart's context (`na` when `visible()` is false).
    private func requestedSlot(_ value: CompiledValue, _ range: SourceRange, visible: @escaping () -> Bool) throws
        -> (Step, CompiledValue)
    {
        switch value {
        case .str(let f, _):
            let p = arena.state { "" }
            return (
                Step { rt in
                    p.pointee = try f(rt)
                    return .normal
                }, .str({ _ in visible() ? p.pointee : "" }, nil)
            )
        case .bool(let f, _):
            let p = arena.cell()
            return (
                Step { rt in
                    p.pointee = try f(rt) ? 1 : 0
                    return .normal
                }, .bool({ _ in visible() && p.pointee == 1 }, nil)
            )
        case .num, .na:
            let f = try number(value, range)
            let p = arena.cell()
            let t = value.type == .na ? ValueType.float : value.type
            return (
                Step { rt in
                    p.pointee = try f(rt)
                    return .normal
                }, .num({ _ in visible() ? p.pointee : .nan }, t, nil)
            )
        default:
            throw error(range, "request.security cannot return a \(value.type) value yet")
        }
    }

    private func lowerTimeframeValue(
        _ value: CompiledValue, _ prelude: ExecFn?, _ request: SecurityRequest, _ range: SourceRange
    ) throws -> CompiledValue {
        let prepare: ExecFn?
        let elements: [CompiledValue]
        if case .tuple(let p, let es) = value {
            prepare = p
            elements = es
        } else {
            prepare = nil
            elements = [value]
        }
        var reads: [LowerTimeframeSite.Value] = []
        var types: [ValueType] = []
        for element in elements {
            switch element {
            case .num(let f, let t, _):
                reads.append(.number(f))
                types.append(t)
            case .bool(let f, _):
                reads.append(.number { rt in try f(rt) ? 1 : 0 })
                types.append(.bool)
            case .na:
                reads.append(.number { _ in .nan })
                types.append(.float)
            case .str(let f, _):
                reads.append(.text(f))
                types.append(.string)
            default:
                throw error(range, "request.security_lower_tf returns arrays of numbers, bools or strings, not of \(element.type)")
            }
        }
        let site = LowerTimeframeSite(
            request: request, prelude: prelude, prepare: prepare, values: reads, progress: arena.cell())
        guard case .tuple = value else {
            return .array({ rt in
                try site.update(rt)
                return site.arrays[0]
            }, types[0])
        }
        return .tuple(
            prepare: { rt in
                try site.update(rt)
                return .normal
            },
            elements: types.indices.map { n in .array({ _ in site.arrays[n] }, types[n]) })
    }
}

extension CompiledValue {
    /// The same value read only when `open()` is true, else `na`.
    fileprivate func gated(_ open: @escaping () -> Bool) -> CompiledValue {
        switch self {
        case .num(let f, let t, _): return .num({ rt in open() ? try f(rt) : .nan }, t, nil)
        case .bool(let f, _): return .bool({ rt in open() ? try f(rt) : false }, nil)
        case .str(let f, _): return .str({ rt in open() ? try f(rt) : "" }, nil)
        default: return self
        }
    }
}
