import PineLanguage

/// The names a requested expression reads. Its own locals and user
/// functions resolve as usual; a variable of the chart's context is computed
/// again in the requested context from its declaration (a global's, a local's
/// of the enclosing block or function, or the argument given for a parameter
/// of the function holding the request), with its whole dependency chain.
/// What cannot be computed again exactly (`var`, `:=`, a variable declared
/// inside an `if`, a loop or a `switch`, arrays and objects) is refused with
/// the expression's location.
extension InstanceBuilder {
    /// What a name refers to inside a requested expression.
    func securityLookup(_ name: String, _ frame: SecurityFrame) -> Binding? {
        guard let (binding, depth) = scope.find(name) else { return nil }
        if case .function = binding { return binding }
        let own = depth >= 1 && (frame.recompiling > 0 || inlineDepth > frame.inlineDepth || depth >= frame.baseDepth)
        if own { return binding }
        // Each inlined function level has its own locals and parameters.
        let key = SecurityFrame.Key(level: depth == 0 ? -1 : parameterSources.count, frame: depth, name: name)
        if let b = frame.bindings[key] { return b }
        if frame.pending.contains(key) {
            fail(frame, "request.security: '\(name)' cannot be computed in the requested context (it depends on itself)")
            return nil
        }
        guard depth >= 1 else { return recompileGlobal(name, binding, frame) }
        if let local = scope.declaration(of: name, inFrame: depth) {
            return recompileLocal(name, binding, local, frame: depth, frame)
        }
        if let source = parameterSources.last?[name] {
            return recompileParameter(name, key, source, frame)
        }
        fail(frame, "request.security: the expression reads '\(name)', a variable of the chart's context that pfopt cannot compute again in the requested context")
        return nil
    }

    /// A parameter of the function that holds the request: its argument is
    /// computed again in the requested context, read in the caller's scope
    /// (where the caller's own parameters and locals are found the same way).
    private func recompileParameter(
        _ name: String, _ key: SecurityFrame.Key, _ source: ParameterSource, _ frame: SecurityFrame
    ) -> Binding? {
        let savedScope = scope
        let savedBase = frame.baseDepth
        let savedInline = frame.inlineDepth
        let level = parameterSources.removeLast()
        scope = source.scope
        inlineDepth -= 1
        frame.baseDepth = Int.max
        frame.inlineDepth = inlineDepth
        frame.pending.insert(key)
        defer {
            scope = savedScope
            inlineDepth += 1
            parameterSources.append(level)
            frame.baseDepth = savedBase
            frame.inlineDepth = savedInline
            frame.pending.remove(key)
        }
        do {
            try bindInFrame(key, try compile(source.expression), declared: source.declaredType, frame)
        } catch let e as CompileError {
            if frame.failure == nil { frame.failure = e }
            return nil
        } catch {
            fail(frame, "request.security: '\(name)': \(error)")
            return nil
        }
        return frame.bindings[key]
    }

    /// A local variable of the enclosing block or function: its declaration
    /// is compiled again for the requested context, in the scope it was
    /// declared in.
    private func recompileLocal(
        _ name: String, _ chart: Binding, _ local: LocalDeclaration, frame index: Int, _ frame: SecurityFrame
    ) -> Binding? {
        guard scope.isUnconditional(index) else {
            fail(frame, "request.security: the expression reads '\(name)', declared inside an if, a loop or a switch; "
                + "pfopt computes again only variables declared at the top level or in a function's body (declare it there)")
            return nil
        }
        let level = parameterSources.count
        return recompile(name, chart, local.form, level: level, frameIndex: index, frame) {
            // Frames pushed while the initializer compiles belong to it.
            let savedScope = scope
            let savedBase = frame.baseDepth
            scope = scope.asDeclared(local)
            frame.baseDepth = scope.depth
            defer {
                scope = savedScope
                frame.baseDepth = savedBase
            }
            return try $0()
        }
    }

    /// A global of the chart's context: its declaration compiled again for
    /// the requested context, in a scope of globals only.
    private func recompileGlobal(_ name: String, _ chart: Binding, _ frame: SecurityFrame) -> Binding? {
        guard let global = security.globals[name] else {
            fail(frame, "request.security: '\(name)' cannot be computed in the requested context")
            return nil
        }
        // Text kept from the first bar (`var`, never changed) reads the same in
        // every context; other text is computed again like a number.
        if case .string(let kept) = chart, case .single(let d) = global, d.mode != .none, !reassigned.contains(name) {
            return Self.readsSymbolInfo(d.initializer) ? chartSymbolText(name, kept, frame) : chart
        }
        let form: LocalDeclaration.Form
        switch global {
        case .single(let d): form = .single(d)
        case .tuple(let d): form = .tuple(d)
        }
        return recompile(name, chart, form, level: -1, frameIndex: 0, frame) {
            let saved = scope
            scope = scope.globalsOnly()
            frame.recompiling += 1
            defer {
                scope = saved
                frame.recompiling -= 1
            }
            return try $0()
        }
    }

