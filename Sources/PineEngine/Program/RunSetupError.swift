/// A run that cannot be set up as asked: reported before anything runs.
public enum RunSetupError: Error, Sendable, Equatable, CustomStringConvertible {
    case timeframeFinerThanData(script: String, data: String)
    case unknownMagnifier(String)
    case unknownDistribution(String)
    case realMagnifierNeedsFinerData
    case badSamples(Int)

    public var description: String {
        switch self {
        case .timeframeFinerThanData(let s, let d):
            return "the script timeframe \(s) is finer than the data's \(d): pfopt can only aggregate to coarser bars"
        case .unknownMagnifier(let m):
            return "unknown magnifier '\(m)' (use off, real, synthetic, or a distribution: uniform, cosine, triangle, endpoints, front_loaded, back_loaded)"
        case .unknownDistribution(let d):
            return "unknown magnifier distribution '\(d)' (use uniform, cosine, triangle, endpoints, front_loaded, back_loaded)"
        case .realMagnifierNeedsFinerData:
            return "--magnifier real needs data finer than the script timeframe (set a coarser --timeframe)"
        case .badSamples(let n):
            return "the synthetic magnifier needs at least 2 samples per bar, got \(n)"
        }
    }
}
