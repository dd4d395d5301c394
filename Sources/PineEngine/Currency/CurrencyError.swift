/// Why the strategy's currency cannot be reconciled with the symbol's.
public enum CurrencyError: Error, Sendable, Equatable, CustomStringConvertible {
    case needsRate(strategy: String, symbol: String)
    case badRate(String)
    case pairMismatch(file: String, base: String?, quote: String?, strategy: String, symbol: String)
    case emptyRates(String)
    case badRateBar(file: String, time: Int64)

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
        }
    }
}
