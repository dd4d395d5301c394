/// The instrument and cost rules of a run: the tick grid, the point value,
/// the lot step, slippage and commission. Fixed for a run; every price and
/// quantity the broker books goes through them.
struct InstrumentRules: Sendable {
    var mintick: Double = 0.01
    var pointValue: Double = 1
    /// NaN: quantities are not rounded.
    var lotStep: Double = .nan
    /// The slippage in price units (ticks x mintick).
    var slippagePrice: Double = 0
    /// Nil: no commission.
    var commissionType: CommissionType? = nil
    var commissionValue: Double = 0

    /// How far beyond its level the price must go before a limit order
    /// fills (`backtest_fill_limits_assumption` ticks); it then fills at
    /// its level, or at a better open.
    var limitBeyond: Double = 0

    init() {}

    init(settings: BacktestSettings) {
        let p = settings.properties
        mintick = settings.symbol.mintick > 0 ? settings.symbol.mintick : 0.01
        pointValue = settings.symbol.pointValue
        if let step = settings.symbol.lotStep, step > 0 { lotStep = step } else { lotStep = .nan }
        slippagePrice = Double(p.slippage) * mintick
        limitBeyond = Double(p.fillLimitsAssumption) * mintick
        // A zero commission value charges nothing whatever its type.
        commissionType = p.commissionValue == 0 ? nil : p.commissionType
        commissionValue = p.commissionValue
    }

    /// The commission of one fill, in the strategy's currency: a percent
    /// of the fill's value converted at `rate` (units of the strategy's
    /// currency per unit of the symbol's); cash commissions are already in
    /// the strategy's currency.
    @inline(__always)
    func commission(price: Double, qty: Double, rate: Double) -> Double {
        guard let type = commissionType else { return 0 }
        switch type {
        case .percent: return price * qty * pointValue * commissionValue / 100 * rate
        case .cashPerOrder: return commissionValue
        case .cashPerContract: return commissionValue * qty
        }
    }

    /// A fill price snapped to the tick grid in the trader's disfavour.
    @inline(__always)
    func snap(_ price: Double, buying: Bool) -> Double {
        let ticks = price / mintick
        return buying ? (ticks - 1e-9).rounded(.up) * mintick : (ticks + 1e-9).rounded(.down) * mintick
    }

    /// A stop/limit level: a level within a ten-thousandth of a tick of the
    /// grid is that tick (arithmetic such as 1.13641 - 0.00001 lands just
    /// off it); a level genuinely between two ticks stays as it is.
    @inline(__always)
    func normalizedLevel(_ level: Double) -> Double {
        let ticks = level / mintick
        let r = ticks.rounded()
        return abs(ticks - r) <= 1e-4 ? r * mintick : level
    }

    /// `ticks` whole ticks, rounded up (8.3 -> 9).
    @inline(__always)
    func ceilTicks(_ ticks: Double) -> Double {
        (ticks - 1e-9).rounded(.up)
    }

    /// A quantity floored to the lot step when one is set.
    @inline(__always)
    func floorToLot(_ qty: Double) -> Double {
        guard !lotStep.isNaN else { return qty }
        return (qty / lotStep + 1e-9).rounded(.down) * lotStep
    }
}
