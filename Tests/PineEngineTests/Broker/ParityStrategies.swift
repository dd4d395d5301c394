import Foundation
import PineEngine
import Testing

// Hand-written Swift equivalents of the parity cases' Pine strategies
// (Tests/Fixtures/parity/cases/*/strategy.pine), used to validate the broker
// before the compiler exists.

/// Pine float comparisons: values within 1e-10 are equal; na compares false.
@inline(__always) func pineGT(_ a: Double, _ b: Double) -> Bool { a > b && abs(a - b) >= 1e-10 }
@inline(__always) func pineLT(_ a: Double, _ b: Double) -> Bool { a < b && abs(a - b) >= 1e-10 }
@inline(__always) func pineEQ(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-10 }
/// `math.round`: nearest integer, ties away from zero.
@inline(__always) func pineRound(_ x: Double) -> Double { x.rounded(.toNearestOrAwayFromZero) }

/// `ta.highest/lowest(src, n)[1]`: the previous bar's value.
struct Lagged {
    var previous = Double.nan
    mutating func next(_ current: Double) -> Double {
        defer { previous = current }
        return previous
    }
}

func properties(_ pairs: [(String, String)]) -> StrategyProperties {
    var p = StrategyProperties()
    for (k, v) in pairs {
        do {
            try p.apply(override: k, value: v)
        } catch {
            Issue.record("a parity strategy's setting \(k)=\(v) is refused: \(error)")
        }
    }
    return p
}

/// Case a: always-in SMA flip.
final class CaseA: BarScript {
    static let props = properties([("initial_capital", "100000"), ("default_qty_type", "strategy.fixed"), ("default_qty_value", "1")])
    let fastLen: Int
    let slowLen: Int
    var fast = SMAState()
    var slow = SMAState()
    var over = CrossoverState()
    var under = CrossunderState()
    init(_ inputs: [String: Double]) {
        fastLen = Int(inputs["fastLen"] ?? 10)
        slowLen = Int(inputs["slowLen"] ?? 30)
    }
    func onBar(_ bar: ScriptBar, broker: Broker) throws {
        let f = fast.update(bar.close, length: fastLen)
        let s = slow.update(bar.close, length: slowLen)
        let goLong = over.update(f, s)
        let goShort = under.update(f, s)
        if goLong { broker.entry("Long", direction: .long) }
        if goShort { broker.entry("Short", direction: .short) }
    }
}

/// Case b: EMA cross with a tick bracket, qty 2, cash-per-order commission.
final class CaseB: BarScript {
    static let props = properties([
        ("initial_capital", "100000"), ("default_qty_type", "strategy.fixed"), ("default_qty_value", "2"),
        ("commission_type", "strategy.commission.cash_per_order"), ("commission_value", "1"),
    ])
    let fastLen: Int
    let slowLen: Int
    let tp: Double
    let sl: Double
    var fast = EMAState()
    var slow = EMAState()
    var over = CrossoverState()
    var under = CrossunderState()
    init(_ inputs: [String: Double]) {
        fastLen = Int(inputs["emaFastLen"] ?? 12)
        slowLen = Int(inputs["emaSlowLen"] ?? 26)
        tp = inputs["tpTicks"] ?? 3000
        sl = inputs["slTicks"] ?? 1500
    }
    func onBar(_ bar: ScriptBar, broker: Broker) throws {
        let f = fast.update(bar.close, length: fastLen)
        let s = slow.update(bar.close, length: slowLen)
        let bull = over.update(f, s)
        let bear = under.update(f, s)
        if bull { broker.entry("EL", direction: .long) }
        if bear { broker.entry("ES", direction: .short) }
        broker.exit("XL", fromEntry: "EL", profit: tp, loss: sl)
        broker.exit("XS", fromEntry: "ES", profit: tp, loss: sl)
    }
}

