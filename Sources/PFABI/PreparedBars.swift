import CPFABI
import Foundation
import PFData
import PineEngine

/// The caller's bars made ready for runs: a private copy (to recognise the
/// same bars on the next call), the prepared data on the script timeframe,
/// and the engine instance that runs over them.
final class PreparedBars {
    private let copy: [pf_bar_t]
    private let inputTimeframeText: String?
    private let scriptTimeframeText: String?
    let data: PreparedData
    let inputTimeframe: Timeframe?
    let runner: ScriptRunner

    init(_ a: RunArguments, program: PineProgram, config: HandleConfig) throws {
        guard a.count > 0, let bars = a.bars else { throw HandleError.message("no bars: bars_len is \(a.count)") }
        copy = Array(UnsafeBufferPointer(start: bars, count: a.count))
        inputTimeframeText = a.inputTimeframe
        scriptTimeframeText = a.scriptTimeframe
        var time = [Int64](repeating: 0, count: a.count)
        var open = [Double](repeating: 0, count: a.count)
        var high = open
        var low = open
        var close = open
        var volume = open
        for i in 0..<a.count {
            let b = bars[i]
            if i > 0 && b.timestamp <= time[i - 1] {
                throw HandleError.message(
                    "bar \(i): timestamp \(b.timestamp) is not after the previous bar's \(time[i - 1]); bars must be in ascending time")
            }
            time[i] = b.timestamp
            open[i] = b.open
            high[i] = b.high
            low[i] = b.low
            close[i] = b.close
            volume[i] = b.volume
        }
        let store = BarStore(time: time, open: open, high: high, low: low, close: close, volume: volume)
        let timeframe: Timeframe?
        if let text = a.inputTimeframe, !text.isEmpty {
            timeframe = try Timeframe(parsing: text)
        } else {
            timeframe = IntervalDetection.detect(time).timeframe
        }
        inputTimeframe = timeframe
        let symbol = try config.symbol(timeframe: timeframe, bars: store)
        let market = MarketData(
            bars: store, timeframe: timeframe, symbol: symbol, sourcePath: "", ohlcvPath: "", gaps: [])
        let script = a.scriptTimeframe.flatMap { $0.isEmpty ? nil : $0 }
        var prepared = try PreparedData(market: market, scriptTimeframe: script)
        // As pfopt run without a rate: the same currency, a USD stablecoin, or refused.
        try prepared.setCurrency(strategy: program.declared.currency, rate: nil)
        data = prepared
        runner = try ScriptRunner(program: program, data: data, columnCache: ColumnCache())
    }

    /// True when a call passes the same bars and timeframes as this preparation.
    func matches(_ a: RunArguments) -> Bool {
        guard a.count == copy.count, let bars = a.bars, a.inputTimeframe == inputTimeframeText,
            a.scriptTimeframe == scriptTimeframeText
        else { return false }
        return copy.withUnsafeBytes { mine in
            guard let base = mine.baseAddress else { return false }
            return memcmp(base, bars, mine.count) == 0
        }
    }

    /// The magnifier a call asks for: off; the input bars inside each script
    /// bar when the bars were aggregated; else `samples` prices per bar.
    func magnifier(_ a: RunArguments) throws -> Magnifier {
        guard a.magnifier else { return .off }
        if data.bars.hasSubBars { return .realBars }
        guard let distribution = MagnifierDistribution(rawValue: a.distribution) else {
            throw HandleError.message("unknown magnifier distribution \(a.distribution) (0 to 5)")
        }
        guard a.samples >= 2 else {
            throw HandleError.message("the magnifier needs at least 2 samples per bar, got \(a.samples)")
        }
        return .synthetic(samples: a.samples, distribution: distribution)
    }
}
