import Foundation

/// The numeric kernels of `array.*` (and of the matrix statistics), as the
/// reference manual defines them. `na` is NaN; functions that "ignore na"
/// skip NaN elements.
enum ArrayAlgorithms {
    /// `array.sum`: `na` when any element is `na`.
    static func sum(_ v: [Double]) -> Double {
        v.contains(where: \.isNaN) ? .nan : v.reduce(0, +)
    }

    /// `array.avg`: the mean, `na` for an empty array or one holding `na`.
    static func average(_ v: [Double]) -> Double {
        v.isEmpty ? .nan : sum(v) / Double(v.count)
    }

    /// `array.min(id, nth)`: the `nth` smallest element (0 is the smallest), ignoring `na`.
    static func nthSmallest(_ v: [Double], _ nth: Int) -> Double {
        let x = v.filter { !$0.isNaN }.sorted()
        return nth >= 0 && nth < x.count ? x[nth] : .nan
    }

    /// `array.max(id, nth)`: the `nth` largest element (0 is the largest), ignoring `na`.
    static func nthLargest(_ v: [Double], _ nth: Int) -> Double {
        let x = v.filter { !$0.isNaN }.sorted(by: >)
        return nth >= 0 && nth < x.count ? x[nth] : .nan
    }

    /// `array.median`, ignoring `na`: the middle element, or the mean of the two middle ones.
    static func median(_ v: [Double]) -> Double {
        let x = v.filter { !$0.isNaN }.sorted()
        if x.isEmpty { return .nan }
        return x.count % 2 == 1 ? x[x.count / 2] : (x[x.count / 2 - 1] + x[x.count / 2]) / 2
    }

    /// `array.mode`: the most frequent value; of several, the smallest. `na` when empty.
    static func mode(_ v: [Double]) -> Double {
        let x = v.filter { !$0.isNaN }.sorted()
        guard var best = x.first else { return .nan }
        var bestCount = 0
        var i = 0
        while i < x.count {
            var j = i
            while j < x.count && x[j] == x[i] { j += 1 }
            if j - i > bestCount {
                bestCount = j - i
                best = x[i]
            }
            i = j
        }
        return best
    }

    /// `array.variance(id, biased)`: the mean squared deviation, divided by
    /// n (biased) or n − 1 (unbiased).
    static func variance(_ v: [Double], biased: Bool = true) -> Double {
        let n = Double(v.count)
        if v.isEmpty || (!biased && v.count < 2) { return .nan }
        let m = average(v)
        let squares = v.reduce(0.0) { $0 + ($1 - m) * ($1 - m) }
        return squares / (biased ? n : n - 1)
    }

    /// `array.stdev(id, biased)`: the square root of the variance.
    static func standardDeviation(_ v: [Double], biased: Bool = true) -> Double {
        variance(v, biased: biased).squareRoot()
    }

    /// `array.covariance(id1, id2, biased)`: `na` when the sizes differ.
    static func covariance(_ a: [Double], _ b: [Double], biased: Bool = true) -> Double {
        guard a.count == b.count, !a.isEmpty, biased || a.count > 1 else { return .nan }
        let ma = average(a), mb = average(b)
        var s = 0.0
        for i in 0..<a.count { s += (a[i] - ma) * (b[i] - mb) }
        return s / Double(biased ? a.count : a.count - 1)
    }

    /// `array.standardize`: each element's z-score (population standard deviation).
    static func standardize(_ v: [Double]) -> [Double] {
        let m = average(v)
        let s = standardDeviation(v)
        return v.map { ($0 - m) / s }
    }

    /// `array.abs`.
    static func absolute(_ v: [Double]) -> [Double] { v.map { abs($0) } }

    /// `array.range`: max − min, ignoring `na`.
    static func range(_ v: [Double]) -> Double {
        nthLargest(v, 0) - nthSmallest(v, 0)
    }