/// Case f: ATR-sized trailing exit.
final class CaseF: BarScript {
    static let props = properties([("initial_capital", "100000"), ("default_qty_type", "strategy.fixed"), ("default_qty_value", "1")])
    let trendLen: Int
    let atrLen: Int
    let activateAtr: Double
    let offsetAtr: Double
    let stopAtr: Double
    var ema = EMAState()
    var atr = ATRState()
    var over = CrossoverState()
    var under = CrossunderState()
    var tradeAtrTicks = Double.nan
    init(_ inputs: [String: Double]) {
        trendLen = Int(inputs["trendLen"] ?? 50)
        atrLen = Int(inputs["atrLen"] ?? 14)
        activateAtr = inputs["activateAtr"] ?? 1.5
        offsetAtr = inputs["offsetAtr"] ?? 1.0
        stopAtr = inputs["stopAtr"] ?? 3.0
    }
    func onBar(_ bar: ScriptBar, broker: Broker) throws {
        let trend = ema.update(bar.close, length: trendLen)
        let atrVal = atr.update(length: atrLen, high: bar.high, low: bar.low, close: bar.close)
        let upCross = over.update(bar.close, trend)
        let downCross = under.update(bar.close, trend)
        let canEnter = pineEQ(broker.positionSize, 0) && !atrVal.isNaN
        if canEnter && (upCross || downCross) {
            tradeAtrTicks = atrVal / 0.01
            if upCross { broker.entry("TL", direction: .long) } else { broker.entry("TS", direction: .short) }
        }
        if !tradeAtrTicks.isNaN {
            let pts = pineRound(tradeAtrTicks * activateAtr)
            let off = pineRound(tradeAtrTicks * offsetAtr)
            let loss = pineRound(tradeAtrTicks * stopAtr)
            broker.exit("TLx", fromEntry: "TL", loss: loss, trailPoints: pts, trailOffset: off)
            broker.exit("TSx", fromEntry: "TS", loss: loss, trailPoints: pts, trailOffset: off)
        }
    }
}

/// Case g: Donchian stop entries, cancel, exit-channel stop.
final class CaseG: BarScript {
    static let props = properties([("initial_capital", "100000"), ("default_qty_type", "strategy.fixed"), ("default_qty_value", "1")])
    let entryLen: Int
    let exitLen: Int
    var hiE = HighestState()
    var loE = LowestState()
    var hiX = HighestState()
    var loX = LowestState()
    var lagHiE = Lagged()
    var lagLoE = Lagged()
    var lagHiX = Lagged()
    var lagLoX = Lagged()
    init(_ inputs: [String: Double]) {
        entryLen = Int(inputs["entryLen"] ?? 40)
        exitLen = Int(inputs["exitLen"] ?? 15)
    }
    func onBar(_ bar: ScriptBar, broker: Broker) throws {
        let chanHigh = lagHiE.next(hiE.update(bar.high, length: entryLen))
        let chanLow = lagLoE.next(loE.update(bar.low, length: entryLen))
        let exitHigh = lagHiX.next(hiX.update(bar.high, length: exitLen))
        let exitLow = lagLoX.next(loX.update(bar.low, length: exitLen))
        let pos = broker.positionSize
        if pineEQ(pos, 0) && !chanHigh.isNaN {
            broker.entry("DonL", direction: .long, stop: chanHigh + 0.01)
            broker.entry("DonS", direction: .short, stop: chanLow - 0.01)
        }
        if pineGT(pos, 0) {
            broker.cancel("DonS")
            broker.exit("DonLx", fromEntry: "DonL", stop: exitLow)
        }
        if pineLT(pos, 0) {
            broker.cancel("DonL")
            broker.exit("DonSx", fromEntry: "DonS", stop: exitHigh)
        }
    }
}

