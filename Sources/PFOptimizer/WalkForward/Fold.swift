import PFData

/// One walk-forward fold: an in-sample window to optimize on and the
/// out-of-sample window after it (times in Unix ms, ends exclusive).
public struct Fold: Sendable, Equatable, CustomStringConvertible {
    /// 1-based fold number.
    public var number: Int
    public var inSampleStart: Int64
    public var inSampleEnd: Int64
    public var outOfSampleStart: Int64
    public var outOfSampleEnd: Int64

    public init(number: Int, inSampleStart: Int64, inSampleEnd: Int64, outOfSampleStart: Int64, outOfSampleEnd: Int64) {
        self.number = number
        self.inSampleStart = inSampleStart
        self.inSampleEnd = inSampleEnd
        self.outOfSampleStart = outOfSampleStart
        self.outOfSampleEnd = outOfSampleEnd
    }

    public var description: String {
        "fold \(number): in-sample \(Self.iso(inSampleStart)) .. \(Self.iso(inSampleEnd)), "
            + "out-of-sample \(Self.iso(outOfSampleStart)) .. \(Self.iso(outOfSampleEnd))"
    }

    static func iso(_ t: Int64) -> String { UTCCalendar.isoString(milliseconds: t) }

    /// Window lengths in days.
    var inSampleDays: Double { Double(inSampleEnd - inSampleStart) / 86_400_000 }
    var outOfSampleDays: Double { Double(outOfSampleEnd - outOfSampleStart) / 86_400_000 }
}
