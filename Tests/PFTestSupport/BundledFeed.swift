import Foundation
import PFData

/// The bundled ETH/USDT 15-minute feed as columns, read once per test process.
public enum BundledFeed {
    /// A line of the feed that is not `timestamp,open,high,low,close,volume`.
    public struct Unreadable: Error, CustomStringConvertible {
        public var description: String
    }

    /// Every bar of the feed.
    public static func store() throws -> BarStore {
        try cached.get()
    }

    /// The feed's first `n` bars.
    public static func prefix(_ n: Int) throws -> BarStore {
        let full = try store()
        return BarStore(
            time: Array(full.time.prefix(n)), open: Array(full.open.prefix(n)), high: Array(full.high.prefix(n)),
            low: Array(full.low.prefix(n)), close: Array(full.close.prefix(n)), volume: Array(full.volume.prefix(n)))
    }

    private static let cached: Result<BarStore, any Error> = Result { try read(RepositoryPaths.bundledFeed) }

    private static func read(_ url: URL) throws -> BarStore {
        let text = try String(contentsOf: url, encoding: .utf8)
        var t: [Int64] = [], o: [Double] = [], h: [Double] = [], l: [Double] = [], c: [Double] = [], v: [Double] = []
        for (number, line) in text.split(whereSeparator: \.isNewline).enumerated().dropFirst() {
            let f = line.split(separator: ",")
            guard f.count >= 6, let time = Int64(f[0]), let open = Double(f[1]), let high = Double(f[2]),
                let low = Double(f[3]), let close = Double(f[4]), let volume = Double(f[5])
            else { throw Unreadable(description: "\(url.path):\(number + 1): not a bar line") }
            t.append(time)
            o.append(open)
            h.append(high)
            l.append(low)
            c.append(close)
            v.append(volume)
        }
        guard !t.isEmpty else { throw Unreadable(description: "\(url.path): no bars") }
        return BarStore(time: t, open: o, high: h, low: l, close: c, volume: v)
    }
}
