/// A ticker id as the `request.*` functions read it: a symbol, possibly
/// asking for the symbol's Heikin Ashi bars.
///
/// A plain symbol is written as it is (`BINANCE:ETHUSDT`); a modified one
/// as pfopt's form of TradingView's extended ticker ids:
/// `={"symbol":"BINANCE:ETHUSDT","type":"heikinashi"}`.
struct TickerID: Equatable {
    /// The symbol, without modifiers.
    var symbol: String
    /// True when the requested bars are the symbol's Heikin Ashi bars.
    var heikinAshi: Bool

    init(symbol: String, heikinAshi: Bool) {
        self.symbol = symbol
        self.heikinAshi = heikinAshi
    }

    /// Reads a ticker id; a failure for an extended id with a modifier pfopt
    /// does not apply.
    static func parse(_ text: String) -> Result<TickerID, TickerIDError> {
        guard text.hasPrefix("={"), text.hasSuffix("}") else { return .success(TickerID(symbol: text, heikinAshi: false)) }
        guard let fields = fields(of: text.dropFirst(2).dropLast()) else { return .failure(.unreadable(text)) }
        var id = TickerID(symbol: "", heikinAshi: false)
        for (key, value) in fields {
            switch (key, value) {
            case ("symbol", _): id.symbol = value
            case ("type", "heikinashi"): id.heikinAshi = true
            default: return .failure(.modifier(key: key, value: value))
            }
        }
        return .success(id)
    }

    /// The id as text: the symbol itself when unmodified.
    var text: String {
        guard heikinAshi else { return symbol }
        return "={\"symbol\":\"\(symbol)\",\"type\":\"heikinashi\"}"
    }

    /// `"key":"value"` pairs separated by commas (no escapes: tickers have none).
    private static func fields(of body: Substring) -> [(String, String)]? {
        var out: [(String, String)] = []
        for part in body.split(separator: ",", omittingEmptySubsequences: true) {
            let kv = part.split(separator: ":", maxSplits: 1)
            guard kv.count == 2 else { return nil }
            let key = kv[0].trimmingQuotes()
            let value = kv[1].trimmingQuotes()
            guard let key, let value else { return nil }
            out.append((key, value))
        }
        return out
    }
}

extension Substring {
    /// The text between a pair of double quotes (spaces around allowed); nil when not quoted.
    fileprivate func trimmingQuotes() -> String? {
        let t = self.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()
        let s = String(t)
        guard s.count >= 2, s.hasPrefix("\""), s.hasSuffix("\"") else { return nil }
        return String(s.dropFirst().dropLast())
    }
}
