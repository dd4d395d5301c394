import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The append-only record of finished runs that makes a sweep resumable.
///
/// The first line names the format and the config and data hashes; each
/// further line is one finished run: segment, run index, status, message,
/// metrics (round-trip decimal), and a checksum of the line. Lines are
/// written with `write(2)` as runs finish, so a `kill -9` loses at most the
/// line being written; a torn or corrupt last line is ignored and cut off
/// when the journal is reopened.
final class Journal: @unchecked Sendable {
    struct Entry: Sendable, Equatable {
        var segment: Int
        var index: Int
        var status: RunOutcome.Status
        var metrics: [Double]
        /// Period returns of a sampled run (a sixth field, base64 of little-endian float32; absent when empty).
        var returns: [Float] = []
    }

    struct Key: Hashable, Sendable {
        var segment: Int
        var index: Int
    }

    static let magic = "pfopt-journal 1"

    let path: String
    private let sink: FileSink
    /// Where each recorded run's line starts and how long it is.
    private var locations: [Key: (offset: UInt64, length: Int)] = [:]
    private var reader: FileHandle?
    /// Guards the file handles (the walk-forward's out-of-sample runs append from many threads).
    private let lock = NSLock()

    /// How many runs the journal held when opened.
    private(set) var reusedCount = 0

    /// Why an existing journal was discarded, if it was.
    private(set) var discardReason: String?

    /// Opens the journal at `path` for `header` (config and data hashes):
    /// an existing journal with the same header is kept (its runs are
    /// reused), anything else starts a new one.
    init(path: String, configHash: String, dataHash: String, fresh: Bool) throws(SweepError) {
        self.path = path
        let header = "\(Self.magic) config=\(configHash) data=\(dataHash)\n"
        var keep = false
        var validLength: UInt64 = 0
        if !fresh, FileManager.default.fileExists(atPath: path) {
            let scan = Self.scan(path: path)
            if scan.header == header {
                keep = true
                validLength = scan.validLength
                locations = scan.locations
            } else if let old = scan.header {
                let oldConfig = Self.field("config", in: old)
                let oldData = Self.field("data", in: old)
                if oldConfig != configHash {
                    discardReason = "the config changed since the last run: starting afresh"
                } else if oldData != dataHash {
                    discardReason = "the data changed since the last run: starting afresh"
                } else {
                    discardReason = "the journal is from another pfopt version: starting afresh"
                }
            } else {
                discardReason = "the journal was unreadable: starting afresh"
            }
        }
        if keep {
            // Cut a torn last line before appending.
            if truncate(path, off_t(validLength)) != 0 {
                throw .io(path: path, reason: String(cString: strerror(errno)))
            }
            sink = try FileSink(path: path, append: true, capacity: 0)
            reusedCount = locations.count
        } else {
            sink = try FileSink(path: path, append: false, capacity: 0)
            try sink.write(header)
            try sink.flush()
        }
        reader = FileHandle(forReadingAtPath: path)
    }

    /// The recorded outcome of a run, if the journal has it.
    func lookup(segment: Int, index: Int) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        guard let loc = locations[Key(segment: segment, index: index)], let reader else { return nil }
        do {
            try reader.seek(toOffset: loc.offset)
            guard let data = try reader.read(upToCount: loc.length),
                  let line = String(data: data, encoding: .utf8)
            else { return nil }
            return Self.parse(line: line)
        } catch {
            return nil
        }
    }

    /// True when the journal has the run.
    func contains(segment: Int, index: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return locations[Key(segment: segment, index: index)] != nil
    }

    /// Appends a finished run (written through at once).
    func append(_ entry: Entry) throws(SweepError) {
        lock.lock()
        defer { lock.unlock() }
        try sink.write(Self.format(entry))
        try sink.flush()
    }

    // MARK: - Format

    static func format(_ e: Entry) -> String {
        var body = "\(e.segment)\t\(e.index)\t"
        switch e.status {
        case .ok: body += "ok\t"
        case .failed(let message): body += "failed\t" + escape(message)
        }
        body += "\t" + e.metrics.map { $0.isNaN ? "nan" : String($0) }.joined(separator: ",")
        if !e.returns.isEmpty { body += "\t" + ReturnsCoding.encode(e.returns) }
        var f = Fingerprint()
        f.add(body)
        return body + "\t" + f.hex + "\n"
    }

    static func parse(line: String) -> Entry? {
        var text = Substring(line)
        if text.hasSuffix("\n") { text = text.dropLast() }
        guard let tab = text.lastIndex(of: "\t") else { return nil }
        let body = String(text[..<tab])
        var f = Fingerprint()
        f.add(body)
        guard text[text.index(after: tab)...] == f.hex else { return nil }
        let fields = body.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count == 5 || fields.count == 6, let segment = Int(fields[0]), let index = Int(fields[1]) else { return nil }
        let status: RunOutcome.Status
        switch fields[2] {
        case "ok": status = .ok
        case "failed": status = .failed(unescape(String(fields[3])))
        default: return nil
        }
        var metrics: [Double] = []
        if !fields[4].isEmpty {
            for part in fields[4].split(separator: ",") {
                guard let d = Double(part) else { return nil }
                metrics.append(d)
            }
        }
        var returns: [Float] = []
        if fields.count == 6 {
            guard let decoded = ReturnsCoding.decode(fields[5]) else { return nil }
            returns = decoded
        }
        return Entry(segment: segment, index: index, status: status, metrics: metrics, returns: returns)
    }

    private static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }

    private static func unescape(_ s: String) -> String {
        var out = ""
        var escaping = false
        for c in s {
            if escaping {
                switch c {
                case "t": out.append("\t")
                case "n": out.append("\n")
                case "r": out.append("\r")
                default: out.append(c)
                }
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.append(c)
            }
        }
        return out
    }

    private static func field(_ name: String, in header: String) -> String? {
        for part in header.split(whereSeparator: { $0 == " " || $0 == "\n" }) where part.hasPrefix(name + "=") {
            return String(part.dropFirst(name.count + 1))
        }
        return nil
    }

    /// Reads the journal: its header, the runs on valid lines, and the byte
    /// length up to the end of the last valid line.
    static func scan(path: String) -> (header: String?, locations: [Key: (offset: UInt64, length: Int)], validLength: UInt64) {
        guard let file = fopen(path, "rb") else { return (nil, [:], 0) }
        defer { fclose(file) }
        var line: UnsafeMutablePointer<CChar>? = nil
        var capacity = 0
        defer { free(line) }
        var offset: UInt64 = 0
        var header: String? = nil
        var locations: [Key: (offset: UInt64, length: Int)] = [:]
        var valid: UInt64 = 0
        while true {
            let n = getline(&line, &capacity, file)
            if n <= 0 { break }
            guard let line else { break }
            let length = Int(n)
            let complete = line[length - 1] == 10
            let text = String(cString: line)
            if header == nil {
                guard complete, text.hasPrefix(magic) else { return (nil, [:], 0) }
                header = text
                offset += UInt64(length)
                valid = offset
                continue
            }
            guard complete, let entry = parse(line: text) else { break }
            locations[Key(segment: entry.segment, index: entry.index)] = (offset, length)
            offset += UInt64(length)
            valid = offset
        }
        return (header, locations, valid)
    }
}
