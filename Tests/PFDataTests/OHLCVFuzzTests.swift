import Foundation
import Testing

@testable import PFData

@Suite("OHLCV corruption fuzz")
struct OHLCVFuzzTests {
    enum Outcome { case refused(String), loaded(BarStore) }

    static func open(_ f: DamagedOHLCV) throws -> Outcome {
        try f.save()
        do {
            return .loaded(try BarStore.load(ohlcvPath: f.path))
        } catch {
            return .refused(String(describing: error))
        }
    }

    /// A located error names the file and a byte offset or a bar.
    static func isLocated(_ message: String, path: String) -> Bool {
        message.hasPrefix(path + ": byte ") || message.hasPrefix(path + ": bar ")
    }

    @Test("truncation, header and body bit flips, NaN/inf: a located error or bars that follow the rules, damage confined to the touched record")
    func corruption() throws {
        var rng = SplitMix64(state: 0x0F00_D5EED)
        let pristine = try DamagedOHLCV()
        let original = pristine.store
        var counts = (refused: 0, loaded: 0)
        for round in 0..<600 {
            var f = pristine
            let kind = round % 4
            var touched: Int? = nil
            switch kind {
            case 0:  // truncation anywhere before the end
                f.bytes = Array(f.bytes.prefix(Int.random(in: 0..<f.bytes.count, using: &rng)))
            case 1:  // one bit flipped in the header or column descriptors
                let at = Int.random(in: 0..<DamagedOHLCV.header, using: &rng)
                f.bytes[at] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &rng)
            case 2:  // one bit flipped in a record
                let at = Int.random(in: DamagedOHLCV.header..<f.bytes.count, using: &rng)
                f.bytes[at] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &rng)
                touched = (at - DamagedOHLCV.header) / DamagedOHLCV.record
            default:  // NaN or an infinity written into a price or volume field
                let bar = Int.random(in: 0..<original.count, using: &rng)
                let value = [Double.nan, .infinity, -.infinity].randomElement(using: &rng) ?? .nan
                switch Int.random(in: 0..<5, using: &rng) {
                case 0: f.putF64(value, at: DamagedOHLCV.at(bar, 8))
                case 4: f.putF64(value, at: DamagedOHLCV.at(bar, 28))
                case let k: f.putF32(Float(value), at: DamagedOHLCV.at(bar, 12 + 4 * k))
                }
                touched = bar
            }
            switch try Self.open(f) {
            case .refused(let message):
                counts.refused += 1
                #expect(Self.isLocated(message, path: f.path), "round \(round): unlocated error: \(message)")
            case .loaded(let store):
                counts.loaded += 1
                #expect(kind == 1 || kind == 2, "round \(round): damage of kind \(kind) was accepted")
                #expect(store.count == original.count, "round \(round): bar count changed")
                #expect(store.firstInvalidBar() == nil, "round \(round): a bar breaking the rules got through")
                for i in 0..<min(store.count, original.count) where i != touched {
                    #expect(store.time[i] == original.time[i], "round \(round): time of bar \(i) changed")
                    #expect(store.volume[i] == original.volume[i], "round \(round): volume of bar \(i) changed")
                    for (a, b) in [(store.open[i], original.open[i]), (store.high[i], original.high[i]),
                                   (store.low[i], original.low[i]), (store.close[i], original.close[i])] {
                        // A flipped tick grid can only change the snapping of the f32 deltas.
                        #expect(abs(a - b) <= abs(b) * 1e-6, "round \(round): bar \(i) price \(b) became \(a)")
                    }
                }
            }
        }
        // Both outcomes must occur, or the mutations test nothing.
        #expect(counts.refused > 100 && counts.loaded > 10)
    }
}
