import Foundation

/// The bar magnifier: how a script bar's price path is walked for fills.
public enum Magnifier: Sendable, Hashable {
    /// One 4-point path per script bar (open, first extreme, second extreme, close).
    case off
    /// Each source sub-bar of the script bar is walked through its own 4-point path.
    case realBars
    /// The bar's path sampled at `samples` points (at least 2).
    case synthetic(samples: Int, distribution: MagnifierDistribution)
}
