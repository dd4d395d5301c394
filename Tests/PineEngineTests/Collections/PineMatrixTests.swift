import Foundation
@testable import PineEngine
import Testing

/// `matrix.*` shape operations and arithmetic, with expected values worked out
/// by the definitions (row-major elements, products by hand, determinants by
/// cofactor expansion).
@Suite struct PineMatrixTests {
    private func m(_ rows: [[Double]]) -> PineMatrix<Double> { PineMatrix<Double>.numeric(rows) }

    @Test func newGetSetAndBounds() throws {
        let a = try PineMatrix<Double>.numeric(rows: 2, columns: 3, fill: 7)
        #expect(a.rows == 2 && a.columns == 3 && a.count == 6)
        try a.set(1, 2, 5)
        #expect(try a.get(1, 2) == 5)
        #expect(try a.get(0, 0) == 7)
        #expect(throws: CollectionError.matrixIndexOutOfRange(what: "row", index: 2, count: 2)) { try a.get(2, 0) }
        #expect(throws: CollectionError.matrixIndexOutOfRange(what: "column", index: -1, count: 3)) { try a.set(0, -1, 1) }
        #expect(throws: CollectionError.self) { try PineMatrix<Double>.numeric(rows: 1000, columns: 101) }
    }

    @Test func rowsColumnsAddRemove() throws {
        let a = m([[1, 2], [3, 4]])
        #expect(try a.row(1) == [3, 4])
        #expect(try a.column(0) == [1, 3])
        try a.addRow(at: 1, [9, 8])
        #expect(a.nestedRows == [[1, 2], [9, 8], [3, 4]])
        try a.addColumn(at: 2, [5, 6, 7])
        #expect(a.nestedRows == [[1, 2, 5], [9, 8, 6], [3, 4, 7]])
        try a.addRow(at: 3, nil)
        let added = try a.row(3)
        #expect(a.rows == 4 && added.allSatisfy(\.isNaN))
        #expect(try a.removeRow(3).count == 3)
        #expect(try a.removeColumn(0) == [1, 9, 3])
        #expect(a.nestedRows == [[2, 5], [8, 6], [4, 7]])
        #expect(throws: CollectionError.self) { try a.addRow(at: 0, [1, 2, 3]) }
        // An empty matrix takes its width from the first row added.
        let e = try PineMatrix<Double>.numeric(rows: 0, columns: 0)
        try e.addRow(at: 0, [1, 2, 3])
        #expect(e.rows == 1 && e.columns == 3)
    }

