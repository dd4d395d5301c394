import Foundation
import PFData

/// Why a requested context cannot be read.
public enum SecurityError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownSymbol(String)
    case finerThanData(function: String, requested: Timeframe, data: Timeframe)
    case coarserThanChart(requested: Timeframe, chart: Timeframe)
    case cannotAggregate(symbol: String, detail: String)
    case unknownTimeframe(String)
    case badTimeframe(String)
    /// A currency conversion pfopt has no rate for (the message).
    case money(String)

    public var description: String {
        switch self {
        case .unknownSymbol(let t):
            return "no data for symbol '\(t)': map it to a data file with [data.symbols] \"\(t)\" = \"FILE\" in the sweep config or --symbol-data \(t)=FILE"
        case .finerThanData(let f, let r, let d):
            return "\(f) asks for timeframe \(r), finer than the data's \(d), and pfopt cannot split bars: "
                + "give data at \(r) or finer (--data, or the sweep's data file)"
        case .coarserThanChart(let r, let c):
            return "request.security_lower_tf asks for \(r), coarser than the chart's \(c): use request.security"
        case .cannotAggregate(let s, let d):
            return "cannot build the requested bars\(s.isEmpty ? "" : " of \(s)"): \(d)"
        case .unknownTimeframe(let what):
            return "\(what) timeframe is unknown: give it (--timeframe, or a data file with a regular interval)"
        case .money(let message):
            return message
        case .badTimeframe(let t):
            return "'\(t)' is not a timeframe (use \"60\", \"240\", \"1D\", \"1W\", \"1M\", ...)"
        }
    }
}
