/// The timeframe and the gaps of a series of bar times.
public struct IntervalDetection: Sendable, Equatable {
    /// The detected timeframe: the most common spacing, `nil` for fewer than two bars.
    public let timeframe: Timeframe?
    /// Every gap (spacing above the timeframe).
    public let gaps: [DataGap]

    /// Detects the timeframe and gaps of strictly increasing open times.
    public static func detect(_ times: [Int64]) -> IntervalDetection {
        guard times.count >= 2 else { return IntervalDetection(timeframe: nil, gaps: []) }
        var best: Int64 = times[1] - times[0]
        var bestCount = 0
        for i in 1..<times.count where times[i] - times[i - 1] == best { bestCount += 1 }
        if bestCount * 2 <= times.count - 1 {
            // No majority spacing: count them all.
            var counts: [Int64: Int] = [:]
            for i in 1..<times.count { counts[times[i] - times[i - 1], default: 0] += 1 }
            bestCount = 0
            for (diff, count) in counts where count > bestCount || (count == bestCount && diff < best) {
                best = diff
                bestCount = count
            }
        }
        let day = UTCCalendar.dayMilliseconds
        var frame: Timeframe?
        if best >= 28 * day && best <= 31 * day * 12 && isMonthly(times) {
            let months = monthIndex(times[1]) - monthIndex(times[0])
            frame = Timeframe(multiplier: Int(max(1, months)), unit: .months)
            var modeMonths: [Int64: Int] = [:]
            for i in 1..<times.count { modeMonths[monthIndex(times[i]) - monthIndex(times[i - 1]), default: 0] += 1 }
            if let m = modeMonths.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key {
                frame = Timeframe(multiplier: Int(max(1, m)), unit: .months)
            }
        } else if best % 1000 == 0 {
            frame = Timeframe(seconds: best / 1000)
        }
        guard let frame else { return IntervalDetection(timeframe: nil, gaps: []) }
        var gaps: [DataGap] = []
        for i in 1..<times.count {
            let missing: Int64
            if frame.isMonthly {
                missing = (monthIndex(times[i]) - monthIndex(times[i - 1])) / Int64(frame.multiplier) - 1
            } else {
                let step = frame.milliseconds
                missing = (times[i] - times[i - 1]) / step - 1
            }
            if missing > 0 {
                gaps.append(DataGap(afterIndex: i - 1, lastTime: times[i - 1], nextTime: times[i], missingBars: missing))
            }
        }
        return IntervalDetection(timeframe: frame, gaps: gaps)
    }

    static func monthIndex(_ ms: Int64) -> Int64 {
        let (y, m, _) = UTCCalendar.civil(days: UTCCalendar.dayNumber(ofMilliseconds: ms))
        return y * 12 + m - 1
    }

    /// True when every time is midnight on the first of a month.
    static func isMonthly(_ times: [Int64]) -> Bool {
        times.allSatisfy { t in
            UTCCalendar.floorMod(t, UTCCalendar.dayMilliseconds) == 0
                && UTCCalendar.civil(days: UTCCalendar.dayNumber(ofMilliseconds: t)).day == 1
        }
    }
}
