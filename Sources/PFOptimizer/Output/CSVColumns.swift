import Foundation

/// Some columns of a CSV file, read in one pass over its bytes: only the
/// cells of the requested columns become strings, so a detailed run's
/// 50,000-line equity curve is read in milliseconds.
///
/// The rules are the ones pfopt writes by: comma-separated cells, a cell in
/// double quotes may hold commas, line breaks and doubled quotes, a carriage
/// return outside quotes is dropped, and empty lines are skipped. The first
/// record is the header.
struct CSVColumns {
    /// The header's cells.
    let header: [String]
    /// One row per record after the header that has every requested
    /// column, holding those columns' cells in the order they were asked for.
    let rows: [[String]]

    /// Reads `columns` of the file at `path`; nil when the file cannot be
    /// read, is empty or lacks one of the columns.
    init?(path: String, columns: [String]) {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let parsed: (header: [String], rows: [[String]])? = data.withUnsafeBytes { bytes in
            var scanner = Scanner(bytes: bytes)
            var header: [String] = []
            guard scanner.next(slots: nil, into: &header) != nil else { return nil }
            var slots = [Int](repeating: -1, count: header.count)
            for (slot, name) in columns.enumerated() {
                guard let index = header.firstIndex(of: name) else { return nil }
                slots[index] = slot
            }
            var rows: [[String]] = []
            var record = [String](repeating: "", count: columns.count)
            while let filled = scanner.next(slots: slots, into: &record) {
                if filled == columns.count { rows.append(record) }
            }
            return (header, rows)
        }
        guard let parsed else { return nil }
        header = parsed.header
        rows = parsed.rows
    }

    /// Walks the records of a CSV text.
    private struct Scanner {
        let bytes: UnsafeRawBufferPointer
        var i = 0
        var scratch: [UInt8] = []

        static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n")
        static let carriageReturn = UInt8(ascii: "\r")

        init(bytes: UnsafeRawBufferPointer) {
            self.bytes = bytes
        }

        /// Reads the next non-empty record. With `slots` (per column: the
        /// position in `record`, or -1 to skip it) only those cells are
        /// stored and the count of stored cells is returned; without, every
        /// cell is appended to `record` and their count returned. Nil at the
        /// end of the text.
        mutating func next(slots: [Int]?, into record: inout [String]) -> Int? {
            while i < bytes.count {
                var column = 0
                var stored = 0
                while true {
                    let slot = slots.map { column < $0.count ? $0[column] : -1 } ?? column
                    let c = cell(wanted: slot >= 0)
                    // A line with nothing on it is no record.
                    if column == 0 && c.atLineEnd && !c.quoted && c.length == 0 { break }
                    if let text = c.text {
                        if slots == nil { record.append(text) } else { record[slot] = text }
                        stored += 1
                    }
                    if c.atLineEnd { return stored }
                    column += 1
                }
            }
            return nil
        }

        /// Reads one cell and the separator after it.
        private mutating func cell(wanted: Bool) -> (text: String?, quoted: Bool, length: Int, atLineEnd: Bool) {
            let n = bytes.count
            let start = i
            var text: String? = nil
            var quoted = false
            var length = 0
            if i < n && bytes[i] == Self.quote {
                quoted = true
                scratch.removeAll(keepingCapacity: true)
                i += 1
                var open = true
                while i < n {
                    let b = bytes[i]
                    if open {
                        if b == Self.quote {
                            if i + 1 < n && bytes[i + 1] == Self.quote {
                                scratch.append(Self.quote)
                                i += 1
                            } else {
                                open = false
                            }
                        } else {
                            scratch.append(b)
                        }
                    } else if b == Self.comma || b == Self.newline {
                        break
                    } else if b != Self.carriageReturn {
                        scratch.append(b)
                    }
                    i += 1
                }
                if wanted { text = String(decoding: scratch, as: UTF8.self) }
            } else {
                while i < n, bytes[i] != Self.comma, bytes[i] != Self.newline { i += 1 }
                var end = i
                while end > start, bytes[end - 1] == Self.carriageReturn { end -= 1 }
                length = end - start
                if wanted { text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) }
            }
            let atLineEnd = i >= n || bytes[i] == Self.newline
            i += 1
            return (text, quoted, length, atLineEnd)
        }
    }
}
