import Foundation

/// Determinant, inverse, pseudo-inverse, rank and eigen-decomposition of
/// numeric matrices (`matrix.det`, `matrix.inv`, `matrix.pinv`, `matrix.rank`,
/// `matrix.eigenvalues`, `matrix.eigenvectors`).
extension PineMatrix where Element == Double {
    /// `matrix.det`: by LU decomposition with partial pivoting.
    func determinant() throws -> Double {
        try requireSquare("matrix.det")
        let n = rows
        var a = elements
        var det = 1.0
        for k in 0..<n {
            var p = k
            for i in (k + 1)..<max(k + 1, n) where abs(a[i * n + k]) > abs(a[p * n + k]) { p = i }
            if a[p * n + k] == 0 { return 0 }
            if p != k {
                for j in 0..<n { a.swapAt(k * n + j, p * n + j) }
                det = -det
            }
            let pivot = a[k * n + k]
            det *= pivot
            for i in (k + 1)..<max(k + 1, n) {
                let f = a[i * n + k] / pivot
                if f == 0 { continue }
                for j in k..<n { a[i * n + j] -= f * a[k * n + j] }
            }
        }
        return det
    }

    /// `matrix.inv`: by Gauss-Jordan elimination with partial pivoting; a
    /// singular matrix is an error.
    func inverse() throws -> PineMatrix<Double> {
        try requireSquare("matrix.inv")
        let n = rows
        var a = elements
        var inv = PineMatrix<Double>.identity(n).elements
        let scale = elements.reduce(0.0) { max($0, abs($1)) }
        for k in 0..<n {
            var p = k
            for i in (k + 1)..<max(k + 1, n) where abs(a[i * n + k]) > abs(a[p * n + k]) { p = i }
            if abs(a[p * n + k]) <= scale * Double(n) * 1e-15 || a[p * n + k].isNaN { throw CollectionError.singular }
            if p != k {
                for j in 0..<n {
                    a.swapAt(k * n + j, p * n + j)
                    inv.swapAt(k * n + j, p * n + j)
                }
            }
            let pivot = a[k * n + k]
            for j in 0..<n {
                a[k * n + j] /= pivot
                inv[k * n + j] /= pivot
            }
            for i in 0..<n where i != k {
                let f = a[i * n + k]
                if f == 0 { continue }
                for j in 0..<n {
                    a[i * n + j] -= f * a[k * n + j]
                    inv[i * n + j] -= f * inv[k * n + j]
                }
            }
        }
        return PineMatrix<Double>(rows: n, columns: n, elements: inv, empty: .nan)
    }

    /// The singular value decomposition `A = U Σ Vᵀ` by one-sided Jacobi
    /// rotations: `u` is rows × k, `v` is columns × k (k = columns), column-major by singular value.
    private func svd() -> (u: [[Double]], sigma: [Double], v: [[Double]]) {
        let m = rows
        let n = columns
        // Columns of A (as arrays), rotated in place until mutually orthogonal.
        var cols = (0..<n).map { c in (0..<m).map { elements[$0 * n + c] } }
        var v = (0..<n).map { c in (0..<n).map { $0 == c ? 1.0 : 0.0 } }
        for _ in 0..<60 {
            var rotated = false
            for p in 0..<n {
                for q in (p + 1)..<max(p + 1, n) {
                    var alpha = 0.0, beta = 0.0, gamma = 0.0
                    for i in 0..<m {
                        alpha += cols[p][i] * cols[p][i]
                        beta += cols[q][i] * cols[q][i]
                        gamma += cols[p][i] * cols[q][i]
                    }
                    if abs(gamma) <= 1e-15 * (alpha * beta).squareRoot() || gamma == 0 { continue }
                    rotated = true
                    let zeta = (beta - alpha) / (2 * gamma)
                    let t = (zeta >= 0 ? 1.0 : -1.0) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
                    let c = 1 / (1 + t * t).squareRoot()
                    let s = c * t
                    for i in 0..<m {
                        let x = cols[p][i], y = cols[q][i]
                        cols[p][i] = c * x - s * y
                        cols[q][i] = s * x + c * y
                    }
                    for i in 0..<n {
                        let x = v[p][i], y = v[q][i]
                        v[p][i] = c * x - s * y
                        v[q][i] = s * x + c * y
                    }
                }
            }
            if !rotated { break }
        }
        let sigma = cols.map { $0.reduce(0.0) { $0 + $1 * $1 }.squareRoot() }
        let u = zip(cols, sigma).map { col, s in s > 0 ? col.map { $0 / s } : col.map { _ in 0.0 } }
        return (u, sigma, v)
    }

    private func tolerance(_ sigma: [Double]) -> Double {
        Double(max(rows, columns)) * (sigma.max() ?? 0) * Double.ulpOfOne
    }

    /// `matrix.rank`: the number of singular values above the rounding tolerance.
    func rank() -> Int {
        guard count > 0, !elements.contains(where: \.isNaN) else { return 0 }
        let sigma = svd().sigma
        let tol = tolerance(sigma)
        return sigma.filter { $0 > tol }.count
    }

    /// `matrix.pinv`: the Moore-Penrose pseudo-inverse `V Σ⁺ Uᵀ` (the inverse of
    /// an invertible square matrix).
    func pseudoInverse() -> PineMatrix<Double> {
        let (u, sigma, v) = svd()
        let tol = tolerance(sigma)
        var out = [Double](repeating: 0, count: columns * rows)
        for k in 0..<sigma.count where sigma[k] > tol {
            let inv = 1 / sigma[k]
            for i in 0..<columns { for j in 0..<rows { out[i * rows + j] += v[k][i] * inv * u[k][j] } }
        }
        return PineMatrix<Double>(rows: columns, columns: rows, elements: out, empty: .nan)
    }
}
