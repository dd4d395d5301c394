import Foundation

/// The price path inside one bar: TradingView's 4-point rule and the
/// synthetic magnifier's samples along it.
public enum PricePath {
    /// The bar's extremes in the order the path visits them: the extreme
    /// nearer the open first (a tie goes to the low first).
    @inlinable
    public static func extremes(open: Double, high: Double, low: Double) -> (Double, Double) {
        abs(high - open) < abs(open - low) ? (high, low) : (low, high)
    }

    /// Where `level` is first touched on the 4-point path of the bar
    /// (open, e1, e2, close): the leg index (0, 1, 2) plus the fraction of
    /// that leg, so e1 is at 1 and e2 at 2. Nil when the path never reaches
    /// the level.
    @inlinable
    public static func touchPosition(of level: Double, open: Double, high: Double, low: Double, close: Double) -> Double? {
        let (e1, e2) = extremes(open: open, high: high, low: low)
        @inline(__always) func on(_ a: Double, _ b: Double, leg: Double) -> Double? {
            guard level >= min(a, b) && level <= max(a, b) else { return nil }
            let d = b - a
            return abs(d) > 1e-15 ? leg + (level - a) / d : leg
        }
        return on(open, e1, leg: 0) ?? on(e1, e2, leg: 1) ?? on(e2, close, leg: 2)
    }

    /// The fraction of the path's length at which sample `i` of `n` lies.
    @inlinable
    public static func fraction(_ i: Int, of n: Int, distribution: MagnifierDistribution) -> Double {
        let u = n > 1 ? Double(i) / Double(n - 1) : 0
        switch distribution {
        case .uniform, .endpoints: return u
        case .cosine: return (1 - cos(Double.pi * u)) / 2
        case .triangle: return u < 0.5 ? (u / 2).squareRoot() : 1 - ((1 - u) / 2).squareRoot()
        case .frontLoaded: return u * u
        case .backLoaded: return 1 - (1 - u) * (1 - u)
        }
    }

    /// Fills `out` with `n` samples of the path open -> e1 -> e2 -> close
    /// (first the open, last the close). With `.endpoints` and n >= 4 the
    /// four corners are samples and the others are spread evenly between.
    public static func samples(
        open: Double, e1: Double, e2: Double, close: Double, count n: Int,
        distribution: MagnifierDistribution, into out: inout [Double]
    ) {
        out.removeAll(keepingCapacity: true)
        let l1 = abs(e1 - open)
        let l2 = abs(e2 - e1)
        let l3 = abs(close - e2)
        let total = l1 + l2 + l3
        @inline(__always) func price(at pos: Double) -> Double {
            if pos <= l1 { return open + (e1 >= open ? pos : -pos) }
            if pos <= l1 + l2 { let d = pos - l1; return e1 + (e2 >= e1 ? d : -d) }
            let d = min(pos - l1 - l2, l3)
            return e2 + (close >= e2 ? d : -d)
        }
        if distribution == .endpoints && n >= 4 {
            // Corners at their path positions, the extra samples evenly
            // spaced along the length, merged in path order.
            @inline(__always) func corner(_ c: Int) -> (Double, Double) {
                switch c {
                case 0: return (0, open)
                case 1: return (l1, e1)
                case 2: return (l1 + l2, e2)
                default: return (total, close)
                }
            }
            let extra = n - 4
            var c = 0
            var k = 1
            while out.count < n {
                let nextExtraPos = k <= extra ? total * Double(k) / Double(extra + 1) : .infinity
                if c < 4 && corner(c).0 <= nextExtraPos {
                    out.append(corner(c).1)
                    c += 1
                } else {
                    out.append(price(at: nextExtraPos))
                    k += 1
                }
            }
            return
        }
        let dist: MagnifierDistribution = distribution == .endpoints ? .uniform : distribution
        for i in 0..<n {
            if i == 0 {
                out.append(open)
            } else if i == n - 1 {
                out.append(close)
            } else {
                out.append(price(at: fraction(i, of: n, distribution: dist) * total))
            }
        }
    }
}
