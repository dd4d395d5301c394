import PineLanguage

/// `matrix.*` on matrices whose elements are not numbers: strings
/// (`PineMatrix<String>`, `na` is the empty string) and objects
/// (`PineMatrix<AnyObject?>`, `na` is nil). The manual allows these the
/// functions that only move elements; the arithmetic, statistics and
/// predicates need numbers and are refused where they are called.
struct MatrixElements<Element> {
    typealias Matrix = PineMatrix<Element>

    /// The element type as Pine writes it.
    let type: ValueType
    let empty: Element
    /// The element a compiled value gives.
    let element: (CompiledValue, SourceRange) throws -> (Runtime) throws -> Element
    /// An element as a compiled value.
    let value: (@escaping (Runtime) throws -> Element) -> CompiledValue
    /// The elements of an array argument.
    let elements: (CompiledValue, SourceRange) throws -> (Runtime) throws -> [Element]
    /// Elements as a new array value.
    let array: (@escaping (Runtime) throws -> [Element]) -> CompiledValue
    /// The order of `matrix.sort`, when the manual allows sorting.
    let less: ((Element, Element) -> Bool)?

    /// The functions that only move elements, allowed for every element type.
    static var shapeFunctions: Set<String> {
        [
            "matrix.get", "matrix.set", "matrix.rows", "matrix.columns", "matrix.elements_count", "matrix.row", "matrix.col",
            "matrix.add_row", "matrix.add_col", "matrix.remove_row", "matrix.remove_col", "matrix.fill", "matrix.submatrix",
            "matrix.reshape", "matrix.reverse", "matrix.transpose", "matrix.copy", "matrix.concat", "matrix.swap_rows",
            "matrix.swap_columns", "matrix.sort",
        ]
    }
}

extension MatrixElements where Element == String {
    static func strings(_ b: InstanceBuilder) -> MatrixElements<String> {
        MatrixElements(
            type: .string, empty: "",
            element: { v, r in try b.string(v, r) },
            value: { f in .str(f, nil) },
            elements: { v, r in
                let (f, e) = try b.array(v, r)
                guard e == .string else { throw b.error(r, "expected an array<string> here, found array<\(e)>") }
                return { rt in try f(rt).strings }
            },
            array: { f in .array({ rt in PineArray(strings: try f(rt)) }, .string) },
            less: { $0 < $1 })
    }
}

extension MatrixElements where Element == AnyObject? {
    static func objects(_ b: InstanceBuilder, _ t: ValueType) -> MatrixElements<AnyObject?> {
        MatrixElements(
            type: t, empty: nil,
            element: { v, r in try b.reference(v, t, r) },
            value: { f in .ref(f, t) },
            elements: { v, r in
                let f = try b.reference(v, .array(t), r)
                return { rt in
                    guard let o = try f(rt) else { throw rt.error("the array is na", line: r.start.line, column: r.start.column) }
                    return unsafeDowncast(o, to: PineObjectArray.self).items
                }
            },
            array: { f in .ref({ rt in PineObjectArray(items: try f(rt)) }, .array(t)) },
            less: nil)
    }
}

extension MatrixElements {
    /// `matrix.new<T>(rows, columns, initial_value)`.
    func new(_ c: ReferenceCall) throws -> CompiledValue {
        let rows = c.has(0) ? try c.int(0) : { _ in 0 }
        let columns = c.has(1) ? try c.int(1) : { _ in 0 }
        let initial = c.has(2) ? try element(c.value(2), c.argumentRange(2)) : nil
        let empty = self.empty
        return .ref({ rt in
            let (r, k) = (try rows(rt), try columns(rt))
            let x = try initial?(rt) ?? empty
            return try c.located(rt) { try Matrix(rows: r, columns: k, fill: x, empty: empty) }
        }, .matrix(type))
    }

