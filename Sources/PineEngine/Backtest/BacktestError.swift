import Foundation

/// Why a backtest could not run.
public enum BacktestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--magnifier real` without source bars finer than the script timeframe.
    case realMagnifierNeedsSubBars
    /// A synthetic magnifier with fewer than 2 samples.
    case tooFewSamples(Int)
    /// The sub-bar mapping does not fit the bars.
    case badSubBars(String)
    /// The trade window lies outside the data.
    case tradeWindowOutsideData(String)
    /// No bar to run on.
    case noBars
    /// calc_on_order_fills=true with a setting it cannot run with.
    case unsupportedFillRecalculation(String)
    /// A margin call the documented rule does not decide.
    /// `setting`: margin_long or margin_short.
    case undefinedMarginCall(bar: Int, time: Int64, setting: String, why: String)

    public var description: String {
        switch self {
        case .realMagnifierNeedsSubBars:
            return "the real-bar magnifier needs data finer than the script timeframe"
        case .tooFewSamples(let n):
            return "the synthetic magnifier needs at least 2 samples per bar, got \(n)"
        case .badSubBars(let why):
            return "bad sub-bar mapping: \(why)"
        case .tradeWindowOutsideData(let why):
            return "trade window outside the data: \(why)"
        case .noBars:
            return "no bars to run the backtest on"
        case .unsupportedFillRecalculation(let why):
            return why
        case .undefinedMarginCall(let bar, let time, _, let why):
            let when = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(time) / 1000))
            return "margin call on bar \(bar) (\(when)): \(why)"
        }
    }
}
