import PineLanguage

extension InstanceBuilder {
    /// A kernel job filling `column` for `initializer`, when it has one of
    /// the shapes `ColumnKernels` has; nil otherwise (the closure path is used).
    func kernelJob(for initializer: Expression, into column: Column) -> ((Runtime) throws -> Void)? {
        guard case .call(let call) = initializer.kind, let name = call.callee.dottedName, lookup(name) == nil,
            call.arguments.allSatisfy({ $0.label == nil })
        else { return nil }
        if name == "ta.atr", call.arguments.count == 1, let length = runConstant(call.arguments[0].value) {
            return { rt in
                var st = ATRState()
                let out = column.data
                rt.highs.withUnsafeBufferPointer { h in
                    rt.lows.withUnsafeBufferPointer { l in
                        rt.closes.withUnsafeBufferPointer { c in
                            let len = length(rt)
                            for i in 0..<rt.barCount { out[i] = st.update(length: len, high: h[i], low: l[i], close: c[i]) }
                        }
                    }
                }
            }
        }
        guard call.arguments.count == 2 else { return nil }
        guard let a = kernelSource(call.arguments[0].value) else { return nil }
        if let kernel = ColumnKernels.sourceLength[name], let length = runConstant(call.arguments[1].value) {
            return { rt in
                let len = length(rt)
                a.withPointer(rt) { src in kernel(src, len, column.data, rt.barCount) }
            }
        }
        if let kernel = ColumnKernels.pair[name], let b = kernelSource(call.arguments[1].value) {
            return { rt in
                a.withPointer(rt) { pa in b.withPointer(rt) { pb in kernel(pa, pb, column.data, rt.barCount) } }
            }
        }
        return nil
    }

    /// A kernel job for `[m, s, h] = ta.macd(src, fast, slow, signal)`.
    func tupleKernelJob(for initializer: Expression, into columns: [Column]) -> ((Runtime) throws -> Void)? {
        guard case .call(let call) = initializer.kind, call.callee.dottedName == "ta.macd", lookup("ta.macd") == nil,
            call.arguments.count == 4, columns.count == 3, call.arguments.allSatisfy({ $0.label == nil }),
            let src = kernelSource(call.arguments[0].value), let f = runConstant(call.arguments[1].value),
            let sl = runConstant(call.arguments[2].value), let sg = runConstant(call.arguments[3].value)
        else { return nil }
        return { rt in
            var st = MACDState()
            let (a, b, c) = (columns[0].data, columns[1].data, columns[2].data)
            let (fast, slow, signal) = (f(rt), sl(rt), sg(rt))
            src.withPointer(rt) { p in
                for i in 0..<rt.barCount {
                    let r = st.update(p[i], fastLength: fast, slowLength: slow, signalLength: signal)
                    a[i] = r.macd
                    b[i] = r.signal
                    c[i] = r.hist
                }
            }
        }
    }

    private func kernelSource(_ e: Expression) -> KernelSource? {
        guard case .identifier(let name) = e.kind else { return nil }
        if let b = lookup(name) {
            if case .column(let c, _) = b { return .column(c) }
            return nil
        }
        switch name {
        case "open": return .bar(\.opens)
        case "high": return .bar(\.highs)
        case "low": return .bar(\.lows)
        case "close": return .bar(\.closes)
        case "volume": return .bar(\.volumes)
        default: return nil
        }
    }

    /// An integer that is constant for a whole run: a literal or an input.
    private func runConstant(_ e: Expression) -> ((Runtime) -> Int)? {
        switch e.kind {
        case .intLiteral(let v): return { _ in v }
        case .identifier(let name):
            guard let b = lookup(name), case .column(let c, _) = b, plan.isConstant(c) else {
                return nil
            }
            return { rt in
                let x = rt.barCount > 0 ? c.data[0] : .nan
                return PineMath.clampedInt(x)
            }
        default: return nil
        }
    }
}
