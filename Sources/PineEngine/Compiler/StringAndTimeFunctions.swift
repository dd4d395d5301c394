import Foundation
import PFData

/// `str.*` beyond the basics
/// timeframe, `timeframe.*` helpers and `max_bars_back`.
enum StringAndTimeFunctions {
    /// TradingView's longest string.
    static let maximumStringLength = 40_960

    static func register(into t: inout [String: BuiltinImplementation]) {
        CalendarFunctions.register(into: &t)
        t["str.startswith"] = BuiltinImplementation { a in
            let f = try a.str(0)
            let g = try a.str(1)
            return .bool({ rt in try f(rt).hasPrefix(try g(rt)) }, nil)
        }
        t["str.endswith"] = BuiltinImplementation { a in
            let f = try a.str(0)
            let g = try a.str(1)
            return .bool({ rt in try f(rt).hasSuffix(try g(rt)) }, nil)
        }
        t["str.pos"] = BuiltinImplementation { a in
            let f = try a.str(0)
            let g = try a.str(1)
            return .num({ rt in
                let s = try f(rt)
                guard let r = s.range(of: try g(rt)) else { return .nan }
                return Double(s.distance(from: s.startIndex, to: r.lowerBound))
            }, .int, nil)
        }
        t["str.trim"] = BuiltinImplementation { a in
            let f = try a.str(0)
            return .str({ rt in try f(rt).trimmingCharacters(in: .whitespacesAndNewlines) }, nil)
        }
        t["str.substring"] = BuiltinImplementation { a in
            let f = try a.str(0)
            let b = try a.int(1)
            let e = try a.int(2, default: Int.max)
            return .str({ rt in
                let chars = Array(try f(rt))
                let lo = max(0, min(chars.count, try b(rt)))
                let hi = max(lo, min(chars.count, try e(rt)))
                return String(chars[lo..<hi])
            }, nil)
        }
        t["str.match"] = BuiltinImplementation { a in
            let f = try a.str(0)
            let pattern = try a.str(1)
            let cache = a.builder.arena.state { RegexCache() }
            let at = a.range(1).start
            return .str({ rt in
                let text = try f(rt)
                let p = try pattern(rt)
                guard let regex = cache.pointee.regex(p) else {
                    throw rt.error("str.match(): \"\(p)\" is not a regular expression", line: at.line, column: at.column)
                }
                let whole = NSRange(text.startIndex..., in: text)
                guard let m = regex.firstMatch(in: text, range: whole), let r = Range(m.range, in: text) else { return "" }
                return String(text[r])
            }, nil)
        }
        t["str.format_time"] = BuiltinImplementation { a in
            let time = try a.num(0)
            let format = a.has(1) ? try a.str(1) : { _ in "yyyy-MM-dd'T'HH:mm:ssZ" }
            let zone = a.has(2) ? try a.str(2) : { rt in rt.clock.identifier }
            let cache = a.builder.arena.state { TimeFormatCache() }
            let at = a.range(2).start
            return .str({ rt in
                let ms = try time(rt)
                guard ms.isFinite else { return "" }
                let name = try zone(rt)
                guard let formatter = cache.pointee.formatter(try format(rt), zone: name) else {
                    throw rt.error("str.format_time(): unknown time zone \"\(name)\"", line: at.line, column: at.column)
                }
                return formatter.string(from: Date(timeIntervalSince1970: Double(PineMath.clampedInt64(ms)) / 1000))
            }, nil)
        }
        t["str.split"] = BuiltinImplementation { a in
            let f = try a.str(0)
            let sep = try a.str(1)
            return .array({ rt in
                let text = try f(rt)
                let separator = try sep(rt)
                // An empty separator splits into characters, as TradingView does.
                if separator.isEmpty { return PineArray(strings: text.map { String($0) }) }
                return PineArray(strings: text.components(separatedBy: separator))
            }, .string)
        }
        t["str.repeat"] = BuiltinImplementation { a in
            let f = try a.str(0)
            let n = try a.int(1)
            let sep = a.has(2) ? try a.str(2) : { _ in "" }
            let at = a.range.start
            return .str({ rt in
                let text = try f(rt)
                let count = max(0, try n(rt))
                let separator = try sep(rt)
                let length = count == 0 ? 0 : count * text.count + (count - 1) * separator.count
                guard length <= Self.maximumStringLength else {
                    throw rt.error(
                        "str.repeat() would make a string of \(length) characters (TradingView's limit is \(Self.maximumStringLength))",
                        line: at.line, column: at.column)
                }
                return Array(repeating: text, count: count).joined(separator: separator)
            }, nil)
        }
        t["str.replace_all"] = BuiltinImplementation { a in
            let f = try a.str(0)
            let x = try a.str(1)
            let y = try a.str(2)
            return .str({ rt in try f(rt).replacingOccurrences(of: try x(rt), with: try y(rt)) }, nil)
        }
        t["str.replace"] = BuiltinImplementation { a in
            let f = try a.str(0)
            let x = try a.str(1)
            let y = try a.str(2)
            let k = try a.int(3, default: 0)
            return .str({ rt in
                let s = try f(rt)
                let target = try x(rt)
                var n = try k(rt)
                var search = s.startIndex..<s.endIndex
                while let r = s.range(of: target, range: search) {
                    if n == 0 { return s.replacingCharacters(in: r, with: try y(rt)) }
                    n -= 1
                    search = r.upperBound..<s.endIndex
                }
                return s
            }, nil)
        }
        t["max_bars_back"] = BuiltinImplementation { _ in .void({ _ in .normal }) }
        t["timeframe.in_seconds"] = BuiltinImplementation { a in
            guard a.has(0) else { return .num({ rt in Double(rt.barDurationMs / 1000) }, .int, nil) }
            let f = try a.str(0)
            return .num({ rt in
                let text = try f(rt)
                if text.isEmpty { return Double(rt.barDurationMs / 1000) }
                return Timeframe(text).map { Double($0.seconds) } ?? .nan
            }, .int, nil)
        }
        t["timeframe.from_seconds"] = BuiltinImplementation { a in
            let f = try a.num(0)
            return .str({ rt in
                let s = try f(rt)
                guard s.isFinite, let tf = Timeframe(seconds: PineMath.clampedInt64(s)) else { return "" }
                return tf.description
            }, nil)
        }
    }
}
