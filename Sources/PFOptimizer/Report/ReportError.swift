import Foundation

/// Why `report.html` could not be built.
public enum ReportError: Error, Equatable, CustomStringConvertible {
    case notAFolder(String)
    case noManifest(String)
    /// A file of the folder is there but cannot be read as text.
    case cannotRead(path: String, reason: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .notAFolder(let p): return "\(p): no such results folder"
        case .noManifest(let p): return "\(p): no manifest.json: not a folder written by pfopt sweep or walkforward"
        case .cannotRead(let p, let reason): return "cannot read \(p): \(reason)"
        case .cannotWrite(let p, let reason): return "cannot write \(p): \(reason)"
        }
    }
}
