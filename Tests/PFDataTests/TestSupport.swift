import Foundation

@testable import PFData

/// Paths and scratch folders for the data tests.
enum TestPaths {
    /// The repository root.
    static var root: URL { RepositoryPaths.root }
    /// `Tests/Fixtures/data/<name>`.
    static func fixture(_ name: String) -> String { RepositoryPaths.fixture("data/" + name).path }
    /// The bundled real ETH/USDT 15m feed.
    static var feed: String { RepositoryPaths.bundledFeed.path }

    /// A fresh empty folder under the system temporary directory.
    static func scratch(_ label: String = "pfdata") throws -> String { try ScratchFolder(label: label).path }

    /// Writes text to `folder/name` and returns the path.
    @discardableResult
    static func write(_ text: String, _ name: String, in folder: String) throws -> String {
        let path = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}

/// A store of `count` 1-minute-spaced bars (or `step` ms apart) with prices on a 0.01 grid.
func makeStore(count: Int, start: Int64 = 1_704_067_200_000, step: Int64 = 60_000) -> BarStore {
    var bars: [OHLCVBar] = []
    var price = 100.0
    for i in 0..<count {
        let open = (price * 100).rounded() / 100
        let close = ((price + Double(i % 7) * 0.03 - 0.09) * 100).rounded() / 100
        let high = (max(open, close) * 100 + Double(i % 5)).rounded() / 100
        let low = (min(open, close) * 100 - Double(i % 3)).rounded() / 100
        bars.append(
            OHLCVBar(time: start + Int64(i) * step, open: open, high: high, low: low, close: close, volume: Double(i % 11) + 0.5))
        price = close
    }
    return BarStore(bars: bars)
}
