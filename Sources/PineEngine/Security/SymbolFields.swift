import Foundation
import PFData

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
