import Foundation
import PineEngine

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

    static let magic = "pfopt-journal 2"

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

    /// Which runs of a kept journal were dropped and why (damaged lines), if any.
    private(set) var damageNote: String?

    /// Opens the journal at `path` for a config and data (their hashes), the
    /// pfopt version and the engine's semantics version. An existing journal
    /// for the same config, data and semantics is kept (its runs are reused;
    /// damaged lines are dropped and said so); anything else starts a new one.
    init(
        path: String, configHash: String, dataHash: String, fresh: Bool, version: String = "0",
        semantics: Int = EngineSemantics.version
    ) throws(SweepError) {
        self.path = path
        let header = Self.header(configHash: configHash, dataHash: dataHash, semantics: semantics, version: version)
        var keep = false
        var validLength: UInt64 = 0
        if !fresh, FileManager.default.fileExists(atPath: path) {
            var scan = Self.scan(path: path)
            if let old = scan.header {
                let oldConfig = Self.field("config", in: old)
                let oldData = Self.field("data", in: old)
                let oldSemantics = Self.field("semantics", in: old)
                if oldConfig != configHash {
                    discardReason = "the config changed since the last run: starting afresh"
                } else if oldData != dataHash {
                    discardReason = "the data changed since the last run: starting afresh"
                } else if oldSemantics != String(semantics) {
                    discardReason =
                        "the journal's runs were computed by an engine with other backtest rules (semantics version \(oldSemantics ?? "unknown"), now \(semantics)): starting afresh"
                } else {
                    keep = true
                }
            } else if scan.unreadable {
                discardReason = "the journal was unreadable: starting afresh"
            } else {
                discardReason = "the journal is from an older pfopt: starting afresh"
            }
            if keep {
                let torn = scan.tornTail
                if !scan.damaged.isEmpty {
                    try Self.rewrite(path: path, header: header, keeping: scan)
                    let lines = scan.damaged.prefix(5).map(String.init).joined(separator: ", ")
                    let more = scan.damaged.count > 5 ? ", ..." : ""
                    damageNote =
                        "\(scan.damaged.count) damaged journal line\(scan.damaged.count == 1 ? "" : "s") (line \(lines)\(more): checksum or format wrong) dropped: \(scan.damaged.count == 1 ? "that run runs" : "those runs run") again"
                    scan = Self.scan(path: path)
                } else if Self.field("pfopt", in: scan.header ?? "") != version {
                    // Same semantics: the results hold; only the header is brought up to date.
                    try Self.rewrite(path: path, header: header, keeping: scan)
                    scan = Self.scan(path: path)
                }
                if torn { damageNote = Self.joined(damageNote, "the journal's last line was cut short (an interrupted write): that run runs again") }
                validLength = scan.validLength
                locations = scan.locations
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

    /// The first line of a journal.
    static func header(configHash: String, dataHash: String, semantics: Int, version: String) -> String {
        "\(magic) config=\(configHash) data=\(dataHash) semantics=\(semantics) pfopt=\(version)\n"
    }

    /// Calls `body` with every complete line after the header.
    static func forEachLine(path: String, _ body: (String) -> Void) {
        guard let file = fopen(path, "rb") else { return }
        defer { fclose(file) }
        var line: UnsafeMutablePointer<CChar>? = nil
        var capacity = 0
        defer { free(line) }
        var number = 0
        while true {
            let n = getline(&line, &capacity, file)
            if n <= 0 { break }
            guard let line else { break }
            number += 1
            if number == 1 { continue }
            let text = String(cString: line)
            if text.hasSuffix("\n") { body(text) }
        }
    }

    private static func joined(_ a: String?, _ b: String) -> String { a.map { $0 + "; " + b } ?? b }

    /// Writes the header and the valid lines of a scanned journal to a new
    /// file and puts it in place of the old one.
    private static func rewrite(path: String, header: String, keeping scan: Scan) throws(SweepError) {
        let temporary = path + ".rewrite"
        do {
            let sink = try FileSink(path: temporary)
            try sink.write(header)
            guard let file = fopen(path, "rb") else { throw SweepError.io(path: path, reason: String(cString: strerror(errno))) }
            defer { fclose(file) }
            var line: UnsafeMutablePointer<CChar>? = nil
            var capacity = 0
            defer { free(line) }
            var number = 0
            while true {
                let n = getline(&line, &capacity, file)
                if n <= 0 { break }
                guard let line else { break }
                number += 1
                if number == 1 || scan.damaged.contains(number) { continue }
                let text = String(cString: line)
                if text.hasSuffix("\n") { try sink.write(text) }
            }
            try sink.flush()
        }
        if rename(temporary, path) != 0 { throw .io(path: path, reason: String(cString: strerror(errno))) }
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

    static func field(_ name: String, in header: String) -> String? {
        for part in header.split(whereSeparator: { $0 == " " || $0 == "\n" }) where part.hasPrefix(name + "=") {
            return String(part.dropFirst(name.count + 1))
        }
        return nil
    }

    /// What a read of the journal found.
    struct Scan {
        var header: String?
        var locations: [Key: (offset: UInt64, length: Int)] = [:]
        /// Byte length up to the end of the last complete line.
        var validLength: UInt64 = 0
        /// 1-based numbers of complete lines that do not parse or fail their checksum.
        var damaged: [Int] = []
        /// The file ends inside a line (a write cut short).
        var tornTail = false
        /// The file does not start with a journal header of any version.
        var unreadable = false
    }

    /// Reads the journal: its header (of this format version), where each
    /// valid run line is, and which lines are damaged.
    static func scan(path: String) -> Scan {
        var result = Scan()
        guard let file = fopen(path, "rb") else {
            result.unreadable = true
            return result
        }
        defer { fclose(file) }
        var line: UnsafeMutablePointer<CChar>? = nil
        var capacity = 0
        defer { free(line) }
        var offset: UInt64 = 0
        var number = 0
        while true {
            let n = getline(&line, &capacity, file)
            if n <= 0 { break }
            guard let line else { break }
            number += 1
            let length = Int(n)
            let complete = line[length - 1] == 10
            let text = String(cString: line)
            if number == 1 {
                guard complete, text.hasPrefix("pfopt-journal ") else {
                    result.unreadable = true
                    return result
                }
                guard text.hasPrefix(magic + " ") else { return result }
                result.header = text
            } else if !complete {
                result.tornTail = true
                break
            } else if let entry = parse(line: text) {
                result.locations[Key(segment: entry.segment, index: entry.index)] = (offset, length)
            } else {
                result.damaged.append(number)
            }
            offset += UInt64(length)
            result.validLength = offset
        }
        return result
    }
}
