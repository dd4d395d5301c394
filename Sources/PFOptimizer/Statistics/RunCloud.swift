import PineLanguage

/// Every finished run's objective and the levels of its searched inputs,
/// packed tightly (two bytes per input, eight per objective) so that a
/// million-run sweep stays in tens of megabytes.
public struct RunCloud: Sendable {
    public let axes: [SearchLevels]
    /// Run-major: `axes.count` levels per run.
    private(set) var levels: [UInt16] = []
    private(set) var objectives: [Double] = []

    public init(axes: [SearchLevels]) {
        self.axes = axes
    }

    /// The number of runs held.
    public var count: Int { objectives.count }

    /// Adds a run with a finite objective (others are not kept).
    public mutating func add(values: [InputValue], objective: Double) {
        guard objective.isFinite, values.count == axes.count else { return }
        var row: [UInt16] = []
        row.reserveCapacity(axes.count)
        for (axis, v) in zip(axes, values) {
            guard let l = axis.level(of: v) else { return }
            row.append(UInt16(l))
        }
        levels += row
        objectives.append(objective)
    }

    /// The level of input `axis` of run `run`.
    @inline(__always) public func level(_ run: Int, _ axis: Int) -> Int {
        Int(levels[run * axes.count + axis])
    }

    public func objective(_ run: Int) -> Double { objectives[run] }
}
