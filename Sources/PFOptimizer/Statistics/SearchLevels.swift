import Foundation
import PineLanguage

/// The positions a searched input's values take on an axis: a grid's
/// values one by one, or, for continuous ranges and long ladders, equal
/// bins (log-spaced for log ranges). Neighbourhoods, edges, sensitivity
/// curves and heatmaps are all computed on these levels.
public struct SearchLevels: Sendable {
    /// The input's variable name.
    public var name: String
    /// One label per level (a value, or a bin's middle value).
    public var labels: [String]
    /// True when the input is a numeric range, so its ends are edges worth widening.
    public var isRange: Bool
    /// True when levels are bins of several values.
    public var isBinned: Bool
    private let dimension: ParameterDimension

    /// At most this many levels per input: longer ladders are binned.
    public static let maximumLevels = 40

    public init(_ dimension: ParameterDimension) {
        self.dimension = dimension
        name = dimension.name
        switch dimension.values {
        case .list: isRange = false
        case .intRange, .floatRange: isRange = true
        }
        if let count = dimension.count, count <= Self.maximumLevels {
            isBinned = false
            labels = (0..<count).map { dimension.value(at: $0).tidyDescription }
        } else {
            isBinned = true
            let bins = Self.maximumLevels
            labels = (0..<bins).map { b in
                let mid = Self.position(of: dimension, (Double(b) + 0.5) / Double(bins))
                return String(format: "%.4g", mid)
            }
        }
    }

    public var count: Int { labels.count }

    /// The level of a value (nil when it is not one of the input's values).
    public func level(of value: InputValue) -> Int? {
        if !isBinned {
            switch dimension.values {
            case .list(let items): return items.firstIndex(of: value)
            case .intRange(let lo, _, let step, _):
                guard case .int(let v) = value else { return nil }
                let k = (v - lo) / step
                return k >= 0 && k < count ? k : nil
            case .floatRange(let lo, _, let step, _):
                guard let v = value.numericValue, let step, step > 0 else { return nil }
                let k = Int(((v - lo) / step).rounded())
                return k >= 0 && k < count ? k : nil
            }
        }
        guard let v = value.numericValue else { return nil }
        let u = Self.fraction(of: dimension, v)
        return min(count - 1, max(0, Int(u * Double(count))))
    }

    private static func bounds(_ d: ParameterDimension) -> (lo: Double, hi: Double, log: Bool) {
        switch d.values {
        case .list(let items):
            let v = items.compactMap(\.numericValue)
            return (v.min() ?? 0, v.max() ?? 1, false)
        case .intRange(let lo, let hi, _, let log): return (Double(lo), Double(hi), log && lo > 0)
        case .floatRange(let lo, let hi, _, let log): return (lo, hi, log && lo > 0)
        }
    }

    /// Where `v` sits between the range's ends, 0 ... 1 (log scale for log ranges).
    static func fraction(of d: ParameterDimension, _ v: Double) -> Double {
        let (lo, hi, log) = bounds(d)
        guard hi > lo else { return 0 }
        if log && v > 0 { return (Foundation.log(v) - Foundation.log(lo)) / (Foundation.log(hi) - Foundation.log(lo)) }
        return (v - lo) / (hi - lo)
    }

    static func position(of d: ParameterDimension, _ u: Double) -> Double {
        let (lo, hi, log) = bounds(d)
        if log { return Foundation.exp(Foundation.log(lo) + u * (Foundation.log(hi) - Foundation.log(lo))) }
        return lo + u * (hi - lo)
    }
}
