import Foundation

/// How the synthetic magnifier spreads its samples over a bar's path.
public enum MagnifierDistribution: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case uniform = 0
    case cosine = 1
    case triangle = 2
    case endpoints = 3
    case frontLoaded = 4
    case backLoaded = 5

    /// The names used on the command line and in configs.
    public var description: String {
        switch self {
        case .uniform: return "uniform"
        case .cosine: return "cosine"
        case .triangle: return "triangle"
        case .endpoints: return "endpoints"
        case .frontLoaded: return "front_loaded"
        case .backLoaded: return "back_loaded"
        }
    }

    /// Parses `uniform`, `cosine`, `triangle`, `endpoints`, `front_loaded`,
    /// `back_loaded` (hyphens accepted).
    public init?(name: String) {
        let n = name.lowercased().replacingOccurrences(of: "-", with: "_")
        guard let d = MagnifierDistribution.allCases.first(where: { $0.description == n }) else { return nil }
        self = d
    }
}
