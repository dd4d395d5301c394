import PFData

/// Cuts a data range into walk-forward folds.
public enum FoldSplitter {
    /// The folds of `section` over bars opening at `barTimes`, restricted to
    /// [`from`, `to`) when given.
    ///
    /// The first in-sample window starts `warmup` after the first bar (or at
    /// `from`, if later), so every window has at least `warmup` of history
    /// before it. Rolling: each fold moves the in-sample window by `step`.
    /// Anchored: the in-sample window keeps its start and grows by `step`.
    /// The out-of-sample window follows the in-sample end after `gap`. Folds
    /// whose out-of-sample window would pass the end of the data are dropped;
    /// no fold at all is an error.
    public static func folds(
        _ section: WalkForwardSection, barTimes: [Int64], from: Int64? = nil, to: Int64? = nil
    ) throws(SweepError) -> [Fold] {
        guard let first = barTimes.first, let last = barTimes.last else {
            throw .windowsDoNotFit("walk-forward: the data has no bars")
        }
        let interval = barTimes.count > 1 ? last - barTimes[barTimes.count - 2] : 0
        let dataEnd = min(to ?? Int64.max, last + interval)
        let warmStart = section.warmup.advance(first, barTimes: barTimes) ?? Int64.max
        let start = max(warmStart, from ?? first)
        var folds: [Fold] = []
        guard let firstISEnd = section.inSample.advance(start, barTimes: barTimes) else {
            throw notFit(section, start: start, dataEnd: dataEnd)
        }
        var k = 0
        scan: while folds.count < 100_000 {
            let isStart: Int64
            let isEnd: Int64
            switch section.mode {
            case .rolling:
                guard let s = section.step.advance(start, by: k, barTimes: barTimes),
                      let e = section.inSample.advance(s, barTimes: barTimes) else { break scan }
                isStart = s
                isEnd = e
            case .anchored:
                guard let e = section.step.advance(firstISEnd, by: k, barTimes: barTimes) else { break scan }
                isStart = start
                isEnd = e
            }
            guard let oosStart = section.gap.advance(isEnd, barTimes: barTimes),
                  let oosEnd = section.outOfSample.advance(oosStart, barTimes: barTimes),
                  oosEnd <= dataEnd, oosEnd > oosStart, isEnd > isStart
            else { break scan }
            folds.append(Fold(number: folds.count + 1, inSampleStart: isStart, inSampleEnd: isEnd,
                              outOfSampleStart: oosStart, outOfSampleEnd: oosEnd))
            k += 1
        }
        if folds.isEmpty { throw notFit(section, start: start, dataEnd: dataEnd) }
        return folds
    }

    private static func notFit(_ s: WalkForwardSection, start: Int64, dataEnd: Int64) -> SweepError {
        let startText = start == Int64.max ? "after the warm-up" : Fold.iso(start)
        return .windowsDoNotFit(
            "walk-forward windows do not fit the data: warmup \(s.warmup) + in_sample \(s.inSample) + gap \(s.gap) "
                + "+ out_of_sample \(s.outOfSample) starting \(startText) run past the end of the data "
                + "(\(Fold.iso(dataEnd))); shorten the windows or use more data")
    }
}
