/// Monte Carlo on a run's closed trades: the trades' P&L is replayed in
/// other orders (shuffle: the same trades, another order) or drawn with
/// replacement (bootstrap: as many trades, some repeated, some left out),
/// starting from the initial capital, P&L added in money (not compounded).
public struct MonteCarloResampling: Sendable {
    /// The 5th, 50th and 95th percentiles of one quantity over the resamples.
    public struct Percentiles: Sendable, Equatable {
        public var p5: Double
        public var p50: Double
        public var p95: Double
    }

    /// The outcome of one resampling method.
    public struct Outcome: Sendable {
        public var finalEquity: Percentiles
        /// The largest fall from a running peak, in % of that peak.
        public var maxDrawdownPct: Percentiles
        /// The most trades spent below a running peak.
        public var longestDrawdownTrades: Percentiles
        /// The equity after each trade (downsampled to at most `fanPoints`
        /// trade counts): the 5th, 50th and 95th percentile paths.
        public var fanTrades: [Int]
        public var fan: [Percentiles]
    }

    public var resamples: Int
    public var seed: UInt64
    public var trades: Int
    public var shuffle: Outcome
    public var bootstrap: Outcome

    /// Resamples `pnl` `resamples` times each way with generator `seed`.
    public init(pnl: [Double], initialCapital: Double, resamples: Int = 1000, seed: UInt64 = 42, fanPoints: Int = 100) {
        self.resamples = resamples
        self.seed = seed
        trades = pnl.count
        var generator = SeededGenerator(seed: seed)
        shuffle = Self.run(pnl, initialCapital, resamples, fanPoints, &generator) { order, g in
            // Fisher-Yates.
            var i = order.count - 1
            while i > 0 {
                order.swapAt(i, g.below(i + 1))
                i -= 1
            }
        }
        bootstrap = Self.run(pnl, initialCapital, resamples, fanPoints, &generator) { order, g in
            for i in order.indices { order[i] = g.below(order.count) }
        }
    }

    private static func run(
        _ pnl: [Double], _ initial: Double, _ resamples: Int, _ fanPoints: Int, _ g: inout SeededGenerator,
        _ draw: (inout [Int], inout SeededGenerator) -> Void
    ) -> Outcome {
        let n = pnl.count
        var fanTrades: [Int] = []
        if n > 0 {
            let points = min(n, max(1, fanPoints))
            for k in 0...points { fanTrades.append(k * n / points) }
        }
        var finals: [Double] = []
        var drawdowns: [Double] = []
        var durations: [Double] = []
        var fanColumns = [[Double]](repeating: [], count: fanTrades.count)
        var order = Array(0..<n)
        for _ in 0..<max(0, resamples) {
            order = Array(0..<n)
            draw(&order, &g)
            var equity = initial
            var peak = initial
            var worst = 0.0
            var under = 0
            var longest = 0
            var nextFan = 0
            if nextFan < fanTrades.count, fanTrades[nextFan] == 0 {
                fanColumns[nextFan].append(equity)
                nextFan += 1
            }
            for (k, i) in order.enumerated() {
                equity += pnl[i]
                if equity >= peak {
                    peak = equity
                    under = 0
                } else {
                    under += 1
                    longest = max(longest, under)
                    if peak > 0 { worst = max(worst, (peak - equity) / peak * 100) }
                }
                while nextFan < fanTrades.count, fanTrades[nextFan] == k + 1 {
                    fanColumns[nextFan].append(equity)
                    nextFan += 1
                }
            }
            finals.append(equity)
            drawdowns.append(worst)
            durations.append(Double(longest))
        }
        return Outcome(
            finalEquity: percentiles(finals), maxDrawdownPct: percentiles(drawdowns),
            longestDrawdownTrades: percentiles(durations), fanTrades: fanTrades, fan: fanColumns.map(percentiles))
    }

    /// The 5/50/95th percentiles with linear interpolation between order statistics.
    public static func percentiles(_ values: [Double]) -> Percentiles {
        let sorted = values.sorted()
        return Percentiles(p5: quantile(sorted, 0.05), p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95))
    }

    /// The q-quantile of sorted values (position q * (n - 1), interpolated).
    public static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let position = q * Double(sorted.count - 1)
        let lo = Int(position.rounded(.down))
        let hi = min(sorted.count - 1, lo + 1)
        let f = position - Double(lo)
        return sorted[lo] + (sorted[hi] - sorted[lo]) * f
    }
}
