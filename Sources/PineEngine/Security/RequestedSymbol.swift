import Foundation
import PFData

/// What pfopt knows of a symbol a script requests besides the chart's: the
/// `syminfo.*` values its requested context reads, and which of them are
/// really known. With a symbol file beside its data, every property is;
/// without one, only the tick its prices show and the currencies its file
/// name names (the ticker is the one the script writes). Reading another
/// property there stops the run with its location (`SymbolFields`).
public struct RequestedSymbol: Sendable {
    /// The symbol's values (defaults where a property is unknown).
    public let info: SymbolInfo
    /// The properties `info` really gives.
    public let known: SymbolFields
    /// The symbol file that would make every property known (a file name).
    public let symbolFile: String?

    public init(info: SymbolInfo, known: SymbolFields, symbolFile: String? = nil) {
        self.info = info
        self.known = known
        self.symbolFile = symbolFile
    }

    /// What loaded data tells of its symbol.
    public init(market: MarketData) {
        info = market.symbol
        symbolFile = URL(fileURLWithPath: SymbolInfo.tomlPath(forDataFile: market.sourcePath)).lastPathComponent
        if market.hasSymbolFile {
            known = .all
            return
        }
        var k: SymbolFields = [.ticker, .tick]
        let guess = SymbolGuess(fileName: market.sourcePath)
        if guess.quote != nil { k.insert(.currency) }
        if guess.base != nil && guess.quote != nil { k.insert(.basecurrency) }
        known = k
    }

    /// The values a requested context reads when the script names the
    /// symbol `written` (with or without its exchange prefix), and which
    /// properties are unknown there.
    func resolved(written: String) -> (SymbolInfo, SymbolFields) {
        var info = self.info
        var known = self.known
        if !known.contains(.prefix) {
            let parts = written.split(separator: ":", maxSplits: 1).map(String.init)
            info.ticker = parts.last ?? written
            if parts.count == 2 {
                info.prefix = parts[0]
                known.insert(.prefix)
            }
        }
        return (info, SymbolFields.all.subtracting(known))
    }
}

/// The `syminfo.*` properties of a symbol, as a set.
public struct SymbolFields: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let ticker = SymbolFields(rawValue: 1 << 0)
    /// The exchange prefix, and so `syminfo.tickerid`.
    public static let prefix = SymbolFields(rawValue: 1 << 1)
    public static let currency = SymbolFields(rawValue: 1 << 2)
    public static let basecurrency = SymbolFields(rawValue: 1 << 3)
    public static let description = SymbolFields(rawValue: 1 << 4)
    public static let type = SymbolFields(rawValue: 1 << 5)
    public static let session = SymbolFields(rawValue: 1 << 6)
    public static let timezone = SymbolFields(rawValue: 1 << 7)
    /// `mintick`, `pricescale` and `minmove`.
    public static let tick = SymbolFields(rawValue: 1 << 8)
    public static let pointvalue = SymbolFields(rawValue: 1 << 9)
    public static let mincontract = SymbolFields(rawValue: 1 << 10)
    public static let volumetype = SymbolFields(rawValue: 1 << 11)
    public static let all = SymbolFields(rawValue: (1 << 12) - 1)

    /// The property a `syminfo.*` variable reads; nil for other names.
    static func of(_ name: String) -> SymbolFields? {
        switch name {
        case "syminfo.ticker", "syminfo.root": return .ticker
        case "syminfo.prefix", "syminfo.tickerid": return [.prefix, .ticker]
        case "syminfo.currency": return .currency
        case "syminfo.basecurrency": return .basecurrency
        case "syminfo.description": return .description
        case "syminfo.type": return .type
        case "syminfo.session": return .session
        case "syminfo.timezone": return .timezone
        case "syminfo.mintick", "syminfo.pricescale", "syminfo.minmove": return .tick
        case "syminfo.pointvalue": return .pointvalue
        case "syminfo.mincontract": return .mincontract
        case "syminfo.volumetype": return .volumetype
        default: return nil
        }
    }
}
