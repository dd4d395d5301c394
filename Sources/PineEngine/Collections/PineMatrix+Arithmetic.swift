import Foundation

/// Element-wise arithmetic, products, statistics and shape predicates of
/// numeric matrices (`matrix.sum`, `matrix.mult`, `matrix.avg`, `matrix.is_*`).
extension PineMatrix where Element == Double {
    /// A numeric matrix of `rows × columns` filled with `value`.
    static func numeric(rows: Int, columns: Int, fill value: Double = .nan) throws -> PineMatrix<Double> {
        try PineMatrix<Double>(rows: rows, columns: columns, fill: value, empty: .nan)
    }

    /// A numeric matrix from its rows.
    static func numeric(_ rows: [[Double]]) -> PineMatrix<Double> {
        PineMatrix<Double>(rows: rows.count, columns: rows.first?.count ?? 0, elements: rows.flatMap { $0 }, empty: .nan)
    }

    /// The rows as nested arrays.
    var nestedRows: [[Double]] {
        (0..<rows).map { r in Array(elements[(r * columns)..<((r + 1) * columns)]) }
    }

    private func sameShape(_ other: PineMatrix<Double>, _ what: String) throws {
        guard rows == other.rows && columns == other.columns else {
            throw CollectionError.shapeMismatch(
                "cannot \(what) a \(rows)×\(columns) matrix and a \(other.rows)×\(other.columns) matrix: the shapes differ")
        }
    }

    private func map(_ f: (Double) -> Double) -> PineMatrix<Double> {
        PineMatrix<Double>(rows: rows, columns: columns, elements: elements.map(f), empty: .nan)
    }

    /// `matrix.sum(id1, id2)` with a matrix.
    func adding(_ other: PineMatrix<Double>) throws -> PineMatrix<Double> {
        try sameShape(other, "add")
        return PineMatrix<Double>(rows: rows, columns: columns, elements: zip(elements, other.elements).map(+), empty: .nan)
    }

    /// `matrix.sum(id1, x)` with a scalar.
    func adding(_ x: Double) -> PineMatrix<Double> { map { $0 + x } }

    /// `matrix.diff(id1, id2)` with a matrix.
    func subtracting(_ other: PineMatrix<Double>) throws -> PineMatrix<Double> {
        try sameShape(other, "subtract")
        return PineMatrix<Double>(rows: rows, columns: columns, elements: zip(elements, other.elements).map(-), empty: .nan)
    }

    /// `matrix.diff(id1, x)` with a scalar.
    func subtracting(_ x: Double) -> PineMatrix<Double> { map { $0 - x } }

    /// `matrix.mult(id1, x)` with a scalar.
    func multiplied(by x: Double) -> PineMatrix<Double> { map { $0 * x } }

    /// `matrix.mult(id1, id2)`: the matrix product.
    func multiplied(by other: PineMatrix<Double>) throws -> PineMatrix<Double> {
        guard columns == other.rows else {
            throw CollectionError.shapeMismatch(
                "cannot multiply a \(rows)×\(columns) matrix by a \(other.rows)×\(other.columns) matrix: "
                    + "the first one's columns must equal the second one's rows")
        }
        var out = [Double](repeating: 0, count: rows * other.columns)
        for i in 0..<rows {
            for k in 0..<columns {
                let a = elements[i * columns + k]
                for j in 0..<other.columns { out[i * other.columns + j] += a * other.elements[k * other.columns + j] }
            }
        }
        return PineMatrix<Double>(rows: rows, columns: other.columns, elements: out, empty: .nan)
    }

    /// `matrix.mult(id1, array)`: the product with a column vector, as an array.
    func multiplied(byVector v: [Double]) throws -> [Double] {
        guard columns == v.count else {
            throw CollectionError.shapeMismatch(
                "cannot multiply a \(rows)×\(columns) matrix by an array of \(v.count) elements: they must be equal to the columns")
        }
        return (0..<rows).map { i in (0..<columns).reduce(0.0) { $0 + elements[i * columns + $1] * v[$1] } }
    }

    func requireSquare(_ what: String) throws {
        guard rows == columns else {
            throw CollectionError.shapeMismatch("\(what) needs a square matrix; this one is \(rows)×\(columns)")
        }
    }

