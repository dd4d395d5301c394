import PFData

/// Why the strategy's currency cannot be reconciled with the symbol's.
public enum CurrencyError: Error, Sendable, Equatable, CustomStringConvertible {
    case needsRate(strategy: String, symbol: String)
    case badRate(String)
    case pairMismatch(file: String, base: String?, quote: String?, strategy: String, symbol: String)
    case emptyRates(String)
    case badRateBar(file: String, time: Int64)
    /// A chart bar opens before the rate file's first close.
    case ratesStartLate(file: String, firstClose: Int64, chartBar: Int64)
    /// A chart bar opens longer than `limit` ms after the rate file's last close.
    case ratesEndEarly(file: String, lastClose: Int64, chartBar: Int64, limit: Int64)

    static func iso(_ t: Int64) -> String { UTCCalendar.isoString(milliseconds: t) }

    static func span(_ ms: Int64) -> String {
        ms % 86_400_000 == 0 ? "\(ms / 86_400_000) days" : ms % 3_600_000 == 0 ? "\(ms / 3_600_000) hours" : "\(ms / 60_000) minutes"
    }

    public var description: String {
        switch self {
        case .needsRate(let s, let q):
            return "the strategy reports in \(s) but the symbol is quoted in \(q): give the rate, as a file of \(s)\(q) bars "
                + "(fx = \"\(s)\(q)_1D.csv\" under [data] in the sweep config, --fx FILE for pfopt run) or a constant "
                + "(fx_rate = 1 \(s) in \(q), --fx-rate for pfopt run)"
        case .badRate(let r):
            return "fx_rate must be a positive number, got \(r)"
        case .pairMismatch(let file, let base, let quote, let s, let q):
            let pair = base.map { b in quote.map { "\(b)/\($0)" } ?? b } ?? "an unknown pair"
            return "\(file): the rate file is \(pair), but converting \(q) to \(s) needs \(s)\(q) or \(q)\(s) "
                + "(name the file after its pair, e.g. \(s)\(q)_1D.csv, or give a symbol TOML beside it)"
        case .emptyRates(let file):
            return "\(file): the rate file has no bars"
        case .badRateBar(let file, let time):
            return "\(file): the rate at \(time) is not a positive number"
        case .ratesStartLate(let file, let first, let bar):
            return "\(file): the chart bar at \(Self.iso(bar)) has no rate: the rate file's first bar closes at "
                + "\(Self.iso(first)) and a bar uses the last rate closed by its open; give a rate file that covers the "
                + "data, or start the data later (--history-from, or history_from under [data])"
        case .ratesEndEarly(let file, let last, let bar, let limit):
            return "\(file): the chart bar at \(Self.iso(bar)) has no recent rate: the rate file's last bar closes at "
                + "\(Self.iso(last)), and its last rate serves for at most \(Self.span(limit)) after (5 of its bars, "
                + "at least 4 days); give a rate file that covers the data to its last bar"
        }
    }
}
