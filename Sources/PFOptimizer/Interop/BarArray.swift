import CPFABI
import Foundation
import PFData

/// The bars every handle of a sweep reads: one `pf_bar_t` array, built once, never written.
final class BarArray: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<pf_bar_t>
    let count: Int

    init(_ store: BarStore) {
        count = store.count
        pointer = .allocate(capacity: max(1, count))
        for i in 0..<count {
            pointer[i] = pf_bar_t(
                open: store.open[i], high: store.high[i], low: store.low[i], close: store.close[i],
                volume: store.volume[i], timestamp: store.time[i])
        }
    }

    deinit {
        pointer.deallocate()
    }
}
