import Foundation

/// Pine's numeric rules in one place: `na` is NaN, float comparisons treat
/// values within 1e-10 as equal, division by zero is `na`.
enum PineMath {
    /// Two floats closer than this compare equal (TradingView behaviour).
    static let epsilon = 1e-10

    @inline(__always) static func eq(_ a: Double, _ b: Double) -> Bool {
        if a.isNaN || b.isNaN { return false }
        return abs(a - b) <= epsilon
    }

    @inline(__always) static func ne(_ a: Double, _ b: Double) -> Bool {
        if a.isNaN || b.isNaN { return false }
        return abs(a - b) > epsilon
    }

    @inline(__always) static func gt(_ a: Double, _ b: Double) -> Bool {
        a - b > epsilon
    }

    @inline(__always) static func lt(_ a: Double, _ b: Double) -> Bool {
        b - a > epsilon
    }

    @inline(__always) static func ge(_ a: Double, _ b: Double) -> Bool {
        a - b >= -epsilon
    }

    @inline(__always) static func le(_ a: Double, _ b: Double) -> Bool {
        b - a >= -epsilon
    }

    @inline(__always) static func div(_ a: Double, _ b: Double) -> Double {
        b == 0 ? .nan : a / b
    }

    /// Pine's `%`: the sign of the dividend, `na` for a zero divisor.
    @inline(__always) static func mod(_ a: Double, _ b: Double) -> Double {
        b == 0 ? .nan : fmod(a, b)
    }

    /// `int()`: truncation toward zero, `na` stays `na`.
    /// A number used as a count, index, length or offset: truncated toward zero and
    /// clamped to +-2^53 (a huge or non-finite value never traps); `na` is 0.
    @inline(__always) static func clampedInt(_ x: Double) -> Int {
        guard x.isFinite else { return 0 }
        return Int(max(-9_007_199_254_740_992, min(9_007_199_254_740_992, x.rounded(.towardZero))))
    }

    /// A number used as a time in milliseconds, clamped like `clampedInt`.
    @inline(__always) static func clampedInt64(_ x: Double) -> Int64 { Int64(clampedInt(x)) }

    @inline(__always) static func toInt(_ x: Double) -> Double {
        x.isFinite ? x.rounded(.towardZero) : .nan
    }

    /// `math.round(x)`: half away from zero, as TradingView.
    @inline(__always) static func round(_ x: Double) -> Double {
        x.rounded(.toNearestOrAwayFromZero)
    }

    /// `math.round(x, precision)`.
    static func round(_ x: Double, precision: Double) -> Double {
        if x.isNaN || precision.isNaN { return .nan }
        let p = Foundation.pow(10.0, precision.rounded(.towardZero))
        return (x * p).rounded(.toNearestOrAwayFromZero) / p
    }

    /// `math.round_to_mintick(x)`.
    static func roundToMintick(_ x: Double, mintick: Double) -> Double {
        if x.isNaN || mintick <= 0 { return x }
        return (x / mintick).rounded(.toNearestOrAwayFromZero) * mintick
    }

    /// `math.sign(x)`.
    @inline(__always) static func sign(_ x: Double) -> Double {
        x.isNaN ? .nan : (x > 0 ? 1 : (x < 0 ? -1 : 0))
    }
}
