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
