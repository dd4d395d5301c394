import Foundation

/// Reads a `.pine` script file, refusing what is not text with one message
/// whichever command reads it.
public enum ScriptFile {
    /// Why a script file cannot be read.
    public enum ReadError: Error, Sendable, Equatable, CustomStringConvertible {
        case missing(String)
        case notText(String)
        case unreadable(String, reason: String)

        public var description: String {
            switch self {
            case .missing(let path): return "\(path): no such file or folder"
            case .notText(let path): return "\(path): not a text file (a Pine script is UTF-8 text)"
            case .unreadable(let path, let reason): return "\(path): cannot read the script: \(reason)"
            }
        }
    }

    /// The text of the script at `path`: UTF-8 without NUL bytes.
    public static func read(_ path: String) throws(ReadError) -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw .missing(path) }
        if isFolder.boolValue { throw .unreadable(path, reason: "it is a folder, not a file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path, reason: FileManager.default.isReadableFile(atPath: path) ? "read error" : "permission denied")
        }
        if data.contains(0) { throw .notText(path) }
        guard let text = String(data: data, encoding: .utf8) else { throw .notText(path) }
        return text
    }
}
