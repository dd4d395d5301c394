import Foundation
import PineLanguage

/// One searched input and the values it may take.
public struct ParameterDimension: Sendable, Equatable {
    /// The values, as a list or a range.
    public enum Values: Sendable, Equatable {
        case list([InputValue])
        /// Integers `lo, lo+step, ... <= hi`; `log`: random draws are log-uniform.
        case intRange(lo: Int, hi: Int, step: Int, log: Bool)
        /// Numbers from `lo` to `hi`; with a step a finite ladder, without one
        /// a continuous range (random search only).
        case floatRange(lo: Double, hi: Double, step: Double?, log: Bool)
    }

    /// The input's variable name (the key runs use).
    public var name: String
    public var kind: InputSpec.Kind
    public var values: Values

    /// How many values a grid walks (nil for a continuous range).
    public var count: Int? {
        switch values {
        case .list(let items): return items.count
        case .intRange(let lo, let hi, let step, _): return (hi - lo) / step + 1
        case .floatRange(let lo, let hi, let step, _):
            guard let step else { return nil }
            return Int(((hi - lo) / step + 1e-9).rounded(.down)) + 1
        }
    }

    /// The grid value at `index` (0 ..< count).
    public func value(at index: Int) -> InputValue {
        switch values {
        case .list(let items): return items[min(max(index, 0), items.count - 1)]
        case .intRange(let lo, _, let step, _): return .int(lo + index * step)
        case .floatRange(let lo, let hi, let step, _):
            let v = lo + Double(index) * (step ?? 0)
            return .float(min(Self.tidy(v), hi))
        }
    }

    /// The value a uniform draw `u` in [0, 1) picks.
    public func sample(_ u: Double) -> InputValue {
        switch values {
        case .list(let items):
            return items[min(items.count - 1, Int(u * Double(items.count)))]
        case .intRange(let lo, let hi, let step, let log):
            let n = (hi - lo) / step + 1
            if log && lo > 0 {
                let x = Foundation.exp(Foundation.log(Double(lo)) + u * (Foundation.log(Double(hi) + 1) - Foundation.log(Double(lo))))
                let k = min(n - 1, max(0, Int(((x.rounded(.down)) - Double(lo)) / Double(step))))
                return .int(lo + k * step)
            }
            return .int(lo + min(n - 1, Int(u * Double(n))) * step)
        case .floatRange(let lo, let hi, let step, let log):
            if let step, let n = count {
                if log && lo > 0 {
                    let x = Foundation.exp(Foundation.log(lo) + u * (Foundation.log(hi) - Foundation.log(lo)))
                    let k = min(n - 1, max(0, Int(((x - lo) / step).rounded())))
                    return value(at: k)
                }
                _ = step
                return value(at: min(n - 1, Int(u * Double(n))))
            }
            if log && lo > 0 {
                return .float(Self.tidy(Foundation.exp(Foundation.log(lo) + u * (Foundation.log(hi) - Foundation.log(lo)))))
            }
            return .float(Self.tidy(lo + u * (hi - lo)))
        }
    }

    /// Rounds away binary noise (0.30000000000000004 -> 0.3).
    static func tidy(_ v: Double) -> Double {
        guard v.isFinite, Swift.abs(v) < 1e12 else { return v }
        return (v * 1e9).rounded() / 1e9
    }
}
