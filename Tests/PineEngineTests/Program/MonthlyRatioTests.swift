import Foundation
import PFData
import Testing

@testable import PineEngine

/// `sharpe_monthly` / `sortino_monthly`: the annualised ratios of monthly
/// returns, worked out by hand on four month-ends.
@Suite("Monthly ratios")
struct MonthlyRatioTests {
    @Test("month-end equity 1000, 1100, 1045, 1149.5: returns +10 %, -5 %, +10 %")
    func fourMonths() throws {
        var curve = EquityCurve()
        // Two points a month (the 1st and the 15th, UTC); the 15th's is the month's last equity.
        let months: [(Int64, Double, Double)] = [(1, 990, 1000), (2, 1050, 1100), (3, 1080, 1045), (4, 1100, 1149.5)]
        for (m, early, last) in months {
            curve.time += [UTCCalendar.milliseconds(year: 2024, month: m, day: 1), UTCCalendar.milliseconds(year: 2024, month: m, day: 15)]
            curve.equity += [early, last]
        }
        curve.openProfit = curve.equity.map { _ in 0 }
        curve.inMarket = curve.equity.map { _ in false }
        let m = Metrics(
            trades: [], curve: curve, initialCapital: 1000, firstOpen: .nan, lastClose: .nan,
            timezone: try #require(TimeZone(identifier: "UTC")), riskFreeRate: 2)
        // Returns 0.1, -0.05, 0.1: mean 0.05, rf 0.02 / 12; sample variance (0.05² + 0.1² + 0.05²) / 2 = 0.0075.
        // Sharpe = (0.05 - 0.02/12) / sqrt(0.0075) x sqrt(12) = (0.29 / 6) x 40 = 29 / 15.
        // Downside: only -0.05 - 0.02/12 = -0.31/6, population over 3 months: (0.31/6) / sqrt(3);
        // Sortino = (0.29/6) / ((0.31/6) / sqrt(3)) x sqrt(12) = 29/31 x 6 = 174 / 31.
        let sharpe = try #require(m.value(named: "sharpe_monthly"))
        let sortino = try #require(m.value(named: "sortino_monthly"))
        #expect(abs(sharpe - 29.0 / 15) < 1e-12)
        #expect(abs(sortino - 174.0 / 31) < 1e-12)
        // The former names are no metrics any more.
        #expect(m.value(named: "sharpe_tv") == nil)
        #expect(MetricCatalog.renamedNote("sharpe_tv")?.hasPrefix("sharpe_tv is now called sharpe_monthly") == true)
    }
}
