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
/// newest-first sum of the raw window and the compensation clears. (This is TradingView's
/// behaviour as measured on its exports; `sum := sum + x - x[length]` is its
/// exact-arithmetic reading.)
///
/// `na` inputs are skipped (the window holds the last `length` non-`na` values) and report the
/// standing sum. The result is `na` until `length` values were seen. When `length` changes,
/// the sum is re-baselined over the newest `min(seen, length)` raw values (history is kept for
/// `max(500, largest length used)` values, so a grown window finds its older values like in
/// TradingView); TradingView may differ in the last bits right after such a change.
/// O(1) per bar except on re-baseline bars (O(length)); no allocation after the first bar.
public struct SumState: Sendable {
    /// Interleaved window storage: `storage[2 * k]` is the raw value of slot k,
    /// `storage[2 * k + 1]` the entry the machine stored for it.
    @usableFromInline var storage: [Double] = []
    @usableFromInline var capacity = 0
    @usableFromInline var head = 0
    @usableFromInline var held = 0
    @usableFromInline var sum = 0.0
    @usableFromInline var compensation = 0.0
    @usableFromInline var length = 0
    @usableFromInline let historyFloor: Int

    /// A rolling sum keeping at least `TAMath.defaultHistory` values of history, so a length
    /// that changes later still finds the values it needs.
    public init() {
        historyFloor = TAMath.defaultHistory
    }

    /// A rolling sum keeping at least `historyFloor` values (0: exactly the largest length).
    public init(historyFloor: Int) {
        self.historyFloor = max(0, historyFloor)
    }

    /// Adds `source` and returns the sum of the last `length` values, or `na`.
    @inlinable
    public mutating func update(_ source: Double, length: Int) -> Double {
        var out = Double.nan
        withUnsafePointer(to: source) { fill($0, count: 1, length: length, divisor: 1, into: &out) }
        return out
    }

    /// The standing sum (`na` while fewer than `length` values were seen).
    @inlinable public var current: Double { held >= length && length > 0 ? sum : .nan }

    /// Raw value `ago` values back (0 = newest).
    @inlinable func raw(_ ago: Int) -> Double {
        var index = head - 1 - ago
        if index < 0 { index += capacity }
        return storage[2 * index]
    }

    @usableFromInline
    mutating func setLength(_ newLength: Int) {
        length = newLength
        if capacity < newLength {
            // Grow, keeping the held values (oldest first at slot 0).
            let newCapacity = max(newLength, historyFloor)
            var grown = [Double](repeating: 0, count: 2 * newCapacity)
            for k in 0..<held {
                grown[2 * k] = raw(held - 1 - k)
            }
            storage = grown
            capacity = newCapacity
            head = held % newCapacity
        }
        // Re-baseline over the new window: plain newest-first sum of the raw values; the
        // held entries become the raw values (their realized addends are gone).
        let window = min(held, newLength)
        var s = 0.0
        if window > 0 {
            s = raw(0)
            var k = 1
            while k < window {
                s = s + raw(k)
                k += 1
            }
        }
        for k in 0..<held {
            var index = head - 1 - k
            if index < 0 { index += capacity }
            storage[2 * index + 1] = storage[2 * index]
        }
        sum = s
        compensation = 0
    }
}

extension SumState {
    /// Adds `count` values of `source` with one fixed `length`, writing after each the
    /// sum of the last `length` values divided by `divisor` (1 for the sum itself, the
    /// length for `ta.sma`), or `na`, to `out` (`update(_:length:)` is one value). The
    /// state continues from where it stood and is left after the last value.
    public mutating func fill(
        _ source: UnsafePointer<Double>, count n: Int, length: Int, divisor: Double,
        into out: UnsafeMutablePointer<Double>
    ) {
        guard length > 0, length <= TAMath.maximumLength else {
            out.update(repeating: .nan, count: n)
            return
        }
        if length != self.length { setLength(length) }
        let cap = capacity
        var s = sum
        var c = compensation
        var head = self.head
        var held = self.held
        storage.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for i in 0..<n {
                let value = source[i]
                if value.isNaN {
                    out[i] = held >= length ? s / divisor : .nan
                    continue
                }
                let full = held >= length
                var leaving = head - length
                if leaving < 0 { leaving += cap }
                let slot = head
                base[2 * slot] = value
                var fires = false
                if c != 0 && value != 0 {
                    let b = abs(c)
                    let r = value + b
                    if r != 0 && r.isFinite { fires = b - (r - value) > 0 }
                }
                if fires {
                    let window = full ? length : held + 1
                    var total = value
                    var index = slot
                    var k = 1
                    while k < window {
                        index -= 1
                        if index < 0 { index += cap }
                        total = total + base[2 * index]
                        k += 1
                    }
                    s = total
                    c = 0
                    base[2 * slot + 1] = value
                } else if full {
                    let d0 = base[2 * leaving + 1]
                    let y1 = -d0 - c
                    let t = s + y1
                    let e1 = (t - s) - y1
                    let y2 = value - e1
                    let next = t + y2
                    c = (next - t) - y2
                    s = next
                    base[2 * slot + 1] = y2
                } else {
                    let y = value - c
                    let next = s + y
                    c = (next - s) - y
                    s = next
                    base[2 * slot + 1] = y
                }
                head = slot + 1 == cap ? 0 : slot + 1
                if held < cap { held += 1 }
                out[i] = held >= length ? s / divisor : .nan
            }
        }
        sum = s
        compensation = c
        self.head = head
        self.held = held
    }
}
