/// `ta.rci(source, length)`: rank correlation index, the Pearson correlation (x 100) between
/// the time ranks (oldest = 1) and the price ranks of the last `length` values (ascending;
/// values within Pine's 1e-10 tolerance tie and share their average rank). TradingView starts
/// it one bar later than the window fills (`na` until `length + 1` bars). `na` when the window
/// holds an `na`. O(length^2) worst case per bar.
public struct RCIState: Sendable {
    @usableFromInline var window = TARingBuffer()
    @usableFromInline var order: [Int] = []
    @usableFromInline var ranks: [Double] = []
    @usableFromInline var length = 0
    @usableFromInline var seen = 0

    public init() {}

    /// Advances one bar and returns the index, or `na`.
    public mutating func update(_ source: Double, length: Int) -> Double {
        guard length > 0, length <= TAMath.maximumLength else { return .nan }
        if length != self.length {
            self.length = length
            if window.capacity < length {
                window.resize(capacity: max(length, TAMath.defaultHistory))
            }
            order = [Int](repeating: 0, count: length)
            ranks = [Double](repeating: 0, count: length)
        }
        window.push(source)
        seen += 1
        guard window.count >= length, seen > length else { return .nan }
        let n = length
        // value(i) with i = 0 the oldest.
        for i in 0..<n {
            if window[n - 1 - i].isNaN { return .nan }
            order[i] = i
        }
        // Insertion sort of indices by value (stable, no allocation).
        for i in 1..<max(n, 1) {
            let key = order[i]
            let keyValue = window[n - 1 - key]
            var j = i - 1
            while j >= 0 && window[n - 1 - order[j]] > keyValue {
                order[j + 1] = order[j]
                j -= 1
            }
            order[j + 1] = key
        }
        var i = 0
        while i < n {
            var j = i
            let v = window[n - 1 - order[i]]
            while j + 1 < n && window[n - 1 - order[j + 1]] - v <= TAMath.epsilon { j += 1 }
            let rank = Double(i + j) / 2 + 1
            for k in i...j { ranks[order[k]] = rank }
            i = j + 1
        }
        let count = Double(n)
        var meanRank = 0.0
        var meanTime = 0.0
        for k in 0..<n {
            meanRank += ranks[k]
            meanTime += Double(k + 1)
        }
        meanRank /= count
        meanTime /= count
        var cov = 0.0
        var varRank = 0.0
        var varTime = 0.0
        for k in 0..<n {
            let dr = ranks[k] - meanRank
            let dt = Double(k + 1) - meanTime
            cov += dr * dt
            varRank += dr * dr
            varTime += dt * dt
        }
        let den = (varRank * varTime).squareRoot()
        if den == 0 { return .nan }
        return cov / den * 100
    }
}
