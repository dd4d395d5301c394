import Foundation
import Testing

import PineEngine

/// Behaviour of the `ta.*` states beyond the TradingView exports: the ring buffer, `na`
/// handling, bad and changing lengths, and long-run accuracy of the O(1) machines on the
/// bundled ETH/USDT feed.
@Suite("ta.* state behaviour")
struct TAStateBehaviourTests {
    @Test func ringBufferPushEvictAndResize() {
        var ring = TARingBuffer(capacity: 3)
        #expect(ring[0].isNaN)
        let v14 = ring.push(1)
        #expect(v14 == nil)
        let v15 = ring.push(2)
        #expect(v15 == nil)
        let v16 = ring.push(3)
        #expect(v16 == nil)
        #expect(ring.isFull)
        let v18 = ring.push(4)
        #expect(v18 == 1)
        #expect(ring[0] == 4 && ring[1] == 3 && ring[2] == 2)
        #expect(ring[3].isNaN && ring[-1].isNaN)
        ring.resize(capacity: 5)
        #expect(ring.count == 3 && ring[0] == 4 && ring[2] == 2)
        ring.push(5)
        ring.push(6)
        let v25 = ring.push(7)
        #expect(v25 == 2)
        ring.resize(capacity: 2)
        #expect(ring.count == 2 && ring[0] == 7 && ring[1] == 6)
        var empty = TARingBuffer()
        let v29 = empty.push(9)
        #expect(v29 == 9)
        #expect(empty.count == 0)
    }

    @Test func invalidOrHugeLengthsGiveNaNotACrash() {
        for length in [0, -1, -50, 200_000] {
            var sma = SMAState(), ema = EMAState(), rma = RMAState(), wma = WMAState()
            var hma = HMAState(), alma = ALMAState(), lin = LinRegState(), rsi = RSIState()
            var stdev = StdevState(), dev = DevState(), hi = HighestState()
            var hib = HighestBarsState()
            var med = MedianState(), mode = ModeState(), rank = PercentRankState()
            var rci = RCIState(), cog = COGState(), corr = CorrelationState()
            var atr = ATRState(), stoch = StochState(), wpr = WPRState(), rng = RangeState()
            var pnr = PercentileNearestRankState(), pli = PercentileLinearInterpolationState()
            var rise = RisingState(), roc = ROCState(), vw = ValueWhenState()
            for bar in 0..<30 {
                let x = 100 + Double(bar % 5)
                let values = [
                    sma.update(x, length: length), ema.update(x, length: length),
                    rma.update(x, length: length), wma.update(x, length: length),
                    hma.update(x, length: length),
                    alma.update(x, length: length, offset: 0.85, sigma: 6),
                    lin.update(x, length: length, offset: 0), rsi.update(x, length: length),
                    stdev.update(x, length: length), dev.update(x, length: length),
                    hi.update(x, length: length), hib.update(x, length: length),
                    med.update(x, length: length), mode.update(x, length: length),
                    rank.update(x, length: length), rci.update(x, length: length),
                    cog.update(x, length: length), corr.update(x, x * 2, length: length),
                    atr.update(length: length, high: x + 1, low: x - 1, close: x),
                    stoch.update(x, high: x + 1, low: x - 1, length: length),
                    wpr.update(length: length, high: x + 1, low: x - 1, close: x),
                    rng.update(x, length: length),
                    pnr.update(x, length: length, percentage: 50),
                    pli.update(x, length: length, percentage: 50),
                    roc.update(x, length: length - 1),  // 0 is a valid offset for roc
                    vw.update(true, x, occurrence: length - 1),  // occurrence 0 is valid
                ]
                let allNA = values.allSatisfy { $0.isNaN }
                #expect(allNA, "length \(length) bar \(bar)")
                let v66 = rise.update(x, length: length)
                #expect(!v66)
            }
        }
    }

    @Test func smaSkipsNAValues() {
        var sma = SMAState()
        let inputs: [Double] = [1, 2, .nan, 3, 4]
        let outputs = inputs.map { sma.update($0, length: 3) }
        #expect(outputs[0].isNaN && outputs[1].isNaN)
        #expect(outputs[2].isNaN)  // window not yet full: the standing sum is still na
        #expect(outputs[3] == 2)  // (1 + 2 + 3) / 3: the na bar is not part of the window
        #expect(outputs[4] == 3)
        let v79 = sma.update(.nan, length: 3)
        #expect(v79 == 3)  // an na bar reports the standing average
    }

