/// `ta.pivot_point_levels(type, anchor, developing = false)`: pivot levels of the previous
/// anchor period, computed on each bar where `anchor` is true from that period's open, high,
/// low and close, and held until the next anchor. `na` until a first period completed (the feed's
/// first bar opens a period). The caller computes `anchor` (e.g. `timeframe.change("D")`, with
/// the exchange's session start). With `developing`, the levels follow the current period's
/// running open/high/low/close instead.
public struct PivotPointLevelsState: Sendable {
    @usableFromInline var open = Double.nan
    @usableFromInline var high = Double.nan
    @usableFromInline var low = Double.nan
    @usableFromInline var close = Double.nan
    @usableFromInline var levels = PivotLevels()

    public init() {}

    /// Advances one bar with the bar's prices and returns the levels.
    public mutating func update(
        type: PivotPointType, anchor: Bool, developing: Bool = false,
        open barOpen: Double, high barHigh: Double, low barLow: Double, close barClose: Double
    ) -> PivotLevels {
        if anchor && !open.isNaN && !developing {
            levels = Self.levels(
                type, open: open, high: high, low: low, close: close, nextOpen: barOpen)
        }
        if anchor || open.isNaN {
            open = barOpen
            high = barHigh
            low = barLow
        } else {
            high = max(high, barHigh)
            low = min(low, barLow)
        }
        close = barClose
        if developing {
            levels = Self.levels(
                type, open: open, high: high, low: low, close: close, nextOpen: open)
        }
        return levels
    }

    /// The levels of one period. `nextOpen` is the open of the period that follows (Woodie).
    public static func levels(
        _ type: PivotPointType, open o: Double, high h: Double, low l: Double, close c: Double,
        nextOpen: Double
    ) -> PivotLevels {
        var v = PivotLevels()
        let range = h - l
        switch type {
        case .traditional:
            let p = (h + l + c) / 3
            v.p = p
            v.r1 = p * 2 - l
            v.s1 = p * 2 - h
            v.r2 = p + range
            v.s2 = p - range
            v.r3 = p * 2 + (h - 2 * l)
            v.s3 = p * 2 - (2 * h - l)
            v.r4 = p * 3 + (h - 3 * l)
            v.s4 = p * 3 - (3 * h - l)
            v.r5 = p * 4 + (h - 4 * l)
            v.s5 = p * 4 - (4 * h - l)
        case .fibonacci:
            let p = (h + l + c) / 3
            v.p = p
            v.r1 = p + 0.382 * range
            v.s1 = p - 0.382 * range
            v.r2 = p + 0.618 * range
            v.s2 = p - 0.618 * range
            v.r3 = p + range
            v.s3 = p - range
        case .woodie:
            let p = (h + l + 2 * nextOpen) / 4
            v.p = p
            v.r1 = 2 * p - l
            v.s1 = 2 * p - h
            v.r2 = p + range
            v.s2 = p - range
            v.r3 = h + 2 * (p - l)
            v.s3 = l - 2 * (h - p)
            v.r4 = v.r3 + range
            v.s4 = v.s3 - range
        case .classic:
            let p = (h + l + c) / 3
            v.p = p
            v.r1 = 2 * p - l
            v.s1 = 2 * p - h
            v.r2 = p + range
            v.s2 = p - range
            v.r3 = p + 2 * range
            v.s3 = p - 2 * range
            v.r4 = p + 3 * range
            v.s4 = p - 3 * range
        case .dm:
            let x: Double
            if c < o {
                x = h + 2 * l + c
            } else if c > o {
                x = 2 * h + l + c
            } else {
                x = h + l + 2 * c
            }
            v.p = x / 4
            v.r1 = x / 2 - l
            v.s1 = x / 2 - h
        case .camarilla:
            v.p = (h + l + c) / 3
            v.r1 = c + 1.1 * range / 12
            v.s1 = c - 1.1 * range / 12
            v.r2 = c + 1.1 * range / 6
            v.s2 = c - 1.1 * range / 6
            v.r3 = c + 1.1 * range / 4
            v.s3 = c - 1.1 * range / 4
            v.r4 = c + 1.1 * range / 2
            v.s4 = c - 1.1 * range / 2
            if l != 0 {
                v.r5 = h / l * c
                v.s5 = c - (v.r5 - c)
            }
        }
        return v
    }
}
