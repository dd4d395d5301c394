/// Imports CSV, TSV and TXT bar files (`,`, tab, `;` or `|` separated, with a header).
enum DelimitedImporter {
    static func load(path: String, options: ImportOptions) throws -> BarStore {
        let file: MappedFile
        do {
            file = try MappedFile(path: path)
        } catch let error as OHLCVFileError {
            throw ImportError.io(file: path, reason: error.description.replacingPrefix("\(path): "))
        }
        return try parse(file.bytes, file: path, options: options)
    }

    /// Parses the bytes of a delimited file.
    static func parse(_ bytes: UnsafeRawBufferPointer, file: String, options: ImportOptions) throws -> BarStore {
        guard let raw = bytes.baseAddress, bytes.count > 0 else { throw ImportError.empty(file: file) }
        let p = raw.assumingMemoryBound(to: UInt8.self)
        let n = bytes.count
        var pos = 0
        if n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { pos = 3 }
        // Skip blank lines before the header.
        var line = 1
        while pos < n && (p[pos] == 10 || p[pos] == 13) {
            if p[pos] == 10 { line += 1 }
            pos += 1
        }
        guard pos < n else { throw ImportError.empty(file: file) }
        let headerStart = pos
        while pos < n && p[pos] != 10 { pos += 1 }
        var headerEnd = pos
        if headerEnd > headerStart && p[headerEnd - 1] == 13 { headerEnd -= 1 }
        let delimiter: UInt8
        if let d = options.delimiter, let ascii = d.asciiValue {
            delimiter = ascii
        } else {
            var best: UInt8 = 44
            var bestCount = 0
            for candidate: UInt8 in [44, 9, 59, 124] {
                var c = 0
                for k in headerStart..<headerEnd where p[k] == candidate { c += 1 }
                if c > bestCount {
                    best = candidate
                    bestCount = c
                }
            }
            delimiter = best
        }
        var fields: [(Int, Int)] = []
        split(p, headerStart, headerEnd, delimiter, into: &fields)
        let names = fields.map { field -> String in
            String(decoding: UnsafeBufferPointer(start: p + field.0, count: field.1 - field.0), as: UTF8.self)
                .trimmingSpaces()
        }
        let headerLine = line
        if pos < n { pos += 1 }
        line += 1

        // First data row, to tell combined date/time columns apart.
        var firstRow: [String] = []
        do {
            var scan = pos
            while scan < n && (p[scan] == 10 || p[scan] == 13) { scan += 1 }
            var end = scan
            while end < n && p[end] != 10 { end += 1 }
            var rowEnd = end
            if rowEnd > scan && p[rowEnd - 1] == 13 { rowEnd -= 1 }
            var rowFields: [(Int, Int)] = []
            split(p, scan, rowEnd, delimiter, into: &rowFields)
            firstRow = rowFields.map {
                String(decoding: UnsafeBufferPointer(start: p + $0.0, count: $0.1 - $0.0), as: UTF8.self)
            }
        }

        let resolver = ColumnResolver(names: names, file: file)
        let (timeIndex, clockIndex) = try resolver.time(options: options, firstRow: firstRow)
        guard let openIndex = try resolver.price("open", mapping: options.mapping),
            let highIndex = try resolver.price("high", mapping: options.mapping),
            let lowIndex = try resolver.price("low", mapping: options.mapping),
            let closeIndex = try resolver.price("close", mapping: options.mapping)
        else { throw ImportError.missingColumn(file: file, column: "open", header: resolver.headerText) }
        let volumeIndex = try resolver.price("volume", mapping: options.mapping, optional: true)
        let zone: ZoneOffset
        do {
            zone = try options.timezone.map { try ZoneOffset(named: $0) } ?? .utc
        } catch {
            throw ImportError.unsupported(file: file, reason: "\(error)")
        }
        let format = try options.timestampFormat.map { text -> TimestampFormat in
            do { return try TimestampFormat(text) } catch {
                throw ImportError.unsupported(file: file, reason: "invalid time format \"\(text)\"")
            }
        }
        let needed = max(timeIndex, clockIndex ?? 0, openIndex, highIndex, lowIndex, closeIndex, volumeIndex ?? 0)

        let estimate = max(16, (n - pos) / max(16, headerEnd - headerStart + 8))
        var builder = StoreBuilder(file: file, capacity: estimate)
        var combined: [UInt8] = []
        _ = headerLine
        let capacity = max(names.count, needed + 1) + 1
        let fieldStarts = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        let fieldEnds = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        defer {
            fieldStarts.deallocate()
            fieldEnds.deallocate()
        }
        let columns = [openIndex, highIndex, lowIndex, closeIndex]

        while pos < n {
            let lineStart = pos
            let (fieldCount, lineEnd, next) = splitLine(p, pos, n, delimiter, fieldStarts, fieldEnds, capacity)
            let currentLine = line
            pos = next
            line += 1
            if lineEnd == lineStart { continue }
            if (fieldCount <= needed || fieldStarts[0] == fieldEnds[0]) && isBlank(p, lineStart, lineEnd, delimiter) {
                continue
            }
            guard fieldCount > needed else {
                let name = fieldCount < names.count ? names[fieldCount] : "column \(fieldCount + 1)"
                throw ImportError.badBar(
                    file: file, line: currentLine,
                    reason: "the row has \(fieldCount) fields but the header has \(names.count) (no \"\(name)\")")
            }
            var values = (0.0, 0.0, 0.0, 0.0)
            for k in 0..<4 {
                let index = columns[k]
                guard let v = FastNumber.parse(p + fieldStarts[index], count: fieldEnds[index] - fieldStarts[index])
                else {
                    throw cellError(p, fieldStarts[index], fieldEnds[index], names[index], currentLine, file)
                }
                switch k {
                case 0: values.0 = v
                case 1: values.1 = v
                case 2: values.2 = v
                default: values.3 = v
                }
            }
            var volume = 0.0
            if let volumeIndex {
                guard
                    let v = FastNumber.parse(
                        p + fieldStarts[volumeIndex], count: fieldEnds[volumeIndex] - fieldStarts[volumeIndex])
                else {
                    throw cellError(
                        p, fieldStarts[volumeIndex], fieldEnds[volumeIndex], names[volumeIndex], currentLine, file)
                }
                volume = v
            }
            let t: Int64?
            let ts = fieldStarts[timeIndex]
            let te = fieldEnds[timeIndex]
            if let clockIndex {
                combined.removeAll(keepingCapacity: true)
                combined.append(contentsOf: UnsafeBufferPointer(start: p + ts, count: te - ts))
                combined.append(32)
                combined.append(
                    contentsOf: UnsafeBufferPointer(
                        start: p + fieldStarts[clockIndex], count: fieldEnds[clockIndex] - fieldStarts[clockIndex]))
                t = combined.withUnsafeBufferPointer { buffer -> Int64? in
                    guard let base = buffer.baseAddress else { return nil }
                    if let format { return format.parse(base, count: buffer.count, zone: zone) }
                    return TimeParsing.parse(base, count: buffer.count, zone: zone)
                }
            } else if let format {
                t = format.parse(p + ts, count: te - ts, zone: zone)
            } else if let epoch = epochFastPath(p, ts, te) {
                t = epoch
            } else {
                t = TimeParsing.parse(p + ts, count: te - ts, zone: zone)
            }
            guard let time = t else {
                var text = String(decoding: UnsafeBufferPointer(start: p + ts, count: te - ts), as: UTF8.self)
                if let clockIndex {
                    text += " " + String(
                        decoding: UnsafeBufferPointer(
                            start: p + fieldStarts[clockIndex], count: fieldEnds[clockIndex] - fieldStarts[clockIndex]),
                        as: UTF8.self)
                }
                throw ImportError.badCell(
                    file: file, line: currentLine, column: names[timeIndex], text: text, reason: "not a time")
            }
            try builder.append(
                OHLCVBar(time: time, open: values.0, high: values.1, low: values.2, close: values.3, volume: volume),
                line: currentLine)
        }
        return try builder.finish()
    }

