import PineLanguage
@testable import PineEngine
import Testing

/// `matrix.eigenvalues` / `matrix.eigenvectors` called from a script, on the
/// reference manual's example matrix [[2, 4], [6, 8]]. The manual says each
/// column of the result is an eigenvector and names the algorithm, but not
/// the order, the length or the sign; pfopt's convention: eigenvalues largest
/// first, column k the eigenvector of eigenvalue k, of unit length, its
/// largest-magnitude component positive.
@Suite struct MatrixEigenTests {
    let runner = ScriptPlots()

    @Test func theManualsExampleInOrderWithUnitColumns() throws {
        let p = try runner.plots("""
            m = matrix.new<int>(2, 2, na)
            m.set(0, 0, 2)
            m.set(0, 1, 4)
            m.set(1, 0, 6)
            m.set(1, 1, 8)
            ev = m.eigenvalues()
            vec = matrix.eigenvectors(m)
            plot(ev.size(), "count")
            plot(ev.get(0), "l0")
            plot(ev.get(1), "l1")
            plot(vec.get(0, 0), "v00")
            plot(vec.get(1, 0), "v10")
            plot(vec.get(0, 1), "v01")
            plot(vec.get(1, 1), "v11")
            """)
        // λ² − 10λ − 8 = 0: λ = 5 ± √33. (A − λI)v = 0 gives v ∝ (4, λ − 2),
        // divided by its length; the component 4 is the larger for both.
        let lambdas = [5 + 33.0.squareRoot(), 5 - 33.0.squareRoot()]
        let vectors = lambdas.map { l -> (Double, Double) in
            let norm = (16 + (l - 2) * (l - 2)).squareRoot()
            return (4 / norm, (l - 2) / norm)
        }
        let constant = { (x: Double) in Array(repeating: x, count: 10) }
        #expect(runner.same(p["count"], constant(2)))
        #expect(runner.same(p["l0"], constant(lambdas[0])))
        #expect(runner.same(p["l1"], constant(lambdas[1])))
        #expect(runner.same(p["v00"], constant(vectors[0].0)))
        #expect(runner.same(p["v10"], constant(vectors[0].1)))
        #expect(runner.same(p["v01"], constant(vectors[1].0)))
        #expect(runner.same(p["v11"], constant(vectors[1].1)))
    }

    @Test func aNonSquareMatrixIsALocatedError() {
        let message = runner.failure("""
            m = matrix.new<float>(2, 3, 1)
            ev = m.eigenvalues()
            """)
        #expect(message?.contains("t.pine:4:6") == true)
        #expect(message?.contains("needs a square matrix; this one is 2×3") == true)
    }
}
