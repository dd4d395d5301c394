import CPFABI

/// Problems loading a strategy library.
public enum LibraryError: Error, Sendable, Equatable, CustomStringConvertible {
    case missing(String)
    case cannotLoad(String, String)
    case noVersion(String)
    case versionMismatch(String, library: Int, pfopt: Int)
    case missingSymbol(String, String)
    case noTradeWindow(String)
    case createFailed(String)
    case refused(String, String)

    public var description: String {
        switch self {
        case .missing(let p): return "\(p): no such strategy library"
        case .cannotLoad(let p, let why): return "\(p): cannot load the strategy library: \(why)"
        case .noVersion(let p):
            return "\(p): the library has no pf_abi_version, so it predates ABI version 2; rebuild it"
        case .versionMismatch(let p, let library, let pfopt):
            return "\(p): ABI version mismatch: the library speaks version \(library), pfopt speaks version \(pfopt)"
        case .missingSymbol(let p, let name): return "\(p): the library does not export \(name)"
        case .noTradeWindow(let p):
            return "\(p): this library has no trade window (only libraries made by pfopt export do): remove [data] from/to, or sweep the Pine script"
        case .createFailed(let p): return "\(p): strategy_create returned NULL"
        case .refused(let p, let message): return "\(p): \(message)"
        }
    }
}