    /// `array.percentrank(id, index)`: the percentage of the other elements
    /// that are less than or equal to the element at `index`.
    static func percentRank(_ v: [Double], _ index: Int) -> Double {
        guard index >= 0 && index < v.count, v.count > 1 else { return .nan }
        let x = v[index]
        if x.isNaN { return .nan }
        var below = 0
        for (i, y) in v.enumerated() where i != index && y <= x { below += 1 }
        return 100 * Double(below) / Double(v.count - 1)
    }

    /// `array.percentile_nearest_rank(id, percentage)`: the element of rank
    /// ⌈p/100 × n⌉ in ascending order (the smallest for p = 0), ignoring `na`.
    static func percentileNearestRank(_ v: [Double], _ percentage: Double) -> Double {
        let x = v.filter { !$0.isNaN }.sorted()
        guard !x.isEmpty, percentage >= 0, percentage <= 100 else { return .nan }
        let rank = Int((percentage / 100 * Double(x.count)).rounded(.up))
        return x[max(0, min(x.count - 1, rank - 1))]
    }

    /// `array.percentile_linear_interpolation(id, percentage)`: the value at
    /// position p/100 × (n − 1) of the ascending elements, interpolated
    /// linearly between the two nearest, ignoring `na`.
    static func percentileLinearInterpolation(_ v: [Double], _ percentage: Double) -> Double {
        let x = v.filter { !$0.isNaN }.sorted()
        guard !x.isEmpty, percentage >= 0, percentage <= 100 else { return .nan }
        let position = percentage / 100 * Double(x.count - 1)
        let lo = Int(position.rounded(.down))
        let hi = min(lo + 1, x.count - 1)
        return x[lo] + (x[hi] - x[lo]) * (position - Double(lo))
    }

    /// `array.binary_search`: the index of `value` in an ascending array, or −1.
    static func binarySearch(_ v: [Double], _ value: Double) -> Int {
        var lo = 0, hi = v.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if v[mid] == value { return mid }
            if v[mid] < value { lo = mid + 1 } else { hi = mid - 1 }
        }
        return -1
    }

    /// `array.binary_search_leftmost`: the index of `value` if present (its
    /// first occurrence), else the index of the largest element smaller than it
    /// (−1 when there is none).
    static func binarySearchLeftmost(_ v: [Double], _ value: Double) -> Int {
        let first = lowerBound(v, value)
        if first < v.count && v[first] == value { return first }
        return first - 1
    }

    /// `array.binary_search_rightmost`: the index of `value` if present (its
    /// last occurrence), else the index of the first element larger than it
    /// (the size when there is none).
    static func binarySearchRightmost(_ v: [Double], _ value: Double) -> Int {
        let after = upperBound(v, value)
        if after > 0 && v[after - 1] == value { return after - 1 }
        return after
    }

    private static func lowerBound(_ v: [Double], _ value: Double) -> Int {
        var lo = 0, hi = v.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if v[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    private static func upperBound(_ v: [Double], _ value: Double) -> Int {
        var lo = 0, hi = v.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if v[mid] <= value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The ascending (or descending) order of numbers, `na` last either way;
    /// equal elements keep their order.
    static func sortedIndices(_ v: [Double], descending: Bool) -> [Int] {
        v.indices.sorted { i, j in
            let x = v[i], y = v[j]
            if x.isNaN || y.isNaN { return !x.isNaN && y.isNaN ? true : (x.isNaN == y.isNaN && i < j) }
            if x == y { return i < j }
            return descending ? x > y : x < y
        }
    }

    /// `array.sort`: sorts in place, `na` last.
    static func sort(_ v: inout [Double], descending: Bool) {
        let order = sortedIndices(v, descending: descending)
        v = order.map { v[$0] }
    }

    /// `array.join` of numbers: each printed as Pine prints it.
    static func join(_ v: [Double], isInt: Bool, separator: String) -> String {
        v.map { PineFormat.number($0, isInt: isInt) }.joined(separator: separator)
    }
}
