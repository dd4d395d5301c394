import PFData

/// A requested context: whose bars (a key of `SecurityViews`, "" for the
/// chart's symbol), at which timeframe, plain or Heikin Ashi.
struct ResolvedRequest {
    let views: SecurityViews
    let symbol: String
    let timeframe: Timeframe
    let heikinAshi: Bool
    /// The symbol as the script wrote it (without modifiers).
    let written: String
    /// The currency the requested prices are converted to (upper case; nil: none).
    let currency: String?
    /// `calc_bars_count`: the expression runs on the last this many requested bars only (nil: all).
    let barsCount: Int?
}
