/// Finds the tick size (smallest price increment) of price data: the
/// largest grid `k / 10^d` every price sits on, where `d` is the most decimals
/// any price needs (at most 10).
public enum TickAnalysis {
    /// The detected tick, or `nil` when there is no price.
    public static func tickSize(of store: BarStore, sampleLimit: Int = 200_000) -> Double? {
        guard !store.isEmpty else { return nil }
        let step = max(1, store.count / max(1, sampleLimit / 4))
        var decimals = 0
        var index = 0
        var samples: [Double] = []
        samples.reserveCapacity(min(store.count, sampleLimit))
        while index < store.count {
            for value in [store.open[index], store.high[index], store.low[index], store.close[index]]
            where value.isFinite && value != 0 {
                samples.append(value)
                decimals = max(decimals, decimalsNeeded(value))
            }
            index += step
        }
        guard !samples.isEmpty else { return nil }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        var divisor: Int64 = 0
        for value in samples {
            let scaled = (abs(value) * scale).rounded()
            guard scaled < 9e15 else { continue }
            divisor = gcd(divisor, Int64(scaled))
            if divisor == 1 { break }
        }
        guard divisor > 0 else { return 1 / scale }
        return Double(divisor) / scale
    }

    /// Decimal places (0...10) needed to write `value` exactly at f64 precision.
    static func decimalsNeeded(_ value: Double) -> Int {
        var scale = 1.0
        let magnitude = abs(value)
        for d in 0...10 {
            let scaled = magnitude * scale
            if abs(scaled - scaled.rounded()) <= scaled * 1e-12 + 1e-9 { return d }
            scale *= 10
        }
        return 10
    }

    static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
