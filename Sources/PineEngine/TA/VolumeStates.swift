/// `ta.obv`: on-balance volume, `cum(sign(change(close)) * volume)`; `na` on the first bar.
public struct OBVState: Sendable {
    @usableFromInline var prevClose = Double.nan
    @usableFromInline var cum = CumState()

    public init() {}

    /// Advances one bar with the bar's close and volume.
    @inlinable
    public mutating func update(close: Double, volume: Double) -> Double {
        let change = close - prevClose
        prevClose = close
        return cum.update(TAMath.sign(change) * volume)
    }
}

/// `ta.accdist`: accumulation/distribution, the cumulative sum of
/// `(2 * close - low - high) / (high - low) * volume` (0 when `high == low`).
public struct AccDistState: Sendable {
    @usableFromInline var cum = CumState()

    public init() {}

    /// Advances one bar with the bar's prices and volume.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double, volume: Double)
        -> Double
    {
        let mfm =
            (close == high && close == low) || high == low
            ? 0 : (2 * close - low - high) / (high - low) * volume
        return cum.update(mfm)
    }
}

/// `ta.pvt`: price-volume trend, `cum(change(close) / close[1] * volume)`.
public struct PVTState: Sendable {
    @usableFromInline var prevClose = Double.nan
    @usableFromInline var cum = CumState()

    public init() {}

    /// Advances one bar with the bar's close and volume.
    @inlinable
    public mutating func update(close: Double, volume: Double) -> Double {
        let value = (close - prevClose) / prevClose * volume
        prevClose = close
        return cum.update(value)
    }
}

/// `ta.pvi`: positive volume index (starts at 1; moves with the close's rate of change on bars
/// whose volume rose).
public struct PVIState: Sendable {
    @usableFromInline var prevClose = Double.nan
    @usableFromInline var prevVolume = Double.nan
    @usableFromInline var value = Double.nan

    public init() {}

    /// Advances one bar with the bar's close and volume.
    @inlinable
    public mutating func update(close: Double, volume: Double) -> Double {
        if value.isNaN {
            value = 1
        } else if volume > prevVolume {
            value = value + (close - prevClose) / prevClose * value
        }
        prevClose = close
        prevVolume = volume
        return value
    }
}

/// `ta.nvi`: negative volume index (starts at 1; moves with the close's rate of change on bars
/// whose volume fell).
public struct NVIState: Sendable {
    @usableFromInline var prevClose = Double.nan
    @usableFromInline var prevVolume = Double.nan
    @usableFromInline var value = Double.nan

    public init() {}

    /// Advances one bar with the bar's close and volume.
    @inlinable
    public mutating func update(close: Double, volume: Double) -> Double {
        if value.isNaN {
            value = 1
        } else if volume < prevVolume {
            value = value + (close - prevClose) / prevClose * value
        }
        prevClose = close
        prevVolume = volume
        return value
    }
}

/// `ta.wad`: Williams accumulation/distribution, `cum(gain)` with true high/low against the
/// previous close.
public struct WADState: Sendable {
    @usableFromInline var prevClose = Double.nan
    @usableFromInline var cum = CumState()

    public init() {}

    /// Advances one bar with the bar's prices.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double) -> Double {
        let trueHigh = max(high, prevClose.isNaN ? high : prevClose)
        let trueLow = min(low, prevClose.isNaN ? low : prevClose)
        let mom = close - prevClose
        prevClose = close
        let gain = mom > 0 ? close - trueLow : (mom < 0 ? close - trueHigh : 0)
        return cum.update(gain)
    }
}

/// Stateless volume built-ins.
public enum VolumeIndicators {
    /// `ta.iii`: intraday intensity index, `(2 * close - high - low) / ((high - low) * volume)`.
    @inlinable
    public static func iii(high: Double, low: Double, close: Double, volume: Double) -> Double {
        let den = (high - low) * volume
        if den == 0 { return .nan }
        return (2 * close - high - low) / den
    }

    /// `ta.wvad`: Williams variable accumulation/distribution,
    /// `(close - open) / (high - low) * volume`.
    @inlinable
    public static func wvad(open: Double, high: Double, low: Double, close: Double, volume: Double)
        -> Double
    {
        let range = high - low
        if range == 0 { return .nan }
        return (close - open) / range * volume
    }
}
