import Foundation
import PineEngine

/// pfopt's one error style on standard error.
enum ErrorOutput {
    /// The text for an error that ends a command: a compile failure keeps the
    /// compiler's `file:line:col: error: ...` lines with the source excerpt;
    /// anything else is `pfopt: error: ...` on one line.
    static func message(for error: any Error) -> String {
        if let failure = error as? PineCompileFailure { return failure.rendered }
        let text: String
        if let cocoa = error as? CocoaError {
            text = describe(cocoa)
        } else {
            text = String(describing: error)
        }
        return "pfopt: error: " + text.split(separator: "\n").joined(separator: "; ")
    }

    /// Writes one message to standard error.
    static func write(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// A file-system error as the path and what went wrong, in words.
    static func describe(_ error: CocoaError) -> String {
        let path = error.filePath ?? (error.userInfo[NSFilePathErrorKey] as? String) ?? "a file"
        let reason: String
        switch error.code {
        case .fileNoSuchFile, .fileReadNoSuchFile: reason = "no such file or folder"
        case .fileReadNoPermission, .fileWriteNoPermission: reason = "permission denied"
        case .fileWriteFileExists: reason = "already exists (and is not a folder)"
        case .fileWriteOutOfSpace: reason = "the disk is full; free some space and run the command again"
        case .fileWriteVolumeReadOnly: reason = "the file system is read-only"
        case .fileReadInapplicableStringEncoding, .fileReadCorruptFile: reason = "not a text file"
        default: reason = error.localizedDescription
        }
        return "\(path): \(reason)"
    }
}
