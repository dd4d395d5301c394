import Synchronization

/// The text of every library file linked into a script in this process, so
/// a diagnostic inside a library's code is shown against that file.
///
/// A linked library's source positions are moved up by a per-file base (a
/// multiple of `stride`, beyond any real file size); the base finds the file
/// again and is subtracted to show the position in it.
public enum LibrarySources {
    /// The distance between two files' positions: 2^40 bytes.
    static let stride = 1 << 40

    private static let files = Mutex<[(file: String, source: String)]>([])

    /// Registers a library file and returns the offset to add to its positions.
    static func register(file: String, source: String) -> Int {
        files.withLock { list in
            if let k = list.firstIndex(where: { $0.file == file && $0.source == source }) { return (k + 1) * stride }
            list.append((file, source))
            return list.count * stride
        }
    }

    /// The text of a registered library file.
    public static func source(ofFile file: String) -> String? {
        files.withLock { list in list.last { $0.file == file }?.source }
    }

    /// The library file a source position belongs to, and the position in
    /// it; nil for a position in the script itself.
    public static func locate(_ range: SourceRange) -> (file: String, source: String, range: SourceRange)? {
        let k = range.start.offset / stride
        guard k >= 1 else { return nil }
        return files.withLock { list in
            guard k <= list.count else { return nil }
            var local = range
            local.start.offset -= k * stride
            local.end.offset -= k * stride
            return (list[k - 1].file, list[k - 1].source, local)
        }
    }
}