    /// Compiles a declaration again for the requested context (inside
    /// `context`, which sets the scope up) and binds its names in the frame;
    /// nil (with the frame's failure set) when it cannot be.
    private func recompile(
        _ name: String, _ chart: Binding, _ form: LocalDeclaration.Form, level: Int, frameIndex: Int,
        _ frame: SecurityFrame, in context: (() throws -> Void) throws -> Void
    ) -> Binding? {
        func key(_ n: String) -> SecurityFrame.Key { SecurityFrame.Key(level: level, frame: frameIndex, name: n) }
        switch chart {
        case .string, .value, .column:
            break
        case .function:
            return chart
        case .array, .reference:
            fail(frame, "request.security: the expression reads '\(name)', an array or object, which pfopt cannot compute in the requested context")
            return nil
        }
        let names: [String]
        switch form {
        case .single(let d):
            guard d.mode == .none else {
                fail(frame, "request.security: '\(name)' is declared with \(d.mode == .varip ? "varip" : "var"); pfopt computes only plain declarations again in the requested context")
                return nil
            }
            names = [name]
        case .tuple(let d): names = d.names.map(\.text).filter { $0 != "_" }
        }
        if let changed = names.first(where: { reassigned.contains($0) }) {
            fail(frame, "request.security: '\(changed)' is changed with := ; pfopt computes only plain declarations again in the requested context")
            return nil
        }
        let keys = names.map(key)
        frame.pending.formUnion(keys)
        defer { frame.pending.subtract(keys) }
        do {
            try context {
                switch form {
                case .single(let d):
                    try bindInFrame(key(name), try compile(d.initializer), declared: d.type?.name, frame)
                case .tuple(let d):
                    guard case .tuple(let prepare, let elements) = try compile(d.initializer), elements.count == d.names.count else {
                        throw error(frame.range, "request.security: '\(name)' does not come from a tuple pfopt can compute again")
                    }
                    frame.steps.append(Step(prepare))
                    for (n, e) in zip(d.names, elements) where n.text != "_" {
                        try bindInFrame(key(n.text), e, declared: nil, frame)
                    }
                }
            }
        } catch let e as CompileError {
            if frame.failure == nil { frame.failure = e }
            return nil
        } catch {
            fail(frame, "request.security: '\(name)': \(error)")
            return nil
        }
        return frame.bindings[key(name)]
    }

    /// True when `e` reads a `syminfo.*` variable.
    private static func readsSymbolInfo(_ e: Expression) -> Bool {
        var found = false
        SyntaxWalk.expressions(in: e) { x in
            if !found, case .member = x.kind, x.dottedName?.hasPrefix("syminfo.") == true { found = true }
        }
        return found
    }

    /// Text kept from the first bar that was computed from the chart
    /// symbol's `syminfo.*`: the same in the chart symbol's other
    /// timeframes; in another symbol's context TradingView would compute it
    /// for that symbol, which pfopt does not do for `var`, so reading it
    /// there stops the run at the expression.
    private func chartSymbolText(_ name: String, _ kept: UnsafeMutablePointer<String>, _ frame: SecurityFrame) -> Binding {
        let copy = arena.state { "" }
        let line = frame.range.start.line
        let column = frame.range.start.column
        frame.steps.append(Step { rt in
            guard rt.requestedTicker.isEmpty else {
                throw rt.error(
                    "request.security: '\(name)' is kept with var from syminfo.* of the chart's symbol; in the context "
                        + "of \(rt.requestedTicker) it would be computed for that symbol, which pfopt does not do for var "
                        + "declarations: read syminfo.* in the requested expression itself", line: line, column: column)
            }
            copy.pointee = kept.pointee
            return .normal
        })
        return .string(copy)
    }

    private func fail(_ frame: SecurityFrame, _ message: String) {
        if frame.failure == nil { frame.failure = error(frame.range, message) }
    }

    /// Binds a value computed on each requested bar (before the expression).
    private func bindInFrame(_ key: SecurityFrame.Key, _ value: CompiledValue, declared: String?, _ frame: SecurityFrame) throws {
        let name = key.name
        switch value.type {
        case .string:
            let f = try string(value, frame.range)
            let p = arena.state { "" }
            frame.steps.append(Step { rt in
                p.pointee = try f(rt)
                return .normal
            })
            frame.bindings[key] = .string(p)
        case .array, .tuple, .void:
            throw error(frame.range, "request.security: '\(name)' is a \(value.type) value, which pfopt cannot compute in the requested context")
        default:
            let f = try number(value, frame.range)
            let storage = self.storage(for: name)
            var t = value.type == .na ? ValueType.float : value.type
            switch declared {
            case "int": t = .int
            case "float": t = .float
            case "bool": t = .bool
            default: break
            }
            frame.steps.append(Step { rt in
                storage.declare(try f(rt))
                return .normal
            })
            frame.bindings[key] = .value(storage, t)
        }
    }
}
