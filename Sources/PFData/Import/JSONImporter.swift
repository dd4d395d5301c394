import Foundation

/// Imports JSON bar files: an array of objects (or of `[time, open, high,
/// low, close, volume]` arrays), possibly wrapped under a key such as
/// `data`, `candles`, `bars`, `result` or `ohlcv`.
enum JSONImporter {
    static let wrapperKeys = ["data", "candles", "bars", "result", "ohlcv", "klines", "values", "items", "records"]

    static func load(path: String, options: ImportOptions) throws -> BarStore {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw ImportError.io(file: path, reason: "cannot read the file")
        }
        guard !data.isEmpty else { throw ImportError.empty(file: path) }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw ImportError.unsupported(file: path, reason: "invalid JSON (\(error.localizedDescription))")
        }
        guard let records = unwrap(root) else {
            throw ImportError.unsupported(
                file: path, reason: "expected an array of bars, or an object holding one under \"data\" or \"candles\"")
        }
        guard !records.isEmpty else { throw ImportError.empty(file: path) }
        let zone: ZoneOffset
        do {
            zone = try options.timezone.map { try ZoneOffset(named: $0) } ?? .utc
        } catch {
            throw ImportError.unsupported(file: path, reason: "\(error)")
        }
        let format = try options.timestampFormat.map { text -> TimestampFormat in
            do { return try TimestampFormat(text) } catch {
                throw ImportError.unsupported(file: path, reason: "invalid time format \"\(text)\"")
            }
        }
        var builder = StoreBuilder(file: path, capacity: records.count)
        var keyMap: [String: String]?
        for (index, record) in records.enumerated() {
            let number = index + 1
            let values: (time: Any?, timeName: String, open: Any?, high: Any?, low: Any?, close: Any?, volume: Any?)
            if let array = record as? [Any] {
                guard array.count >= 5 else {
                    throw ImportError.badBar(
                        file: path, line: number, reason: "record \(number) has \(array.count) values, needs at least 5")
                }
                values = (array[0], "0", array[1], array[2], array[3], array[4], array.count > 5 ? array[5] : nil)
            } else if let object = record as? [String: Any] {
                if keyMap == nil { keyMap = try resolveKeys(Array(object.keys), file: path, options: options) }
                let map = keyMap ?? [:]
                func get(_ role: String) -> Any? { map[role].flatMap { object[$0] } }
                var timeValue = get("timestamp")
                if let dateKey = map["date"], let clockKey = map["clock"],
                    let d = object[dateKey] as? String, let c = object[clockKey] as? String
                {
                    timeValue = d + " " + c
                }
                values = (
                    timeValue, map["timestamp"] ?? "timestamp", get("open"), get("high"), get("low"), get("close"),
                    get("volume")
                )
            } else {
                throw ImportError.badBar(file: path, line: number, reason: "record \(number) is not an object or array")
            }
            func num(_ value: Any?, _ name: String) throws -> Double {
                if let n = value as? NSNumber, !(value is String) { return n.doubleValue }
                if let s = value as? String {
                    var copy = s
                    if let v = copy.withUTF8({ b in b.baseAddress.flatMap { FastNumber.parse($0, count: b.count) } }) {
                        return v
                    }
                    throw ImportError.badCell(file: path, line: number, column: name, text: s, reason: "not a number")
                }
                if value == nil || value is NSNull {
                    throw ImportError.badCell(file: path, line: number, column: name, text: "", reason: "missing value")
                }
                throw ImportError.badCell(
                    file: path, line: number, column: name, text: "\(value ?? "")", reason: "not a number")
            }
            let time: Int64
            if let s = values.time as? String {
                var parsed: Int64?
                var copy = s
                parsed = copy.withUTF8 { b -> Int64? in
                    guard let base = b.baseAddress else { return nil }
                    if let format { return format.parse(base, count: b.count, zone: zone) }
                    return TimeParsing.parse(base, count: b.count, zone: zone)
                }
                guard let parsed else {
                    throw ImportError.badCell(file: path, line: number, column: values.timeName, text: s, reason: "not a time")
                }
                time = parsed
            } else if let n = values.time as? NSNumber {
                let text = n.stringValue
                guard let parsed = try? TimeParsing.parse(text, zone: zone) else {
                    throw ImportError.badCell(file: path, line: number, column: values.timeName, text: text, reason: "not a time")
                }
                time = parsed
            } else {
                throw ImportError.badCell(
                    file: path, line: number, column: values.timeName, text: "", reason: "missing time")
            }
            let volume = values.volume == nil ? 0 : try num(values.volume, "volume")
            let bar = OHLCVBar(
                time: time, open: try num(values.open, "open"), high: try num(values.high, "high"),
                low: try num(values.low, "low"), close: try num(values.close, "close"), volume: volume)
            try builder.append(bar, line: number)
        }
        return try builder.finish()
    }

    static func unwrap(_ root: Any) -> [Any]? {
        if let array = root as? [Any] { return array }
        guard let object = root as? [String: Any] else { return nil }
        for (key, value) in object where wrapperKeys.contains(key.lowercased()) {
            if let inner = unwrap(value) { return inner }
        }
        if object.count == 1, let only = object.values.first { return unwrap(only) }
        return nil
    }

    /// Maps roles to the actual (case-preserved) keys of the first object.
    static func resolveKeys(_ keys: [String], file: String, options: ImportOptions) throws -> [String: String] {
        let resolver = ColumnResolver(names: keys, file: file)
        var map: [String: String] = [:]
        for role in ["open", "high", "low", "close"] {
            guard let i = try resolver.price(role, mapping: options.mapping) else { continue }
            map[role] = keys[i]
        }
        if let i = try resolver.price("volume", mapping: options.mapping, optional: true) { map["volume"] = keys[i] }
        if let date = options.dateColumn {
            map["date"] = keys[try resolver.require(date)]
            if let clock = options.timeColumn { map["clock"] = keys[try resolver.require(clock)] }
            map["timestamp"] = map["date"]
        } else {
            let (t, _) = try resolver.time(options: options, firstRow: [])
            map["timestamp"] = keys[t]
        }
        return map
    }
}
