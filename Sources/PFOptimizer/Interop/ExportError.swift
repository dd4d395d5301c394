/// Problems exporting a strategy library or loading one into a sweep.
public enum ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(String)
    case corruptPayload(String)
    case notAStrategy(String)
    case importsLibraries(String, path: String)
    case baseLibraryMissing(String)
    case write(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let p): return "\(p): cannot read the file"
        case .corruptPayload(let p): return "\(p): the embedded script is damaged (export the library again)"
        case .importsLibraries(let p, let path):
            return "\(p): the script imports the library \(path); pfopt export does not bundle libraries yet (paste the library's functions into the script to export it)"
        case .notAStrategy(let p): return "\(p): the script is an indicator, not a strategy: a library needs strategy(...)"
        case .baseLibraryMissing(let p):
            return "\(p) is missing: pfopt export copies the strategy library built with pfopt (run swift build in the pfopt checkout)"
        case .write(let path, let reason): return "\(path): cannot write (\(reason))"
        }
    }
}
