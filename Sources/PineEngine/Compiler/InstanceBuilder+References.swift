import PineLanguage

/// Variables holding references (objects, maps, matrices, arrays of
/// objects): declaration, `var`/`varip`, reassignment and history.
extension InstanceBuilder {
    /// Storage for a new reference variable: a ring when its past is read.
    func referenceStorage(for name: String) -> ReferenceStorage {
        if let capacity = needs.capacity(for: name) {
            return .ring(arena.state { ReferenceRing(capacity: capacity) })
        }
        return .cell(arena.state { AnyObject?.none })
    }

    /// Storage for a new variable holding an array of numbers or strings:
    /// with a ring of past arrays when its past is read.
    func arrayStorage(for name: String) -> ArrayStorage {
        let cell = arena.state { PineArray?.none }
        guard let capacity = needs.capacity(for: name) else { return ArrayStorage(cell: cell, history: nil) }
        return ArrayStorage(cell: cell, history: arena.state { ReferenceRing(capacity: capacity) })
    }

    /// The declared type of `d`, when it is written and resolvable.
    func declaredType(_ d: VariableDeclaration) throws -> ValueType? {
        guard let t = d.type else { return nil }
        return try valueType(of: t)
    }

    /// Compiles a declaration whose value is a reference, or whose declared type
    /// is an enum; nil for any other declaration.
    func compileReferenceDeclaration(_ d: VariableDeclaration, _ value: CompiledValue, _ range: SourceRange) throws -> ExecFn? {
        let declared = try declaredType(d)
        let type: ValueType
        if let declared, declared.isReference {
            type = declared
        } else if case .ref(_, let t) = value {
            if let declared, declared != t {
                throw error(d.initializer.range, "'\(d.name.text)' is declared as \(declared) but is given a \(t)")
            }
            type = t
        } else {
            return nil
        }
        if case .enumeration = type {} else if d.mode == .var && recalculatesOnFills {
            throw error(range, Self.fillsRefusal("declares '\(d.name.text)', a \(type), with var"))
        }
        let f = try reference(value, type, d.initializer.range)
        let storage = referenceStorage(for: d.name.text)
        bind(d.name.text, .reference(storage, type))
        if d.mode != .none {
            let started = arena.cell(0)
            return { rt in
                if started.pointee == 0 {
                    storage.declare(try f(rt))
                    started.pointee = 1
                } else {
                    storage.carry()
                }
                return .normal
            }
        }
        return { rt in
            storage.declare(try f(rt))
            return .normal
        }
    }

    /// `x := value` for a reference variable, `obj.f := value` for a field; nil otherwise.
    func compileReferenceAssignment(_ a: Assignment, _ range: SourceRange) throws -> ExecFn? {
        if case .member = a.target.kind { return try compileFieldAssignment(a, range) }
        guard let name = a.targetName, case .reference(let storage, let type)? = lookup(name) else { return nil }
        if a.op != .reassign {
            throw error(range, "'\(a.op.rawValue)' cannot be applied to '\(name)', a value of type \(type)")
        }
        let f = try reference(compile(a.value), type, a.value.range)
        return { rt in
            storage.set(try f(rt))
            return .normal
        }
    }

    /// `x[n]` for a reference variable: what it held `n` bars ago; nil otherwise.
    func compileReferenceHistory(_ base: Expression, _ offsetExpr: Expression, _ range: SourceRange) throws -> CompiledValue? {
        guard case .identifier(let name) = base.kind, case .reference(let storage, let type)? = lookup(name) else { return nil }
        let offset = try historyOffset(offsetExpr)
        guard case .ring(let ring) = storage else {
            throw error(range, "internal: '\(name)' has no history buffer")
        }
        return .ref({ rt in ring.pointee.get(try offset(rt)) }, type)
    }

    /// A closure giving the array `value` or nil when it is `na` (the `na`
    /// literal, or `PineArray.na` from a variable, a field, a ternary or a
    /// function result that holds no array): what a store keeps.
    func nullableArray(_ value: CompiledValue, _ range: SourceRange) throws -> (Runtime) throws -> PineArray? {
        if case .na = value { return { _ in nil } }
        let f = try arrayValue(value, range)
        return { rt in
            let a = try f(rt)
            return a.isNa ? nil : a
        }
    }

    /// The name's value when it is bound to a reference.
    func compileReferenceName(_ binding: Binding) -> CompiledValue? {
        guard case .reference(let storage, let type) = binding else { return nil }
        return .ref(storage.read, type)
    }

    /// Binds a user function's parameter to a reference argument: the store
    /// that runs at each call, or nil when `value` is not a reference.
    func bindReferenceParameter(_ p: Parameter, _ value: CompiledValue, _ range: SourceRange) throws -> Step? {
        var type: ValueType?
        if case .ref(_, let t) = value { type = t }
        if let written = p.type, let declared = try? valueType(of: written), declared.isReference {
            if let t = type, t != declared {
                throw error(range, "the parameter '\(p.name.text)' is \(declared) but is given a \(t)")
            }
            type = declared
        }
        guard let type else { return nil }
        let f = try reference(value, type, range)
        let storage = referenceStorage(for: p.name.text)
        bind(p.name.text, .reference(storage, type))
        return Step { rt in
            storage.declare(try f(rt))
            return .normal
        }
    }

    /// `na(x)` for a reference.
    func referenceIsNa(_ value: CompiledValue) -> CompiledValue? {
        guard case .ref(let f, _) = value else { return nil }
        return .bool({ rt in try f(rt) == nil }, nil)
    }

    /// `for x in objects` / `for [i, x] in objects`, and the value of a
    /// branch of references; nil when the collection is not an array of objects.
    func compileForInReferences(
        _ f: ForInLoop, _ collection: CompiledValue, _ range: SourceRange, result: UnsafeMutablePointer<Double>?
    ) throws -> ExecFn? {
        guard case .ref(let items, .array(let element)) = collection else { return nil }
        let at = f.collection.range
        // Typed here: through the optional result, the generic `withScope`
        // would wrap the loop in reabstraction thunks.
        let run: ExecFn = try withScope {
            let indexCell = arena.cell()
            if let index = f.index { bind(index.text, .value(.cell(indexCell), .int)) }
            let valueCell = arena.state { AnyObject?.none }
            bind(f.value.text, .reference(.cell(valueCell), element))
            let body = try bodyClosure(f.body, range, result: result)
            return { rt in
                guard let o = try items(rt) else {
                    throw rt.error("the array is na", line: at.start.line, column: at.start.column)
                }
                let a = unsafeDowncast(o, to: PineObjectArray.self)
                var i = 0
                while i < a.items.count {
                    try InstanceBuilder.spend(rt, range)
                    indexCell.pointee = Double(i)
                    valueCell.pointee = a.items[i]
                    let flow = try body(rt)
                    if flow == .breakLoop { break }
                    i += 1
                }
                return .normal
            }
        }
        return run
    }

    /// `cond ? a : b` and if/switch values whose branches are references.
    func chooseReferences(_ type: ValueType, _ conditions: [BoolFn], _ values: [CompiledValue], _ fallback: CompiledValue, _ range: SourceRange) throws -> CompiledValue {
        .ref(Self.select(conditions, try values.map { try reference($0, type, range) }, try reference(fallback, type, range)), type)
    }
}
