/// What a priced fill without the magnifier folds into the excursions of
/// the trades it closes: the bar's extremes the path reached before the
/// fill (less those before a trade's own entry on its entry bar) and a
/// trailing stop's best price.
struct ExcursionFold: Sendable {
    var isActive = false
    var reached: ExtremeMask = []
    var high: Double = .nan
    var low: Double = .nan
    var trailPeak: Double = .nan

    /// Nothing folded in: the fill price alone.
    static let priceOnly = ExcursionFold()
}
