import PineLanguage

/// `for [key, value] in aMap` (in insertion order) and `for row in aMatrix` /
/// `for [i, row] in aMatrix` (each row as a new array).
extension InstanceBuilder {
    /// A `for ... in` over a map or a matrix; nil for any other collection.
    func compileForInCollection(
        _ f: ForInLoop, _ collection: CompiledValue, _ range: SourceRange, result: UnsafeMutablePointer<Double>?
    ) throws -> ExecFn? {
        guard case .ref(let items, let type) = collection else { return nil }
        switch type {
        case .map(let k, let v):
            guard let keyName = f.index else {
                throw error(f.value.range, "a for...in loop over a map needs a key and a value: for [key, value] in \(f.collection.dottedName ?? "m")")
            }
            return try forInMap(f, keyName, items, k, v, range, result: result)
        case .matrix(let e):
            return try forInMatrix(f, items, e, range, result: result)
        default:
            return nil
        }
    }

    private func forInMap(
        _ f: ForInLoop, _ keyName: Name, _ items: @escaping RefFn, _ k: ValueType, _ v: ValueType, _ range: SourceRange,
        result: UnsafeMutablePointer<Double>?
    ) throws -> ExecFn {
        let at = f.collection.range
        return try withScope {
            let setKey = loopVariable(keyName.text, k)
            let setValue = loopVariable(f.value.text, v)
            let body = try bodyClosure(f.body, range, result: result)
            return { rt in
                guard let o = try items(rt) else {
                    throw rt.error("the map is na", line: at.start.line, column: at.start.column)
                }
                let m = unsafeDowncast(o, to: PineMap<PineValue>.self)
                var i = 0
                // The count is read on every iteration: a body that removes pairs ends the loop early.
                while i < m.count {
                    try InstanceBuilder.spend(rt, range)
                    switch m.keys[i] {
                    case .number(let x): setKey(.number(x))
                    case .text(let s): setKey(.text(s))
                    }
                    setValue(m.values[i])
                    if try body(rt) == .breakLoop { break }
                    i += 1
                }
                return .normal
            }
        }
    }

    private func forInMatrix(
        _ f: ForInLoop, _ items: @escaping RefFn, _ e: ValueType, _ range: SourceRange, result: UnsafeMutablePointer<Double>?
    ) throws -> ExecFn {
        let at = f.collection.range
        let rows: (AnyObject) -> Int
        let row: (AnyObject, Int) -> PineValue
        switch e {
        case .string:
            rows = { unsafeDowncast($0, to: PineMatrix<String>.self).rows }
            row = { o, r in .reference(PineArray(strings: Array(unsafeDowncast(o, to: PineMatrix<String>.self).rowSlice(r)))) }
        case .object:
            rows = { unsafeDowncast($0, to: PineMatrix<AnyObject?>.self).rows }
            row = { o, r in .reference(PineObjectArray(items: Array(unsafeDowncast(o, to: PineMatrix<AnyObject?>.self).rowSlice(r)))) }
        default:
            rows = { unsafeDowncast($0, to: PineMatrix<Double>.self).rows }
            row = { o, r in
                let a = PineArray(count: 0, fill: 0)
                a.values = Array(unsafeDowncast(o, to: PineMatrix<Double>.self).rowSlice(r))
                return .reference(a)
            }
        }
        return try withScope {
            let indexCell = arena.cell()
            if let index = f.index { bind(index.text, .value(.cell(indexCell), .int)) }
            let setRow = loopVariable(f.value.text, .array(e))
            let body = try bodyClosure(f.body, range, result: result)
            return { rt in
                guard let m = try items(rt) else {
                    throw rt.error("the matrix is na", line: at.start.line, column: at.start.column)
                }
                var i = 0
                while i < rows(m) {
                    try InstanceBuilder.spend(rt, range)
                    indexCell.pointee = Double(i)
                    setRow(row(m, i))
                    if try body(rt) == .breakLoop { break }
                    i += 1
                }
                return .normal
            }
        }
    }

    /// Binds a loop variable of type `t` in the current scope and returns
    /// the closure that gives it its value for an iteration.
    func loopVariable(_ name: String, _ t: ValueType) -> (PineValue) -> Void {
        if t.isReference {
            let cell = arena.state { AnyObject?.none }
            bind(name, .reference(.cell(cell), t))
            return { cell.pointee = $0.reference }
        }
        switch t {
        case .string:
            let text = arena.state { "" }
            bind(name, .string(text))
            return { text.pointee = $0.text }
        case .array(let e):
            let storage = ArrayStorage(cell: arena.state { PineArray?.none }, history: nil)
            bind(name, .array(storage, e))
            return { v in storage.cell.pointee = v.reference.map { unsafeDowncast($0, to: PineArray.self) } }
        default:
            let cell = arena.cell()
            bind(name, .value(.cell(cell), t))
            return { cell.pointee = $0.number }
        }
    }
}
