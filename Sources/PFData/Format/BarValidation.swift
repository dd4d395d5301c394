/// The checks every bar passes before it is stored.
public enum BarValidation {
    /// Why a bar is invalid, or `nil` when it is fine.
    @inline(__always)
    public static func problem(_ bar: OHLCVBar) -> String? {
        let o = bar.open, h = bar.high, l = bar.low, c = bar.close, v = bar.volume
        // Fast path: finite positive prices, finite non-negative volume, consistent (NaN fails every comparison).
        if o > 0 && h > 0 && l > 0 && c > 0 && v >= 0 && h < .infinity && v < .infinity && h >= l && h >= o
            && h >= c && l <= o && l <= c
        {
            return nil
        }
        return slowProblem(bar)
    }

    static func slowProblem(_ bar: OHLCVBar) -> String? {
        let prices = [("open", bar.open), ("high", bar.high), ("low", bar.low), ("close", bar.close)]
        for (name, value) in prices {
            if value.isNaN { return "\(name) is NaN" }
            if value.isInfinite { return "\(name) is infinite" }
            if value <= 0 { return "\(name) is not positive (\(value))" }
        }
        if bar.volume.isNaN || bar.volume.isInfinite { return "volume is not a finite number" }
        if bar.volume < 0 { return "volume is negative (\(bar.volume))" }
        if bar.high < bar.low { return "high \(bar.high) is below low \(bar.low)" }
        let slack = max(abs(bar.high), abs(bar.low)).ulp * 4
        if bar.high < max(bar.open, bar.close) - slack { return "high \(bar.high) is below open or close" }
        if bar.low > min(bar.open, bar.close) + slack { return "low \(bar.low) is above open or close" }
        return nil
    }
}
