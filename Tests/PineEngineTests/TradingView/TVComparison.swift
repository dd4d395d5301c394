import PineEngine
import Testing

/// The engine's trades set against a TradingView list, by the README's
/// definition of a match: same count; per trade the same direction, entry
/// and exit time, signals, prices equal to the tick, P&L % within 0.1;
/// and, beyond the README, the same quantity (the exports give it to 0.1).
struct TVComparison {
    /// The closed trades the engine produced.
    let actual: [ClosedTrade]
    /// TradingView's closed trades.
    let expected: [TVListTrade]
    /// TradingView's still-open last trade, if any.
    let expectedOpen: TVListTrade?
    /// The engine's open trades at the end.
    let actualOpen: [OpenTrade]
    /// Every difference found, one line each, in trade order.
    let problems: [String]
    /// Index (0-based) of the first trade that differs, nil when all agree.
    let firstMismatch: Int?

    init(report: BacktestReport, expected list: TVTradeList, mintick: Double) {
        actual = report.trades
        expected = list.closed
        expectedOpen = list.open
        actualOpen = report.openTrades
        var problems: [String] = []
        var first: Int?
        if actual.count != expected.count {
            problems.append("closed trades: engine \(actual.count), TradingView \(expected.count)")
        }
        for (i, (a, e)) in zip(actual, expected).enumerated() {
            let diffs = Self.differences(a, e, mintick: mintick)
            guard !diffs.isEmpty else { continue }
            if first == nil { first = i }
            problems.append("trade #\(e.number): " + diffs.joined(separator: "; "))
        }
        if first == nil && actual.count != expected.count { first = min(actual.count, expected.count) }
        self.problems = problems
        firstMismatch = first
    }

    /// True when every closed trade matches.
    var matched: Bool { problems.isEmpty }

    /// Records one issue with the summary when the lists differ.
    func recordMismatches(sourceLocation: SourceLocation = #_sourceLocation) {
        guard !matched else { return }
        Issue.record(Comment(rawValue: summary()), sourceLocation: sourceLocation)
    }

    /// True when the counts agree and every trade has the same direction,
    /// times and signals, whatever its prices.
    var sameTradesIgnoringPrices: Bool {
        actual.count == expected.count
            && zip(actual, expected).allSatisfy { a, e in
                (a.direction == .long) == e.isLong && a.entryTime == e.entryTime && a.exitTime == e.exitTime
                    && (a.entryComment ?? a.entryId) == e.entrySignal && (a.exitComment ?? a.exitId) == e.exitSignal
            }
    }

    /// The largest distance, in ticks, between an engine price and TradingView's.
    func maxPriceTicksOff(mintick: Double) -> Double {
        zip(actual, expected).reduce(0.0) { worst, pair in
            let (a, e) = pair
            return max(worst, abs(a.entryPrice - e.entryPrice) / mintick, abs(a.exitPrice - e.exitPrice) / mintick)
        }
    }

    /// Differences between the engine's open position at the end and the
    /// export's still-open last trade (empty when they agree, or when
    /// neither has one).
    func openTradeProblems(mintick: Double) -> [String] {
        guard let e = expectedOpen else {
            return actualOpen.isEmpty ? [] : ["engine ends with \(actualOpen.count) open trade(s), TradingView none"]
        }
        guard let a = actualOpen.first else { return ["engine ends flat, TradingView has trade #\(e.number) open"] }
        var d: [String] = []
        if actualOpen.count != 1 { d.append("engine ends with \(actualOpen.count) open trades") }
        if (a.direction == .long) != e.isLong { d.append("open direction \(a.direction)") }
        if a.entryTime != e.entryTime { d.append("open entry time \(a.entryTime) vs \(e.entryTime)") }
        if (a.entryComment ?? a.entryId) != e.entrySignal { d.append("open entry signal \(a.entryComment ?? a.entryId)") }
        if !(abs(a.entryPrice - e.entryPrice) < mintick / 2) { d.append("open entry price \(a.entryPrice) vs \(e.entryPrice)") }
        if !(abs(a.qty - e.qty) <= 1e-6 * max(1, abs(e.qty))) { d.append("open qty \(a.qty) vs \(e.qty)") }
        return d
    }

    /// Trades whose money P&L differs from the export's "Net P&L" by more
    /// than `tolerance` (the export rounds it to cents for these lists).
    func pnlProblems(tolerance: Double) -> [String] {
        zip(actual, expected).compactMap { a, e in
            abs(a.pnl - e.pnl) <= tolerance ? nil : "trade #\(e.number): P&L \(a.pnl) vs \(e.pnl)"
        }
    }

    /// How many leading trades match.
    var matchingPrefix: Int { firstMismatch ?? actual.count }

    /// The first `limit` problems as one message.
    func summary(limit: Int = 8) -> String {
        let head = problems.prefix(limit).joined(separator: "\n")
        let more = problems.count > limit ? "\n... \(problems.count - limit) more" : ""
        return "\(matchingPrefix) of \(expected.count) trades match before the first difference\n" + head + more
    }

    static func differences(_ a: ClosedTrade, _ e: TVListTrade, mintick: Double) -> [String] {
        var d: [String] = []
        if (a.direction == .long) != e.isLong { d.append("direction \(a.direction)") }
        if a.entryTime != e.entryTime { d.append("entry time \(a.entryTime) vs \(e.entryTime)") }
        if a.exitTime != e.exitTime { d.append("exit time \(a.exitTime) vs \(e.exitTime)") }
        let entrySignal = a.entryComment ?? a.entryId
        let exitSignal = a.exitComment ?? a.exitId
        if entrySignal != e.entrySignal { d.append("entry signal '\(entrySignal)' vs '\(e.entrySignal)'") }
        if exitSignal != e.exitSignal { d.append("exit signal '\(exitSignal)' vs '\(e.exitSignal)'") }
        if !(abs(a.entryPrice - e.entryPrice) < mintick / 2) { d.append("entry price \(a.entryPrice) vs \(e.entryPrice)") }
        if !(abs(a.exitPrice - e.exitPrice) < mintick / 2) { d.append("exit price \(a.exitPrice) vs \(e.exitPrice)") }
        if !(abs(a.qty - e.qty) <= 1e-6 * max(1, abs(e.qty))) { d.append("qty \(a.qty) vs \(e.qty)") }
        if !(abs(a.pnlPercent - e.pnlPercent) <= 0.1 + 1e-9) { d.append("P&L % \(a.pnlPercent) vs \(e.pnlPercent)") }
        return d
    }
}