    @Test func fillSubmatrixReshapeReverse() throws {
        let a = m([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
        let s = try a.submatrix(fromRow: 1, toRow: 3, fromColumn: 0, toColumn: 2)
        #expect(s.nestedRows == [[4, 5], [7, 8]])
        try a.fill(0, fromRow: 0, toRow: 2, fromColumn: 1, toColumn: 3)
        #expect(a.nestedRows == [[1, 0, 0], [4, 0, 0], [7, 8, 9]])
        let b = m([[1, 2, 3], [4, 5, 6]])
        try b.reshape(rows: 3, columns: 2)
        #expect(b.nestedRows == [[1, 2], [3, 4], [5, 6]])
        #expect(throws: CollectionError.self) { try b.reshape(rows: 4, columns: 2) }
        b.reverse()
        #expect(b.nestedRows == [[6, 5], [4, 3], [2, 1]])
    }

    @Test func transposeConcatSwapSortCopy() throws {
        let a = m([[1, 2, 3], [4, 5, 6]])
        #expect(a.transposed().nestedRows == [[1, 4], [2, 5], [3, 6]])
        try a.concat(m([[7, 8, 9]]))
        #expect(a.nestedRows == [[1, 2, 3], [4, 5, 6], [7, 8, 9]])
        #expect(throws: CollectionError.self) { try a.concat(m([[1, 2]])) }
        try a.swapRows(0, 2)
        try a.swapColumns(0, 1)
        #expect(a.nestedRows == [[8, 7, 9], [5, 4, 6], [2, 1, 3]])
        try a.sortRows(byColumn: 1, <)
        #expect(a.nestedRows == [[2, 1, 3], [5, 4, 6], [8, 7, 9]])
        let c = a.copy()
        try c.set(0, 0, 100)
        #expect(try a.get(0, 0) == 2)
    }

    @Test func elementWiseAndScalarArithmetic() throws {
        let a = m([[1, 2], [3, 4]])
        let b = m([[10, 20], [30, 40]])
        #expect(try a.adding(b).nestedRows == [[11, 22], [33, 44]])
        #expect(try b.subtracting(a).nestedRows == [[9, 18], [27, 36]])
        #expect(a.adding(1).nestedRows == [[2, 3], [4, 5]])
        #expect(a.subtracting(1).nestedRows == [[0, 1], [2, 3]])
        #expect(a.multiplied(by: 2.0).nestedRows == [[2, 4], [6, 8]])
        #expect(throws: CollectionError.self) { try a.adding(m([[1, 2, 3]])) }
    }

    @Test func productsPowerTraceKronecker() throws {
        let a = m([[1, 2], [3, 4]])
        let b = m([[5, 6], [7, 8]])
        // [1·5+2·7, 1·6+2·8; 3·5+4·7, 3·6+4·8]
        #expect(try a.multiplied(by: b).nestedRows == [[19, 22], [43, 50]])
        #expect(try a.multiplied(byVector: [1, 1]) == [3, 7])
        #expect(throws: CollectionError.self) { try a.multiplied(by: m([[1, 2, 3]])) }
        #expect(try a.power(0).nestedRows == [[1, 0], [0, 1]])
        // a³ = a·a·a = [[7,10],[15,22]]·a
        #expect(try a.power(3).nestedRows == [[37, 54], [81, 118]])
        #expect(try a.trace() == 5)
        #expect(try a.kronecker(m([[0, 1], [1, 0]])).nestedRows == [[0, 1, 0, 2], [1, 0, 2, 0], [0, 3, 0, 4], [3, 0, 4, 0]])
    }

    @Test func determinantInverseRankPseudoInverse() throws {
        #expect(try m([[1, 2], [3, 4]]).determinant() == -2)
        let c = m([[2, 0, 1], [1, 3, 2], [1, 1, 1]])
        // 2·(3·1 − 2·1) − 0·(1·1 − 2·1) + 1·(1·1 − 3·1) = 2 − 0 − 2 = 0
        #expect(abs(try c.determinant()) < 1e-12)
        #expect(throws: CollectionError.singular) { try c.inverse() }
        #expect(c.rank() == 2)
        let a = m([[4, 7], [2, 6]])
        // inv = 1/(24 − 14) · [[6, −7], [−2, 4]]
        let inv = try a.inverse()
        for (x, y) in zip(inv.elements, [0.6, -0.7, -0.2, 0.4]) { #expect(abs(x - y) < 1e-12) }
        #expect(a.rank() == 2)
        let p = a.pseudoInverse()
        for (x, y) in zip(p.elements, [0.6, -0.7, -0.2, 0.4]) { #expect(abs(x - y) < 1e-9) }
        // The pseudo-inverse of a column vector v is vᵀ / |v|².
        let v = m([[1], [2], [2]])
        let pv = v.pseudoInverse()
        #expect(pv.rows == 1 && pv.columns == 3)
        for (x, y) in zip(pv.elements, [1.0 / 9, 2.0 / 9, 2.0 / 9]) { #expect(abs(x - y) < 1e-12) }
        #expect(throws: CollectionError.self) { try m([[1, 2, 3]]).determinant() }
    }

    @Test func eigenvaluesAndVectorsSatisfyTheDefinition() throws {
        // Symmetric: [[2,1],[1,2]] has eigenvalues 3 and 1.
        let s = m([[2, 1], [1, 2]])
        let values = try s.eigenvalues()
        #expect(abs(values[0] - 3) < 1e-10 && abs(values[1] - 1) < 1e-10)
        // Not symmetric: [[2,4],[6,8]]: λ² − 10λ − 8 = 0, λ = 5 ± √33.
        let g = m([[2, 4], [6, 8]])
        let gv = try g.eigenvalues()
        #expect(abs(gv[0] - (5 + 33.0.squareRoot())) < 1e-9)
        #expect(abs(gv[1] - (5 - 33.0.squareRoot())) < 1e-9)
        // A·v = λ·v for every column of eigenvectors, each of unit length.
        let t3 = m([[4, 1, 0], [1, 3, 1], [0, 1, 2]])
        // P·diag(1, 2, 4)·P⁻¹ is not symmetric and has the eigenvalues 4, 2, 1.
        let pm = m([[1, 1, 0], [0, 1, 1], [1, 0, 1]])
        let g3 = try pm.multiplied(by: m([[1, 0, 0], [0, 2, 0], [0, 0, 4]])).multiplied(by: try pm.inverse())
        for (x, y) in zip(try g3.eigenvalues(), [4.0, 2, 1]) { #expect(abs(x - y) < 1e-9) }
        for (matrix, lambdas) in [(s, values), (g, gv), (t3, try t3.eigenvalues()), (g3, try g3.eigenvalues())] {
            let vectors = try matrix.eigenvectors()
            for k in 0..<matrix.rows {
                let v = try vectors.column(k)
                let av = try matrix.multiplied(byVector: v)
                #expect(abs(v.reduce(0) { $0 + $1 * $1 } - 1) < 1e-9)
                for i in 0..<v.count { #expect(abs(av[i] - lambdas[k] * v[i]) < 1e-7) }
            }
        }
        // A rotation has complex eigenvalues: no real value.
        #expect(try m([[0, -1], [1, 0]]).eigenvalues().allSatisfy(\.isNaN))
        // Upper triangular: eigenvalues are the diagonal.
        let t = try m([[1, 5, 3], [0, 4, 2], [0, 0, 6]]).eigenvalues()
        for (x, y) in zip(t, [6.0, 4, 1]) { #expect(abs(x - y) < 1e-9) }
    }

    @Test func statisticsAndPredicates() throws {
        let a = m([[1, 3], [3, 9]])
        #expect(a.average() == 4)
        #expect(a.minimum() == 1 && a.maximum() == 9)
        #expect(a.median() == 3)
        #expect(a.mode() == 3)
        #expect(a.isSquare && a.isSymmetric && !a.isAntisymmetric && !a.isDiagonal)
        #expect(m([[0, 2], [-2, 0]]).isAntisymmetric)
        #expect(m([[1, 0], [0, 1]]).isIdentity)
        #expect(m([[0, 0], [0, 0]]).isZero)
        #expect(m([[1, 0], [1, 1]]).isBinary && m([[1, 0], [1, 1]]).isTriangular)
        #expect(!m([[1, 2], [3, 4]]).isTriangular)
        #expect(m([[0, 5], [5, 0]]).isAntidiagonal && !m([[1, 5], [5, 0]]).isAntidiagonal)
        #expect(m([[0.5, 0.5], [0.25, 0.75]]).isStochastic && !m([[0.5, 0.6], [0.25, 0.75]]).isStochastic)
        #expect(!m([[1, 2, 3]]).isSquare)
    }
}