/// Case h: limit pullback entry, stale cancel, stop exit, strategy.close.
final class CaseH: BarScript {
    static let props = properties([("initial_capital", "100000"), ("default_qty_type", "strategy.fixed"), ("default_qty_value", "1")])
    let trendLen: Int
    let pullPct: Double
    let staleBars: Int
    let stopPct: Double
    var sma = SMAState()
    var under = CrossunderState()
    var orderLive = false
    var orderAge = 0
    var orderPrice = Double.nan
    init(_ inputs: [String: Double]) {
        trendLen = Int(inputs["trendLen"] ?? 100)
        pullPct = inputs["pullPct"] ?? 0.5
        staleBars = Int(inputs["staleBars"] ?? 8)
        stopPct = inputs["stopPct"] ?? 1.5
    }
    func onBar(_ bar: ScriptBar, broker: Broker) throws {
        let trend = sma.update(bar.close, length: trendLen)
        let trendLost = under.update(bar.close, trend)
        let pos = broker.positionSize
        if pineGT(pos, 0) {
            orderLive = false
            broker.exit("PBstop", fromEntry: "PB", stop: orderPrice * (1 - stopPct / 100))
            if trendLost { broker.close("PB", comment: "trend lost") }
        } else if orderLive {
            orderAge += 1
            if orderAge >= staleBars {
                broker.cancel("PB")
                orderLive = false
            }
        } else if pineGT(bar.close, trend) {
            orderPrice = pineRound(bar.close * (1 - pullPct / 100) / 0.01) * 0.01
            broker.entry("PB", direction: .long, limit: orderPrice)
            orderLive = true
            orderAge = 0
        }
    }
}

/// Case j: pyramiding breakouts, percent of equity, percent commission, slippage.
final class CaseJ: BarScript {
    static let props = properties([
        ("initial_capital", "100000"), ("default_qty_type", "strategy.percent_of_equity"), ("default_qty_value", "10"),
        ("pyramiding", "3"), ("commission_type", "strategy.commission.percent"), ("commission_value", "0.05"),
        ("slippage", "2"),
    ])
    let lookback: Int
    let baseLen: Int
    var hi = HighestState()
    var lo = LowestState()
    var lagHi = Lagged()
    var lagLo = Lagged()
    var sma = SMAState()
    init(_ inputs: [String: Double]) {
        lookback = Int(inputs["lookback"] ?? 24)
        baseLen = Int(inputs["baseLen"] ?? 96)
    }
    func onBar(_ bar: ScriptBar, broker: Broker) throws {
        let priorHigh = lagHi.next(hi.update(bar.close, length: lookback))
        let priorLow = lagLo.next(lo.update(bar.close, length: lookback))
        let base = sma.update(bar.close, length: baseLen)
        let c = bar.close
        if pineGT(c, priorHigh) && pineGT(c, base) { broker.entry("Up", direction: .long) }
        if pineLT(c, priorLow) && pineLT(c, base) { broker.entry("Down", direction: .short) }
        if pineGT(broker.positionSize, 0) && pineLT(c, base) { broker.close("Up", comment: "below base") }
        if pineLT(broker.positionSize, 0) && pineGT(c, base) { broker.close("Down", comment: "above base") }
    }
}

/// Case n: CCI re-entries with a bracket from position_avg_price, cash sizing.
final class CaseN: BarScript {
    static let props = properties([
        ("initial_capital", "100000"), ("default_qty_type", "strategy.cash"), ("default_qty_value", "5000"),
        ("commission_type", "strategy.commission.percent"), ("commission_value", "0.04"),
    ])
    let cciLen: Int
    let cciLevel: Double
    let targetPct: Double
    let stopPct: Double
    var cci = CCIState()
    var over = CrossoverState()
    var under = CrossunderState()
    init(_ inputs: [String: Double]) {
        cciLen = Int(inputs["cciLen"] ?? 20)
        cciLevel = inputs["cciLevel"] ?? 100
        targetPct = inputs["targetPct"] ?? 1.2
        stopPct = inputs["stopPct"] ?? 0.8
    }
    func onBar(_ bar: ScriptBar, broker: Broker) throws {
        let v = cci.update(bar.close, length: cciLen)
        let reLong = over.update(v, -cciLevel)
        let reShort = under.update(v, cciLevel)
        if pineEQ(broker.positionSize, 0) {
            if reLong {
                broker.entry("CciL", direction: .long)
            } else if reShort {
                broker.entry("CciS", direction: .short)
            }
        }
        let avgPx = broker.positionAvgPrice
        if pineGT(broker.positionSize, 0) {
            broker.exit("CciLx", fromEntry: "CciL", limit: avgPx * (1 + targetPct / 100), stop: avgPx * (1 - stopPct / 100))
        }
        if pineLT(broker.positionSize, 0) {
            broker.exit("CciSx", fromEntry: "CciS", limit: avgPx * (1 - targetPct / 100), stop: avgPx * (1 + stopPct / 100))
        }
    }
}