    static func identity(_ n: Int) -> PineMatrix<Double> {
        var out = [Double](repeating: 0, count: n * n)
        for i in 0..<n { out[i * n + i] = 1 }
        return PineMatrix<Double>(rows: n, columns: n, elements: out, empty: .nan)
    }

    /// `matrix.pow(id, power)`: the matrix multiplied by itself `power` times
    /// (the identity for 0), by repeated squaring.
    func power(_ n: Int) throws -> PineMatrix<Double> {
        try requireSquare("matrix.pow")
        guard n >= 0 else { throw CollectionError.invalidArgument("matrix.pow needs a power of 0 or more, not \(n)") }
        var result = PineMatrix<Double>.identity(rows)
        var base = copy()
        var k = n
        while k > 0 {
            if k & 1 == 1 { result = try result.multiplied(by: base) }
            k >>= 1
            if k > 0 { base = try base.multiplied(by: base) }
        }
        return result
    }

    /// `matrix.trace`: the sum of the main diagonal.
    func trace() throws -> Double {
        try requireSquare("matrix.trace")
        return (0..<rows).reduce(0.0) { $0 + elements[$1 * columns + $1] }
    }

    /// `matrix.kron`: the Kronecker product.
    func kronecker(_ other: PineMatrix<Double>) throws -> PineMatrix<Double> {
        let r = rows * other.rows
        let c = columns * other.columns
        if r * c > PineMatrix.maximumElements {
            throw CollectionError.tooLarge(what: "a matrix", count: r * c, limit: PineMatrix.maximumElements)
        }
        var out = [Double](repeating: 0, count: r * c)
        for i in 0..<rows {
            for j in 0..<columns {
                let a = elements[i * columns + j]
                for k in 0..<other.rows {
                    for l in 0..<other.columns {
                        out[(i * other.rows + k) * c + j * other.columns + l] = a * other.elements[k * other.columns + l]
                    }
                }
            }
        }
        return PineMatrix<Double>(rows: r, columns: c, elements: out, empty: .nan)
    }

    // MARK: statistics over all elements

    /// `matrix.avg`: the mean of all elements (`na` when any is `na` or the matrix is empty).
    func average() -> Double { ArrayAlgorithms.average(elements) }
    /// `matrix.min`: the smallest element, ignoring `na`.
    func minimum() -> Double { ArrayAlgorithms.nthSmallest(elements, 0) }
    /// `matrix.max`: the largest element, ignoring `na`.
    func maximum() -> Double { ArrayAlgorithms.nthLargest(elements, 0) }
    /// `matrix.median`: the median of the elements, ignoring `na`.
    func median() -> Double { ArrayAlgorithms.median(elements) }
    /// `matrix.mode`: the most frequent element, the smallest of several.
    func mode() -> Double { ArrayAlgorithms.mode(elements) }

    // MARK: predicates

    private func all(_ test: (Int, Int, Double) -> Bool) -> Bool {
        for r in 0..<rows { for c in 0..<columns where !test(r, c, elements[r * columns + c]) { return false } }
        return true
    }

    var isSquare: Bool { rows == columns }
    var isZero: Bool { all { _, _, x in x == 0 } }
    var isBinary: Bool { all { _, _, x in x == 0 || x == 1 } }
    var isIdentity: Bool { isSquare && all { r, c, x in x == (r == c ? 1 : 0) } }
    var isDiagonal: Bool { isSquare && all { r, c, x in r == c || x == 0 } }
    var isAntidiagonal: Bool { isSquare && all { r, c, x in r + c == columns - 1 || x == 0 } }
    var isSymmetric: Bool { isSquare && all { r, c, x in x == elements[c * columns + r] } }
    var isAntisymmetric: Bool { isSquare && all { r, c, x in x == -elements[c * columns + r] } }
    /// Upper or lower triangular.
    var isTriangular: Bool {
        isSquare && (all { r, c, x in r <= c || x == 0 } || all { r, c, x in r >= c || x == 0 })
    }
    /// Non-negative elements whose every row sums to 1.
    var isStochastic: Bool {
        guard rows > 0, all({ _, _, x in x >= 0 }) else { return false }
        for r in 0..<rows {
            let sum = elements[(r * columns)..<((r + 1) * columns)].reduce(0, +)
            if abs(sum - 1) > 1e-10 { return false }
        }
        return true
    }
}