    /// A plain 10-19 digit Unix timestamp (s, ms, µs or ns by magnitude, as
    /// ``TimeParsing`` reads it), without the general parser.
    @inline(__always)
    static func epochFastPath(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int64? {
        let digits = end - start
        guard digits >= 10 && digits <= 18 else { return nil }
        var value: Int64 = 0
        for k in start..<end {
            let d = p[k] &- 48
            guard d < 10 else { return nil }
            value = value &* 10 &+ Int64(d)
        }
        switch digits {
        case ...11: return value * 1000
        case 12...14: return value
        case 15...17: return value / 1000
        default: return value / 1_000_000
        }
    }

    /// Splits the line starting at `start` into at most `capacity` fields (the
    /// rest are ignored). Returns the field count, the line's end (before any
    /// `\r\n`), and where the next line starts.
    @inline(__always)
    static func splitLine(
        _ p: UnsafePointer<UInt8>, _ start: Int, _ n: Int, _ delimiter: UInt8, _ starts: UnsafeMutablePointer<Int>,
        _ ends: UnsafeMutablePointer<Int>, _ capacity: Int
    ) -> (Int, Int, Int) {
        var count = 0
        var k = start
        while true {
            var fieldStart = k
            var fieldEnd: Int
            if k < n && p[k] == 34 {
                // Quoted field: up to the closing quote, then on to the separator.
                fieldStart = k + 1
                var close = fieldStart
                while close < n && p[close] != 34 && p[close] != 10 { close += 1 }
                fieldEnd = close
                k = close < n && p[close] == 34 ? close + 1 : close
                while k < n && p[k] != delimiter && p[k] != 10 { k += 1 }
            } else {
                while k < n {
                    let c = p[k]
                    if c == delimiter || c == 10 { break }
                    k += 1
                }
                fieldEnd = k
            }
            let atLineEnd = k >= n || p[k] == 10
            if atLineEnd && fieldEnd > fieldStart && p[fieldEnd - 1] == 13 { fieldEnd -= 1 }
            if count < capacity {
                starts[count] = fieldStart
                ends[count] = fieldEnd
                count += 1
            }
            if atLineEnd {
                var lineEnd = k
                if lineEnd > start && p[lineEnd - 1] == 13 { lineEnd -= 1 }
                return (count, lineEnd, k + 1)
            }
            k += 1
        }
    }

    static func isBlank(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ delimiter: UInt8) -> Bool {
        for k in start..<end where p[k] != 32 && p[k] != 9 && p[k] != delimiter { return false }
        return true
    }

    static func cellError(
        _ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ name: String, _ line: Int, _ file: String
    ) -> ImportError {
        let text = String(decoding: UnsafeBufferPointer(start: p + start, count: end - start), as: UTF8.self)
        return ImportError.badCell(
            file: file, line: line, column: name, text: text,
            reason: text.trimmingSpaces().isEmpty ? "empty cell" : "not a number")
    }

    /// Splits a line into at most `capacity` fields (the rest are ignored); returns the field count.
    @inline(__always)
    static func splitFast(
        _ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ delimiter: UInt8, _ starts: UnsafeMutablePointer<Int>,
        _ ends: UnsafeMutablePointer<Int>, _ capacity: Int
    ) -> Int {
        var count = 0
        var k = start
        while count < capacity {
            if k < end && p[k] == 34 {
                let open = k + 1
                var close = open
                while close < end && p[close] != 34 { close += 1 }
                starts[count] = open
                ends[count] = close
                k = close
                while k < end && p[k] != delimiter { k += 1 }
            } else {
                starts[count] = k
                while k < end && p[k] != delimiter { k += 1 }
                ends[count] = k
            }
            count += 1
            if k >= end { break }
            k += 1
        }
        return count
    }

    /// Splits `start..<end` at `delimiter` into field ranges, unquoting `"..."` fields.
    @inline(__always)
    static func split(
        _ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ delimiter: UInt8, into fields: inout [(Int, Int)]
    ) {
        fields.removeAll(keepingCapacity: true)
        var k = start
        while true {
            if k < end && p[k] == 34 {
                let open = k + 1
                var close = open
                while close < end && p[close] != 34 { close += 1 }
                fields.append((open, close))
                k = close
                while k < end && p[k] != delimiter { k += 1 }
            } else {
                let fieldStart = k
                while k < end && p[k] != delimiter { k += 1 }
                fields.append((fieldStart, k))
            }
            if k >= end { break }
            k += 1
        }
    }
}