    @Test func emaSkipsNABarsWhole() {
        var ema = EMAState()
        let v84 = ema.update(1, length: 2)
        #expect(v84.isNaN)
        let v85 = ema.update(.nan, length: 2)
        #expect(v85.isNaN)
        let v86 = ema.update(3, length: 2)
        #expect(v86 == 2)  // seeded with sma(1, 3)
        let v87 = ema.update(.nan, length: 2)
        #expect(v87.isNaN)
        // alpha = 2/3: 2 + 2/3 * (5 - 2) = 4
        let v89 = ema.update(5, length: 2)
        #expect(abs(v89 - 4) < 1e-12)
    }

    @Test func crossoverRemembersRelationAcrossNAGaps() {
        var over = CrossoverState()
        let v94 = over.update(1, 2)
        #expect(!v94)
        let v95 = over.update(.nan, 2)
        #expect(!v95)
        let v96 = over.update(3, 2)
        #expect(v96)  // 1 <= 2 on the last bar where both were defined
        var fresh = CrossoverState()
        let v98 = fresh.update(3, 2)
        #expect(!v98)  // no previous relation on the first defined bar
    }

    @Test func changingLengthsFollowTheNewWindow() {
        // A ramp 0, 1, 2, ...: the average of the last L values is x - (L - 1) / 2.
        var sma = SMAState()
        var hi = HighestState()
        var lo = LowestBarsState()
        var sum = SumState()
        for bar in 0..<200 {
            let x = Double(bar)
            let length = 5 + (bar / 10) % 7  // 5...11, changing every 10 bars
            let average = sma.update(x, length: length)
            let highest = hi.update(-abs(x - 100), length: length)
            let lowestBars = lo.update(x, length: length)
            let total = sum.update(x, length: length)
            if bar >= 11 {
                #expect(abs(average - (x - Double(length - 1) / 2)) < 1e-9, "bar \(bar)")
                #expect(lowestBars == -Double(length - 1), "bar \(bar)")
                #expect(abs(total - Double(length) * (x - Double(length - 1) / 2)) < 1e-9)
                var expected = -Double.infinity
                for k in 0..<length { expected = max(expected, -abs(x - Double(k) - 100)) }
                #expect(highest == expected, "bar \(bar)")
            }
        }
    }

