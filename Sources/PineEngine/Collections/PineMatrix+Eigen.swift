import Foundation

/// Real eigenvalues and eigenvectors of a square numeric matrix
/// (`matrix.eigenvalues`, `matrix.eigenvectors`). A symmetric matrix is
/// diagonalized by Jacobi rotations; any other by shifted QR iterations, with
/// each eigenvector found by inverse iteration. Eigenvalues come largest
/// first; each eigenvector is a unit-length column in the same order. A
/// complex pair of eigenvalues has no real value: both are `na`.
extension PineMatrix where Element == Double {
    /// `matrix.eigenvalues`.
    func eigenvalues() throws -> [Double] {
        try requireSquare("matrix.eigenvalues")
        return try eigen().values
    }

    /// `matrix.eigenvectors`: the eigenvectors as the columns of a new matrix.
    func eigenvectors() throws -> PineMatrix<Double> {
        try requireSquare("matrix.eigenvectors")
        let (_, vectors) = try eigen()
        let n = rows
        var out = [Double](repeating: .nan, count: n * n)
        for (k, v) in vectors.enumerated() { for i in 0..<n { out[i * n + k] = v[i] } }
        return PineMatrix<Double>(rows: n, columns: n, elements: out, empty: .nan)
    }

    private func eigen() throws -> (values: [Double], vectors: [[Double]]) {
        let n = rows
        if n == 0 { return ([], []) }
        if elements.contains(where: { !$0.isFinite }) {
            return (Array(repeating: .nan, count: n), Array(repeating: Array(repeating: .nan, count: n), count: n))
        }
        var pairs: [(Double, [Double])]
        if isSymmetric {
            pairs = jacobi()
        } else {
            pairs = shiftedQR().map { λ in (λ, λ.isNaN ? Array(repeating: .nan, count: n) : inverseIteration(λ)) }
        }
        pairs = pairs.map { λ, v in
            if let big = v.max(by: { abs($0) < abs($1) }), big < 0 { return (λ, v.map { -$0 }) }
            return (λ, v)
        }
        pairs.sort { a, b in a.0.isNaN ? false : (b.0.isNaN ? true : a.0 > b.0) }
        return (pairs.map(\.0), pairs.map(\.1))
    }