    /// Every other `matrix.*` call on a matrix `f` of these elements.
    func compile(_ c: ReferenceCall, _ f: @escaping RefFn) throws -> CompiledValue {
        let b = c.builder
        guard Self.shapeFunctions.contains(c.name), c.name != "matrix.sort" || less != nil else {
            throw b.error(c.range, "\(c.name)() needs a matrix of numbers, not matrix<\(type)>")
        }
        let matrixType = ValueType.matrix(type)
        let m: (Runtime) throws -> Matrix = { rt in try c.collection(f, rt, as: Matrix.self) }
        let void: (@escaping (Runtime) throws -> Void) -> CompiledValue = { g in
            .void({ rt in
                try g(rt)
                return .normal
            })
        }
        switch c.name {
        case "matrix.get":
            let (r, k) = (try c.int(1), try c.int(2))
            return value({ rt in let x = try m(rt); let (i, j) = (try r(rt), try k(rt)); return try c.located(rt) { try x.get(i, j) } })
        case "matrix.set":
            let (r, k, v) = (try c.int(1), try c.int(2), try element(c.value(3), c.argumentRange(3)))
            return void({ rt in let x = try m(rt); let (i, j, y) = (try r(rt), try k(rt), try v(rt)); try c.located(rt) { try x.set(i, j, y) } })
        case "matrix.rows": return .num({ rt in Double(try m(rt).rows) }, .int, nil)
        case "matrix.columns": return .num({ rt in Double(try m(rt).columns) }, .int, nil)
        case "matrix.elements_count": return .num({ rt in Double(try m(rt).count) }, .int, nil)
        case "matrix.row", "matrix.col":
            let i = try c.int(1)
            let isRow = c.name == "matrix.row"
            return array({ rt in let x = try m(rt); let k = try i(rt); return try c.located(rt) { isRow ? try x.row(k) : try x.column(k) } })
        case "matrix.add_row", "matrix.add_col":
            let at = try c.optionalInt(1)
            let values = c.has(2) ? try elements(c.value(2), c.argumentRange(2)) : nil
            let isRow = c.name == "matrix.add_row"
            return void({ rt in
                let x = try m(rt)
                let k = try at?(rt) ?? (isRow ? x.rows : x.columns)
                let v = try values?(rt)
                try c.located(rt) { isRow ? try x.addRow(at: k, v) : try x.addColumn(at: k, v) }
            })
        case "matrix.remove_row", "matrix.remove_col":
            let at = try c.optionalInt(1)
            let isRow = c.name == "matrix.remove_row"
            return array({ rt in
                let x = try m(rt)
                let k = try at?(rt) ?? ((isRow ? x.rows : x.columns) - 1)
                return try c.located(rt) { isRow ? try x.removeRow(k) : try x.removeColumn(k) }
            })
        case "matrix.fill":
            let v = try element(c.value(1), c.argumentRange(1))
            let bounds = try (2..<6).map { try c.optionalInt($0) }
            return void({ rt in
                let x = try m(rt)
                let y = try v(rt)
                let r0 = try bounds[0]?(rt) ?? 0, r1 = try bounds[1]?(rt) ?? x.rows
                let c0 = try bounds[2]?(rt) ?? 0, c1 = try bounds[3]?(rt) ?? x.columns
                try c.located(rt) { try x.fill(y, fromRow: r0, toRow: r1, fromColumn: c0, toColumn: c1) }
            })
        case "matrix.submatrix":
            let bounds = try (1..<5).map { try c.optionalInt($0) }
            return .ref({ rt in
                let x = try m(rt)
                let r0 = try bounds[0]?(rt) ?? 0, r1 = try bounds[1]?(rt) ?? x.rows
                let c0 = try bounds[2]?(rt) ?? 0, c1 = try bounds[3]?(rt) ?? x.columns
                return try c.located(rt) { try x.submatrix(fromRow: r0, toRow: r1, fromColumn: c0, toColumn: c1) }
            }, matrixType)
        case "matrix.reshape":
            let (r, k) = (try c.int(1), try c.int(2))
            return void({ rt in let x = try m(rt); let (i, j) = (try r(rt), try k(rt)); try c.located(rt) { try x.reshape(rows: i, columns: j) } })
        case "matrix.reverse": return void({ rt in try m(rt).reverse() })
        case "matrix.transpose": return .ref({ rt in try m(rt).transposed() }, matrixType)
        case "matrix.copy": return .ref({ rt in try m(rt).copy() }, matrixType)
        case "matrix.concat":
            let g = try c.reference(1, matrixType)
            return .ref({ rt in
                let x = try m(rt)
                let y = try c.collection(g, rt, as: Matrix.self)
                try c.located(rt) { try x.concat(y) }
                return x
            }, matrixType)
        case "matrix.swap_rows", "matrix.swap_columns":
            let (p, q) = (try c.int(1), try c.int(2))
            let rows = c.name == "matrix.swap_rows"
            return void({ rt in
                let x = try m(rt)
                let (i, j) = (try p(rt), try q(rt))
                try c.located(rt) { rows ? try x.swapRows(i, j) : try x.swapColumns(i, j) }
            })
        default:  // matrix.sort
            guard let less else { throw b.error(c.range, "\(c.name)() needs a matrix of numbers or strings, not matrix<\(type)>") }
            let column = try c.optionalInt(1)
            let isDescending = try c.builder.sortDescending(c.has(2) ? c.value(2) : nil, c.argumentRange(2))
            return void({ rt in
                let x = try m(rt)
                let k = try column?(rt) ?? 0
                let descending = try isDescending(rt)
                try c.located(rt) { try x.sortRows(byColumn: k) { p, q in descending ? less(q, p) : less(p, q) } }
            })
        }
    }
}