    /// Series lengths that jump up and down: every windowed state must describe exactly the
    /// last `length` bars of the history (kept for the largest length used so far).
    @Test func jumpingLengthsMatchNaiveWindows() {
        var seed: UInt64 = 7
        func next() -> UInt64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return seed >> 33
        }
        var history: [Double] = []
        var sum = SumState(), hi = HighestState(), lo = LowestBarsState(), med = MedianState()
        var wma = WMAState(), lin = LinRegState(), mode = ModeState()
        var length = 10
        for bar in 0..<600 {
            if bar % 7 == 0 { length = 1 + Int(next() % 30) }
            let x = Double(next() % 50)  // small integers: ties and exact sums
            history.append(x)
            let s = sum.update(x, length: length)
            let h = hi.update(x, length: length)
            let lb = lo.update(x, length: length)
            let m = med.update(x, length: length)
            let w = wma.update(x, length: length)
            let l = lin.update(x, length: length, offset: 0)
            let md = mode.update(x, length: length)
            guard history.count >= length else {
                #expect(s.isNaN && h.isNaN && m.isNaN && w.isNaN, "bar \(bar)")
                continue
            }
            let window = Array(history.suffix(length))  // oldest first
            #expect(s == window.reduce(0, +), "sum bar \(bar) length \(length)")
            #expect(h == window.max(), "highest bar \(bar) length \(length)")
            let minimum = window.min() ?? .nan
            let oldestMinimum = window.firstIndex(of: minimum) ?? 0
            #expect(lb == Double(oldestMinimum - (length - 1)), "lowestbars bar \(bar)")
            let sorted = window.sorted()
            let median =
                length % 2 == 1
                ? sorted[length / 2] : (sorted[length / 2 - 1] + sorted[length / 2]) / 2
            #expect(m == median, "median bar \(bar) length \(length)")
            var counts: [Double: Int] = [:]
            for v in window { counts[v, default: 0] += 1 }
            let best = counts.max { a, b in
                a.value < b.value || (a.value == b.value && a.key > b.key)
            }
            #expect(md == best?.key, "mode bar \(bar) length \(length)")
            var num = 0.0, den = 0.0
            for (i, v) in window.enumerated() {
                num += v * Double(i + 1)
                den += Double(i + 1)
            }
            #expect(abs(w - num / den) < 1e-9, "wma bar \(bar) length \(length)")
            if length > 1 {
                let n = Double(length)
                let xMean = (n + 1) / 2
                let yMean = window.reduce(0, +) / n
                var sxy = 0.0, sxx = 0.0
                for (i, v) in window.enumerated() {
                    sxy += (Double(i + 1) - xMean) * (v - yMean)
                    sxx += (Double(i + 1) - xMean) * (Double(i + 1) - xMean)
                }
                let fitted = yMean + sxy / sxx * (n - xMean)
                #expect(abs(l - fitted) < 1e-7, "linreg bar \(bar) length \(length)")
            }
        }
    }

    @Test func valueWhenRecordsOnlyMatchingBars() {
        var vw = ValueWhenState()
        let inputs: [(Bool, Double)] = [
            (true, 10), (false, 15), (true, 20), (false, 30), (true, .nan), (false, 50),
        ]
        let outputs = inputs.map { vw.update($0.0, $0.1, occurrence: 1) }
        #expect(outputs[0].isNaN && outputs[1].isNaN)
        #expect(outputs[2] == 10 && outputs[3] == 10)
        #expect(outputs[4] == 20 && outputs[5] == 20)  // an na source still counts as a match
    }

    @Test func momentumRateOfChangeAndCounters() {
        var mom = MomState(), roc = ROCState(), since = BarsSinceState(), cum = CumState()
        var changed = ChangeState()
        let closes: [Double] = [10, 11, 12.5, 12, .nan, 15]
        var moms: [Double] = [], rocs: [Double] = [], counts: [Double] = [], totals: [Double] = []
        for (bar, x) in closes.enumerated() {
            moms.append(mom.update(x, length: 2))
            rocs.append(roc.update(x, length: 2))
            counts.append(since.update(bar == 1 || bar == 4))
            totals.append(cum.update(x))
        }
        #expect(moms[0].isNaN && moms[1].isNaN && moms[2] == 2.5 && moms[3] == 1)
        #expect(moms[4].isNaN && moms[5] == 3)
        #expect(rocs[2] == 25 && abs(rocs[3] - 100.0 / 11) < 1e-12 && rocs[5] == 25)
        #expect(counts[0].isNaN && counts[1] == 0 && counts[3] == 2 && counts[4] == 0)
        #expect(counts[5] == 1)
        #expect(totals[0] == 10 && totals[3] == 45.5 && totals[4] == 45.5 && totals[5] == 60.5)
        let flips = [false, false, true, true, false].map { changed.update($0) }
        #expect(flips == [false, false, true, false, true])
    }

    @Test func swmaAndSumWindows() {
        var swma = SWMAState(), sum = SumState()
        let xs: [Double] = [6, 12, 18, 24, 30]
        let smoothed = xs.map { swma.update($0) }
        #expect(smoothed[0].isNaN && smoothed[2].isNaN)
        // (6 + 2 * 12 + 2 * 18 + 24) / 6 = 15
        #expect(abs(smoothed[3] - 15) < 1e-12 && abs(smoothed[4] - 21) < 1e-12)
        let sums = xs.map { sum.update($0, length: 2) }
        #expect(sums[0].isNaN && sums[1] == 18 && sums[4] == 54)
    }

    /// Closes, highs and lows of the bundled 53,929-bar ETH/USDT 15m feed.
    private func ethFeed() throws -> (high: [Double], low: [Double], close: [Double]) {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("sweeps/data/ETHUSDT-PERP_15m.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        var high: [Double] = [], low: [Double] = [], close: [Double] = []
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",")
            guard fields.count >= 5, let h = Double(fields[2]), let l = Double(fields[3]),
                let c = Double(fields[4])
            else { continue }
            high.append(h)
            low.append(l)
            close.append(c)
        }
        return (high, low, close)
    }

    @Test func longRunAccuracyOnTheETHFeed() throws {
        let feed = try ethFeed()
        let n = feed.close.count
        #expect(n == 53_929)
        var sma = SMAState(), stdev = StdevState(), hi = HighestState(), lo = LowestState()
        var hib = HighestBarsState(), wma = WMAState(), median = MedianState()
        var worstSMA = 0.0, worstStdev = 0.0
        for i in 0..<n {
            let s = sma.update(feed.close[i], length: 50)
            let d = stdev.update(feed.close[i], length: 20)
            let h = hi.update(feed.high[i], length: 100)
            let l = lo.update(feed.low[i], length: 100)
            let hb = hib.update(feed.high[i], length: 100)
            let w = wma.update(feed.close[i], length: 30)
            let m = median.update(feed.close[i], length: 21)
            guard i >= 99 else { continue }
            // Naive references over the same windows.
            var total = 0.0
            for k in (i - 49)...i { total += feed.close[k] }
            worstSMA = max(worstSMA, abs(s - total / 50) / (total / 50))
            var mean = 0.0
            for k in (i - 19)...i { mean += feed.close[k] }
            mean /= 20
            var squares = 0.0
            for k in (i - 19)...i { squares += (feed.close[k] - mean) * (feed.close[k] - mean) }
            let naive = (squares / 20).squareRoot()
            worstStdev = max(worstStdev, abs(d - naive) / max(naive, 1.0))
            var maxHigh = -Double.infinity, minLow = Double.infinity, maxAt = 0
            for k in (i - 99)...i {
                if feed.high[k] > maxHigh {
                    maxHigh = feed.high[k]
                    maxAt = k
                }
                minLow = min(minLow, feed.low[k])
            }
            #expect(h == maxHigh && l == minLow)
            #expect(hb == Double(maxAt - i))
            var num = 0.0, den = 0.0
            for k in 0..<30 {
                num += feed.close[i - k] * Double(30 - k)
                den += Double(30 - k)
            }
            #expect(abs(w - num / den) <= 1e-9 * abs(num / den))
            let window = feed.close[(i - 20)...i].sorted()
            #expect(m == window[10])
        }
        #expect(worstSMA < 1e-12, "sma drift \(worstSMA)")
        #expect(worstStdev < 1e-6, "stdev error \(worstStdev)")
    }
}

