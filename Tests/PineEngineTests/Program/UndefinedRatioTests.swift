import Testing

@testable import PineEngine

@Suite("Undefined ratios")
struct UndefinedRatioTests {
    @Test("flat equity (no trades): Sharpe and Sortino are both undefined, whatever the risk-free rate")
    func flatEquity() {
        let flat = [Double](repeating: 0, count: 24)
        let (sharpe, sortino) = Metrics.sharpeSortino(returns: flat, riskFree: 0.02 / 12, annualization: 12)
        #expect(sharpe.isNaN)
        #expect(sortino.isNaN)
        // Varying returns keep both defined: mean 0.01, downside from rf = 0.
        let varying = [0.02, 0.0, 0.02, 0.0]
        let (s2, so2) = Metrics.sharpeSortino(returns: varying, riskFree: 0, annualization: 12)
        let sd = (4 * 0.0001 / 3).squareRoot()
        #expect(abs(s2 - 0.01 / sd * 12.0.squareRoot()) < 1e-12)
        #expect(so2.isNaN)  // no return below the risk-free rate: no downside deviation
    }
}
