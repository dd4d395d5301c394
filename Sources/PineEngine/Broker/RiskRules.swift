import Foundation

/// `strategy.risk.max_drawdown` / `max_intraday_loss` /
/// `max_cons_loss_days`: limits the script sets on itself, checked on each
/// bar's close. When one is hit, the broker cancels the pending orders,
/// closes the position at the close and refuses order commands (for the
/// rest of the run, or of the day for the intraday loss). It also keeps the
/// calendar day that `max_intraday_filled_orders` counts fills in.
///
/// A losing day (for `max_cons_loss_days`) is a calendar day of the chart
/// timezone whose last bar closes with the equity below the previous day's
/// closing equity (the initial capital before the first day); a day that
/// does not end lower breaks the run of losing days.
struct RiskRules: Sendable {
    var drawdownLimit: Double = 0 { didSet { refreshFlags() } }
    var drawdownIsPercent = false
    var intradayLimit: Double = 0 { didSet { refreshFlags() } }
    var intradayIsPercent = false
    /// `strategy.risk.max_intraday_filled_orders` (0: none); the fills are
    /// counted by the fill engine.
    var filledOrdersLimit = 0 { didSet { refreshFlags() } }
    /// `strategy.risk.max_cons_loss_days` (0: none) and the losing days in a row so far.
    var consLossDaysLimit = 0 { didSet { refreshFlags() } }
    var consLossDays = 0
    var halted = false
    /// The day the intraday rule halted trading (`Int64.min`: none).
    var haltedDay = Int64.min
    /// The current calendar day (days since 1970 in the chart timezone).
    var currentDay = Int64.min
    var dayStartEquity: Double = .nan
    /// The chart zone's clock: calendar days, with the zone's UTC offset
    /// cached between transitions (no time-zone lookup per bar). Made on
    /// the first day a rule asks for, so a run without daily rules does
    /// not look the zone up.
    private var zone: ZoneClock?
    private var zoneName = "UTC"

    init() {}

    /// Rules counting calendar days in `timezone`.
    init(timezone: TimeZone) {
        zoneName = timezone.identifier
    }

    /// True when a limit is set (the closing equity must be checked). Kept
    /// with the limits, so the bar loop reads one flag.
    private(set) var isActive = false

    /// True when a rule needs the calendar day of each bar (kept like `isActive`).
    private(set) var tracksDays = false

    private mutating func refreshFlags() {
        isActive = drawdownLimit > 0 || intradayLimit > 0 || consLossDaysLimit > 0
        tracksDays = intradayLimit > 0 || filledOrdersLimit > 0 || consLossDaysLimit > 0
    }

    /// True while a rule keeps the strategy from placing orders.
    var isHalted: Bool { halted || (haltedDay != .min && haltedDay == currentDay) }

    /// Starts a bar for the intraday rule: a new calendar day opens with the
    /// previous bar's closing equity (`lastEquity`, NaN on the first bar:
    /// `initialCapital`). Returns true when the bar starts a new day (a bar
    /// of a timeframe above one day always does: its open is on another
    /// day than the previous bar's).
    @inline(__always) @discardableResult
    mutating func beginBar(time: Int64, lastEquity: Double, initialCapital: Double) -> Bool {
        guard tracksDays else { return false }
        let day = self.day(of: time)
        guard day != currentDay else { return false }
        currentDay = day
        dayStartEquity = lastEquity.isNaN ? initialCapital : lastEquity
        return true
    }

    /// The calendar day (days since 1970 in the chart's zone) of a time.
    @inline(__always)
    mutating func day(of time: Int64) -> Int64 {
        if zone == nil { zone = ZoneClock(identifier: zoneName) }
        let local = time + (zone?.offset(at: time) ?? 0)
        return local >= 0 ? local / 86_400_000 : (local - 86_399_999) / 86_400_000
    }

    /// True when the bar closing now is the last of its calendar day: the
    /// next bar (`nextOpen`; for the last bar, its own close time) opens on
    /// another day.
    @inline(__always)
    mutating func endsDay(nextOpen: Int64) -> Bool {
        consLossDaysLimit > 0 && day(of: nextOpen) != currentDay
    }

    /// Checks the bar's closing equity against the limits (`peak`: the
    /// equity peak so far; `dayEnds`: the bar is the last of its day).
    /// Returns the exit comment of the rule that was hit, nil when none was.
    mutating func check(equity: Double, peak: Double, dayEnds: Bool) -> String? {
        var hit: String? = nil
        if drawdownLimit > 0 && !halted {
            let drop = peak - equity
            let limit = drawdownIsPercent ? peak * drawdownLimit / 100 : drawdownLimit
            if drop >= limit {
                halted = true
                hit = "Max drawdown"
            }
        }
        if intradayLimit > 0 && haltedDay != currentDay && !dayStartEquity.isNaN {
            let loss = dayStartEquity - equity
            let limit = intradayIsPercent ? dayStartEquity * intradayLimit / 100 : intradayLimit
            if loss >= limit {
                haltedDay = currentDay
                hit = hit ?? "Max intraday loss"
            }
        }
        if consLossDaysLimit > 0 && dayEnds && !halted && !dayStartEquity.isNaN {
            consLossDays = equity < dayStartEquity ? consLossDays + 1 : 0
            if consLossDays >= consLossDaysLimit {
                halted = true
                hit = hit ?? "Max consecutive loss days"
            }
        }
        return hit
    }
}