/// Filling a whole column at once gives the bar-by-bar sums bit for bit (the state carries
/// over between calls).
@Suite struct SumStateFillTests {
    @Test(arguments: [1, 2, 5, 20, 200])
    func fillEqualsUpdate(length: Int) {
        var seed: UInt64 = 7
        var values: [Double] = []
        for i in 0..<3000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let r = Double(seed >> 11) / Double(1 << 53)
            // Prices with cents, a few na, a few zeros and huge jumps (they re-baseline the sum).
            if i % 97 == 5 { values.append(.nan) } else if i % 211 == 3 { values.append(0) } else if i % 503 == 7 {
                values.append(1e12 * r)
            } else {
                values.append((2000 + 400 * r * 100).rounded() / 100)
            }
        }
        var bar = SumState()
        var expected: [Double] = []
        for v in values {
            let s = bar.update(v, length: length)
            expected.append(s.isNaN ? .nan : s / Double(length))
        }
        var column = SumState()
        var got = [Double](repeating: 0, count: values.count)
        values.withUnsafeBufferPointer { src in
            got.withUnsafeMutableBufferPointer { out in
                if let s = src.baseAddress, let o = out.baseAddress {
                    column.fill(s, count: values.count, length: length, divisor: Double(length), into: o)
                }
            }
        }
        let same = zip(expected, got).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
        #expect(same)
        #expect(expected.contains { !$0.isNaN })
        // The state carries on identically after the column.
        #expect(bar.update(2100.5, length: length).bitPattern == column.update(2100.5, length: length).bitPattern)
    }
}