    /// Cyclic Jacobi rotations of a symmetric matrix.
    private func jacobi() -> [(Double, [Double])] {
        let n = rows
        var a = elements
        var v = PineMatrix<Double>.identity(n).elements
        for _ in 0..<100 {
            var off = 0.0
            for p in 0..<n { for q in 0..<n where p != q { off += a[p * n + q] * a[p * n + q] } }
            if off < 1e-22 { break }
            for p in 0..<n {
                for q in (p + 1)..<max(p + 1, n) where a[p * n + q] != 0 {
                    let theta = (a[q * n + q] - a[p * n + p]) / (2 * a[p * n + q])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot()
                    let s = t * c
                    for k in 0..<n {
                        let akp = a[k * n + p], akq = a[k * n + q]
                        a[k * n + p] = c * akp - s * akq
                        a[k * n + q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p * n + k], aqk = a[q * n + k]
                        a[p * n + k] = c * apk - s * aqk
                        a[q * n + k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let vkp = v[k * n + p], vkq = v[k * n + q]
                        v[k * n + p] = c * vkp - s * vkq
                        v[k * n + q] = s * vkp + c * vkq
                    }
                }
            }
        }
        return (0..<n).map { k in (a[k * n + k], (0..<n).map { v[$0 * n + k] }) }
    }

    /// The eigenvalues of a general matrix: Hessenberg reduction, then QR
    /// steps with Wilkinson shifts and deflation.
    private func shiftedQR() -> [Double] {
        let n = rows
        var h = elements
        // Householder-free Hessenberg reduction by Gaussian similarity with pivoting.
        for m in 1..<max(1, n - 1) {
            var x = 0.0
            var i = m
            for j in m..<n where abs(h[j * n + m - 1]) > abs(x) {
                x = h[j * n + m - 1]
                i = j
            }
            if i != m {
                for j in (m - 1)..<n { h.swapAt(i * n + j, m * n + j) }
                for j in 0..<n { h.swapAt(j * n + i, j * n + m) }
            }
            if x != 0 {
                for i2 in (m + 1)..<max(m + 1, n) {
                    var y = h[i2 * n + m - 1]
                    if y == 0 { continue }
                    y /= x
                    h[i2 * n + m - 1] = y
                    for j in m..<n { h[i2 * n + j] -= y * h[m * n + j] }
                    for j in 0..<n { h[j * n + m] += y * h[j * n + i2] }
                }
            }
        }
        for i in 2..<max(2, n) { for j in 0..<(i - 1) { h[i * n + j] = 0 } }
        var values: [Double] = []
        var hi = n - 1
        var iterations = 0
        while hi >= 0 {
            if hi == 0 {
                values.append(h[0])
                break
            }
            // Find a negligible subdiagonal element.
            var l = hi
            while l > 0 {
                let s = abs(h[(l - 1) * n + l - 1]) + abs(h[l * n + l])
                if abs(h[l * n + l - 1]) <= 1e-14 * (s == 0 ? 1 : s) { break }
                l -= 1
            }
            if l == hi {
                values.append(h[hi * n + hi])
                hi -= 1
                iterations = 0
                continue
            }
            if l == hi - 1 {
                let a = h[(hi - 1) * n + hi - 1], b = h[(hi - 1) * n + hi]
                let c = h[hi * n + hi - 1], d = h[hi * n + hi]
                let tr = a + d
                let disc = (a - d) * (a - d) / 4 + b * c
                if disc >= 0 {
                    let r = disc.squareRoot()
                    values.append(tr / 2 + r)
                    values.append(tr / 2 - r)
                } else {
                    values.append(.nan)
                    values.append(.nan)
                }
                hi -= 2
                iterations = 0
                continue
            }
            iterations += 1
            if iterations > 500 {
                for _ in 0...hi { values.append(.nan) }
                break
            }
            // Wilkinson shift from the trailing 2×2 block, QR step by Givens rotations on l...hi.
            let a = h[(hi - 1) * n + hi - 1], b = h[(hi - 1) * n + hi]
            let c = h[hi * n + hi - 1], d = h[hi * n + hi]
            let delta = (a - d) / 2
            let disc = delta * delta + b * c
            var mu = d
            if disc >= 0 {
                let r = disc.squareRoot()
                mu = d - (b * c) / (delta + (delta >= 0 ? r : -r) + (delta == 0 && r == 0 ? 1e-300 : 0))
            }
            if iterations % 11 == 10 { mu += abs(h[hi * n + hi - 1]) }  // exceptional shift
            for k in l...hi { h[k * n + k] -= mu }
            var rotations: [(Double, Double)] = []
            for k in l..<hi {
                let x = h[k * n + k], y = h[(k + 1) * n + k]
                let r = (x * x + y * y).squareRoot()
                let cs = r == 0 ? 1 : x / r, sn = r == 0 ? 0 : y / r
                rotations.append((cs, sn))
                for j in k..<n {
                    let u = h[k * n + j], w = h[(k + 1) * n + j]
                    h[k * n + j] = cs * u + sn * w
                    h[(k + 1) * n + j] = -sn * u + cs * w
                }
            }
            for (idx, (cs, sn)) in rotations.enumerated() {
                let k = l + idx
                for i in 0...min(hi, k + 2) {
                    let u = h[i * n + k], w = h[i * n + k + 1]
                    h[i * n + k] = cs * u + sn * w
                    h[i * n + k + 1] = -sn * u + cs * w
                }
            }
            for k in l...hi { h[k * n + k] += mu }
        }
        return values
    }

    /// A unit eigenvector for the eigenvalue `λ`: a few steps of inverse
    /// iteration with `A - (λ + ε)I`.
    private func inverseIteration(_ λ: Double) -> [Double] {
        let n = rows
        let scale = max(1, elements.reduce(0.0) { max($0, abs($1)) })
        var shifted = self.copy()
        for i in 0..<n { shifted.elements[i * n + i] -= λ + scale * 1e-10 }
        guard let inv = try? shifted.inverse() else {
            shifted = self.copy()
            for i in 0..<n { shifted.elements[i * n + i] -= λ + scale * 1e-7 }
            guard let inv2 = try? shifted.inverse() else { return Array(repeating: .nan, count: n) }
            return PineMatrix.iterate(inv2, n)
        }
        return PineMatrix.iterate(inv, n)
    }

    private static func iterate(_ inv: PineMatrix<Double>, _ n: Int) -> [Double] {
        var x = [Double](repeating: 1 / Double(n).squareRoot(), count: n)
        for _ in 0..<8 {
            guard let y = try? inv.multiplied(byVector: x) else { break }
            let norm = y.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
            if norm == 0 || !norm.isFinite { break }
            x = y.map { $0 / norm }
        }
        return x
    }
}
