import Foundation
import PineLanguage

/// `matrix.*`: matrices of numbers (and bools), as `PineMatrix<Double>`;
/// matrices of strings and objects are `MatrixElements`.
enum MatrixFunctions {
    typealias Matrix = PineMatrix<Double>

    /// The functions' parameters, by name, from the built-in registry.
    static let parameters: [String: [String]] = Builtins.functions.filter { $0.key.hasPrefix("matrix.") }.mapValues(\.parameterNames)

    private static func numbers(_ values: [Double]) -> PineArray {
        let a = PineArray(count: 0, fill: 0)
        a.values = values
        return a
    }

    /// Registers every function of the namespace; a call compiles with its
    /// arguments bound by the registry's signature.
    static func register(into t: inout [String: BuiltinImplementation]) {
        for name in parameters.keys {
            t[name] = BuiltinImplementation { a in try compile(ReferenceCall(bound: a)) }
        }
    }

    static func compile(_ c: ReferenceCall) throws -> CompiledValue {
        let b = c.builder
        if c.name == "matrix.new" {
            guard c.typeArguments.count == 1 else { throw b.error(c.range, "matrix.new needs an element type: matrix.new<float>(...)") }
            let e = try b.valueType(of: TypeReference(name: "matrix", arguments: c.typeArguments, range: c.range))
            if case .matrix(.string) = e { return try MatrixElements.strings(b).new(c) }
            if case .matrix(let t) = e, t.isReference { return try MatrixElements.objects(b, t).new(c) }
            let rows = c.has(0) ? try c.int(0) : { _ in 0 }
            let columns = c.has(1) ? try c.int(1) : { _ in 0 }
            let initial = try c.num(2, default: .nan)
            return .ref({ rt in
                let (r, k, x) = (try rows(rt), try columns(rt), try initial(rt))
                return try c.located(rt) { try Matrix.numeric(rows: r, columns: k, fill: x) }
            }, e)
        }
        let first = try c.value(0)
        guard case .ref(let f, .matrix(let element)) = first else {
            throw b.error(c.argumentRange(0), "\(c.name)() needs a matrix, not \(first.type)")
        }
        if element == .string { return try MatrixElements.strings(b).compile(c, f) }
        if element.isReference { return try MatrixElements.objects(b, element).compile(c, f) }
        let type = ValueType.matrix(element)
        let m: (Runtime) throws -> Matrix = { rt in try c.collection(f, rt, as: Matrix.self) }
        let number: (@escaping (Runtime) throws -> Double) -> CompiledValue = { g in
            element == .bool ? .bool({ rt in let x = try g(rt); return !x.isNaN && x != 0 }, nil) : .num(g, element, nil)
        }
        let void: (@escaping (Runtime) throws -> Void) -> CompiledValue = { g in
            .void({ rt in
                try g(rt)
                return .normal
            })
        }
        let name = String(c.name.dropFirst("matrix.".count))
        switch name {
        case "get":
            let (r, k) = (try c.int(1), try c.int(2))
            return number({ rt in let x = try m(rt); let (i, j) = (try r(rt), try k(rt)); return try c.located(rt) { try x.get(i, j) } })
        case "set":
            let (r, k, v) = (try c.int(1), try c.int(2), try c.num(3))
            return void({ rt in let x = try m(rt); let (i, j, y) = (try r(rt), try k(rt), try v(rt)); try c.located(rt) { try x.set(i, j, y) } })
        case "rows": return .num({ rt in Double(try m(rt).rows) }, .int, nil)
        case "columns": return .num({ rt in Double(try m(rt).columns) }, .int, nil)
        case "elements_count": return .num({ rt in Double(try m(rt).count) }, .int, nil)
        case "row", "col":
            let i = try c.int(1)
            let isRow = name == "row"
            return .array({ rt in
                let x = try m(rt)
                let k = try i(rt)
                return numbers(try c.located(rt) { isRow ? try x.row(k) : try x.column(k) })
            }, element)
        case "add_row", "add_col":
            let at = try c.optionalInt(1)
            let values: ArrFn? = c.has(2) ? try b.array(c.value(2), c.argumentRange(2)).0 : nil
            let isRow = name == "add_row"
            return void({ rt in
                let x = try m(rt)
                let k = try at?(rt) ?? (isRow ? x.rows : x.columns)
                let v = try values?(rt).values
                try c.located(rt) { isRow ? try x.addRow(at: k, v) : try x.addColumn(at: k, v) }
            })
        case "remove_row", "remove_col":
            let at = try c.optionalInt(1)
            let isRow = name == "remove_row"
            return .array({ rt in
                let x = try m(rt)
                let k = try at?(rt) ?? ((isRow ? x.rows : x.columns) - 1)
                return numbers(try c.located(rt) { isRow ? try x.removeRow(k) : try x.removeColumn(k) })
            }, element)
        case "fill", "submatrix":
            let offset = name == "fill" ? 2 : 1
            let value = name == "fill" ? try c.num(1) : { _ in 0 }
            let bounds = try (0..<4).map { try c.optionalInt(offset + $0) }
            let isFill = name == "fill"
            let run: (Runtime) throws -> Matrix? = { rt in
                let x = try m(rt)
                let r0 = try bounds[0]?(rt) ?? 0, r1 = try bounds[1]?(rt) ?? x.rows
                let c0 = try bounds[2]?(rt) ?? 0, c1 = try bounds[3]?(rt) ?? x.columns
                if isFill {
                    let v = try value(rt)
                    try c.located(rt) { try x.fill(v, fromRow: r0, toRow: r1, fromColumn: c0, toColumn: c1) }
                    return nil
                }
                return try c.located(rt) { try x.submatrix(fromRow: r0, toRow: r1, fromColumn: c0, toColumn: c1) }
            }
            if isFill { return void({ rt in _ = try run(rt) }) }
            return .ref({ rt in try run(rt) }, type)
        case "reshape":
            let (r, k) = (try c.int(1), try c.int(2))
            return void({ rt in let x = try m(rt); let (i, j) = (try r(rt), try k(rt)); try c.located(rt) { try x.reshape(rows: i, columns: j) } })
        case "reverse": return void({ rt in try m(rt).reverse() })
        case "sort":
            let column = try c.optionalInt(1)
            let isDescending = try b.sortDescending(c.has(2) ? c.value(2) : nil, c.argumentRange(2))
            return void({ rt in
                let x = try m(rt)
                let k = try column?(rt) ?? 0
                let descending = try isDescending(rt)
                try c.located(rt) {
                    try x.sortRows(byColumn: k) { p, q in
                        if p.isNaN { return false }
                        if q.isNaN { return true }
                        return descending ? p > q : p < q
                    }
                }
            })
        case "transpose": return .ref({ rt in try m(rt).transposed() }, type)
        case "copy": return .ref({ rt in try m(rt).copy() }, type)
        case "concat":
            let g = try c.reference(1, nil)
            return .ref({ rt in
                let x = try m(rt)
                let y = try c.collection(g, rt, as: Matrix.self)
                try c.located(rt) { try x.concat(y) }
                return x
            }, type)
        case "swap_rows", "swap_columns":
            let (p, q) = (try c.int(1), try c.int(2))
            let rows = name == "swap_rows"
            return void({ rt in
                let x = try m(rt)
                let (i, j) = (try p(rt), try q(rt))
                try c.located(rt) { rows ? try x.swapRows(i, j) : try x.swapColumns(i, j) }
            })
        case "sum", "diff", "mult", "kron":
            let other = try c.value(1)
            if case .ref(let g, .matrix) = other {
                return .ref({ rt in
                    let x = try m(rt)
                    let y = try c.collection(g, rt, as: Matrix.self)
                    return try c.located(rt) {
                        switch name {
                        case "sum": return try x.adding(y)
                        case "diff": return try x.subtracting(y)
                        case "mult": return try x.multiplied(by: y)
                        default: return try x.kronecker(y)
                        }
                    }
                }, .matrix(.float))
            }
            if case .array = other, name == "mult" {
                let (g, _) = try b.array(other, c.argumentRange(1))
                return .array({ rt in
                    let x = try m(rt)
                    let v = try g(rt).values
                    return numbers(try c.located(rt) { try x.multiplied(byVector: v) })
                }, .float)
            }
            guard name != "kron" else { throw b.error(c.argumentRange(1), "matrix.kron() needs two matrices") }
            let s = try c.num(1)
            return .ref({ rt in
                let x = try m(rt)
                let y = try s(rt)
                switch name {
                case "sum": return x.adding(y)
                case "diff": return x.subtracting(y)
                default: return x.multiplied(by: y)
                }
            }, .matrix(.float))
        case "pow":
            let p = try c.int(1)
            return .ref({ rt in let x = try m(rt); let k = try p(rt); return try c.located(rt) { try x.power(k) } }, type)
        case "det": return .num({ rt in let x = try m(rt); return try c.located(rt) { try x.determinant() } }, .float, nil)
        case "inv": return .ref({ rt in let x = try m(rt); return try c.located(rt) { try x.inverse() } }, .matrix(.float))
        case "pinv": return .ref({ rt in try m(rt).pseudoInverse() }, .matrix(.float))
        case "rank": return .num({ rt in Double(try m(rt).rank()) }, .int, nil)
        case "trace": return .num({ rt in let x = try m(rt); return try c.located(rt) { try x.trace() } }, element, nil)
        case "eigenvalues":
            return .array({ rt in let x = try m(rt); return numbers(try c.located(rt) { try x.eigenvalues() }) }, .float)
        case "eigenvectors":
            return .ref({ rt in let x = try m(rt); return try c.located(rt) { try x.eigenvectors() } }, .matrix(.float))
        case "avg": return .num({ rt in try m(rt).average() }, .float, nil)
        case "min": return .num({ rt in try m(rt).minimum() }, element, nil)
        case "max": return .num({ rt in try m(rt).maximum() }, element, nil)
        case "median": return .num({ rt in try m(rt).median() }, .float, nil)
        case "mode": return .num({ rt in try m(rt).mode() }, element, nil)
        case "is_antidiagonal": return .bool({ rt in try m(rt).isAntidiagonal }, nil)
        case "is_antisymmetric": return .bool({ rt in try m(rt).isAntisymmetric }, nil)
        case "is_binary": return .bool({ rt in try m(rt).isBinary }, nil)
        case "is_diagonal": return .bool({ rt in try m(rt).isDiagonal }, nil)
        case "is_identity": return .bool({ rt in try m(rt).isIdentity }, nil)
        case "is_square": return .bool({ rt in try m(rt).isSquare }, nil)
        case "is_stochastic": return .bool({ rt in try m(rt).isStochastic }, nil)
        case "is_symmetric": return .bool({ rt in try m(rt).isSymmetric }, nil)
        case "is_triangular": return .bool({ rt in try m(rt).isTriangular }, nil)
        case "is_zero": return .bool({ rt in try m(rt).isZero }, nil)
        default:
            throw b.error(c.range, "\(c.name)() is not a matrix function")
        }
    }
}
