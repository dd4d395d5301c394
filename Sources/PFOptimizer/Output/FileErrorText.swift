import Foundation

/// Turns a file-system error into a short reason a trader can act on,
/// instead of Foundation's domain and code.
public enum FileErrorText {
    /// The reason of `error` for `path` (the caller names the path). When
    /// Foundation gives no usable reason, the path itself is examined.
    public static func describe(_ error: any Error, path: String? = nil) -> String {
        let reason = describe(error)
        guard reason.hasPrefix("The operation could not be completed") || reason.contains("Domain"), let path else {
            return reason
        }
        return diagnose(path) ?? "the file system refused (\((error as NSError).code))"
    }

    /// What stands in the way of creating or writing `path`: a file where a
    /// folder is needed, a folder without write permission, a full disk.
    public static func diagnose(_ path: String) -> String? {
        var ancestor = (path as NSString).deletingLastPathComponent
        while !ancestor.isEmpty && ancestor != "/" {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: ancestor, isDirectory: &isFolder) {
                if !isFolder.boolValue { return "\(ancestor) is a file, not a folder" }
                if !FileManager.default.isWritableFile(atPath: ancestor) { return "permission denied in \(ancestor): choose a folder you can write to" }
                return nil
            }
            ancestor = (ancestor as NSString).deletingLastPathComponent
        }
        return nil
    }

    /// The reason of `error` (no path: the caller names it).
    public static func describe(_ error: any Error) -> String {
        let ns = error as NSError
        var code = ns.code
        if ns.domain == NSCocoaErrorDomain, let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain
        {
            return posix(Int32(underlying.code))
        }
        if ns.domain == NSPOSIXErrorDomain { return posix(Int32(code)) }
        guard ns.domain == NSCocoaErrorDomain else { return String(describing: error) }
        if let diagnosis = (ns.userInfo[NSFilePathErrorKey] as? String).flatMap(diagnose) { return diagnosis }
        if code == 0 { code = -1 }
        switch code {
        case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "no such file or folder"
        case NSFileWriteFileExistsError: return "a file with that name is in the way (a folder is needed, or the other way round)"
        case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return "permission denied: choose a folder you can write to"
        case NSFileWriteOutOfSpaceError: return "the disk is full: free some space and run again"
        case NSFileWriteVolumeReadOnlyError: return "the disk is read-only: choose another folder"
        case NSFileReadCorruptFileError, NSFileReadInapplicableStringEncodingError: return "not a text file"
        default: return ns.localizedDescription
        }
    }

    static func posix(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file or folder"
        case EEXIST: return "a file with that name is in the way (a folder is needed, or the other way round)"
        case ENOTDIR: return "a part of the path is a file, not a folder"
        case EISDIR: return "it is a folder, not a file"
        case EACCES, EPERM: return "permission denied: choose a folder you can write to"
        case ENOSPC: return "the disk is full: free some space and run again"
        case EROFS: return "the disk is read-only: choose another folder"
        default: return String(cString: strerror(code))
        }
    }
}
