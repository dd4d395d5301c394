import Foundation

/// Where the tests find the repository's files: fixtures are always under
/// `Tests/Fixtures` (tests never read anything outside the repository).
public enum RepositoryPaths {
    /// The repository root, found from this file's path.
    public static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures/<relativePath>`.
    public static func fixture(_ relativePath: String) -> URL {
        root.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relativePath)
    }

    /// The bundled ETH/USDT perpetual 15-minute feed (53,929 bars).
    public static let bundledFeed: URL = root.appendingPathComponent("sweeps/data/ETHUSDT-PERP_15m.csv")
}
