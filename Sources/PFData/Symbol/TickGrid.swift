import Foundation

/// A tick size as the integer pair TradingView uses: `mintick = minmove / pricescale`.
public struct TickGrid: Sendable, Hashable {
    /// Minimum move in units of `1 / pricescale`.
    public let minmove: Int
    /// Price scale.
    public let pricescale: Int

    /// Creates a grid from its parts; `nil` unless both are positive and fit 32 bits.
    public init?(minmove: Int, pricescale: Int) {
        guard minmove > 0, pricescale > 0, minmove < 1 << 32, pricescale < 1 << 32 else { return nil }
        self.minmove = minmove
        self.pricescale = pricescale
    }

    /// The grid of a tick size: a reciprocal of an integer keeps `minmove = 1`
    /// (`0.05` -> 1/20), any other tick uses a power of ten (`0.03` -> 3/100,
    /// `2.5` -> 25/10). `nil` for a tick that is not positive or has no exact grid.
    public init?(mintick: Double) {
        guard mintick > 0, mintick.isFinite else { return nil }
        let reciprocal = (1.0 / mintick).rounded()
        if reciprocal >= 1, reciprocal < 4_294_967_296, abs(mintick * reciprocal - 1) <= 1e-9 {
            self.init(minmove: 1, pricescale: Int(reciprocal))
            return
        }
        let decimals = TickGrid.decimalPlaces(of: mintick)
        guard decimals <= 18 else { return nil }
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let moveValue = (mintick * Double(scale)).rounded()
        guard moveValue >= 1, moveValue < 4_294_967_296 else { return nil }
        var move = Int(moveValue)
        guard abs(Double(move) / Double(scale) - mintick) <= mintick * 1e-9 else { return nil }
        if scale >= 1 << 32 {
            let divisor = TickGrid.gcd(move, scale)
            move /= divisor
            scale /= divisor
        }
        self.init(minmove: move, pricescale: scale)
    }

    /// The tick size `minmove / pricescale`.
    public var mintick: Double { Double(minmove) / Double(pricescale) }

    /// Decimal places to write prices on a grid of `tick` (`0.01` -> 2,
    /// `0.25` -> 2): the fewest that make the tick whole, within 1e-9, at most 12.
    public static func displayDecimals(of tick: Double) -> Int {
        var decimals = 0
        while decimals < 12 {
            let scaled = tick * pow(10, Double(decimals))
            if abs(scaled - scaled.rounded()) < 1e-9 * max(1, scaled) { break }
            decimals += 1
        }
        return decimals
    }

    /// Decimal places in the shortest representation of `value` (`0.025` -> 3, `7.5e-05` -> 6).
    public static func decimalPlaces(of value: Double) -> Int {
        let text = "\(abs(value))"
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var fraction = 0
        if let dot = mantissa.firstIndex(of: ".") {
            let digits = mantissa[mantissa.index(after: dot)...]
            fraction = digits.count
            if digits.allSatisfy({ $0 == "0" }) { fraction = 0 } else {
                fraction = digits.count - digits.reversed().prefix(while: { $0 == "0" }).count
            }
        }
        return max(0, fraction - exponent)
    }

    static func gcd(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
