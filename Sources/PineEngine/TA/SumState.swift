/// Rolling sum over the last `length` non-`na` values (`math.sum`, and the machine behind
/// `ta.sma`, `ta.variance`, `ta.correlation`, `ta.cmo`, `ta.mfi`, ...), reproducing
/// TradingView's rounding.
///
/// TradingView keeps one compensated running sum from the first bar rather than re-adding the
/// window: while the window fills, each value is one compensated add; once full, each bar
/// evicts the entry stored for the leaving bar and adds the new value in one fused two-round
/// compensated step, storing the realized addend for its own later eviction. When the
/// compensation term would be lost against the incoming value (the rounding residue of
/// `value + |c|` is positive), the machine re-baselines instead: the sum becomes the plain
/// newest-first sum of the raw window and the compensation clears. (This is the behaviour
/// measured on TradingView by the PyneCore project; SEMANTICS.md's
/// `sum := sum + x - x[length]` is its exact-arithmetic reading.)
///
/// `na` inputs are skipped (the window holds the last `length` non-`na` values) and report the
/// standing sum. The result is `na` until `length` values were seen. When `length` changes,
/// the sum is re-baselined over the newest `min(seen, length)` raw values still held (history
/// is kept for the largest length used so far), so a grown window is `na` until it refilled
/// from what is held; TradingView may differ in the last bits right after such a change.
/// O(1) per bar except on re-baseline bars (O(length)); no allocation after the first bar.
public struct SumState: Sendable {
    @usableFromInline var raw = TARingBuffer()
    @usableFromInline var entries = TARingBuffer()
    @usableFromInline var sum = 0.0
    @usableFromInline var compensation = 0.0
    @usableFromInline var length = 0

    public init() {}

    /// Adds `source` and returns the sum of the last `length` values, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Double {
        guard length > 0 else { return .nan }
        if length != self.length { setLength(length) }
        if source.isNaN { return current }
        let heldBefore = raw.count
        // The entry stored for the value that leaves (offset length - 1 before the push).
        let evicted: Double? = heldBefore >= length ? entries[length - 1] : nil
        raw.push(source)
        let window = min(raw.count, length)
        var fires = false
        if compensation != 0 && source != 0 {
            let b = abs(compensation)
            let r = source + b
            if r != 0 && r.isFinite {
                fires = b - (r - source) > 0
            }
        }
        if fires {
            var s = source
            var k = 1
            while k < window {
                s = s + raw[k]
                k += 1
            }
            sum = s
            compensation = 0
            entries.push(source)
        } else if let d0 = evicted {
            let y1 = -d0 - compensation
            let t = sum + y1
            let e1 = (t - sum) - y1
            let y2 = source - e1
            let s = t + y2
            compensation = (s - t) - y2
            sum = s
            entries.push(y2)
        } else {
            let y = source - compensation
            let s = sum + y
            compensation = (s - sum) - y
            sum = s
            entries.push(y)
        }
        return raw.count >= length ? sum : .nan
    }

    /// The standing sum (`na` while fewer than `length` values were seen).
    @inlinable public var current: Double { raw.count >= length && length > 0 ? sum : .nan }

    @usableFromInline
    mutating func setLength(_ newLength: Int) {
        length = newLength
        if raw.capacity < newLength {
            raw.resize(capacity: newLength)
            entries.resize(capacity: newLength)
        }
        // Re-baseline over the new window: plain newest-first sum of the raw values.
        let window = min(raw.count, newLength)
        var s = 0.0
        if window > 0 {
            s = raw[0]
            var k = 1
            while k < window {
                s = s + raw[k]
                k += 1
            }
        }
        sum = s
        compensation = 0
        // The held entries become the raw values (their realized addends are gone).
        var rebuilt = TARingBuffer(capacity: entries.capacity)
        var k = raw.count - 1
        while k >= 0 {
            rebuilt.push(raw[k])
            k -= 1
        }
        entries = rebuilt
    }
}
