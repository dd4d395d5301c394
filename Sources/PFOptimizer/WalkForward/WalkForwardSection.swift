/// `[walkforward]`: how the data range is cut into folds.
public struct WalkForwardSection: Sendable, Equatable {
    public enum Mode: String, Sendable, Equatable {
        /// Fixed in-sample length, moving forward by `step`.
        case rolling
        /// In-sample always starts at the beginning and grows by `step`.
        case anchored
    }

    public var mode: Mode
    public var inSample: WindowLength
    public var outOfSample: WindowLength
    /// How far each fold moves; default: `outOfSample`.
    public var step: WindowLength
    /// An embargo between in-sample end and out-of-sample start.
    public var gap: WindowLength
    /// History required before the first in-sample window.
    public var warmup: WindowLength

    public init(
        mode: Mode, inSample: WindowLength, outOfSample: WindowLength, step: WindowLength? = nil,
        gap: WindowLength = .days(0), warmup: WindowLength = .days(0)
    ) {
        self.mode = mode
        self.inSample = inSample
        self.outOfSample = outOfSample
        self.step = step ?? outOfSample
        self.gap = gap
        self.warmup = warmup
    }
}
