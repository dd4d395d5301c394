/// A `strptime`-like time format: `%Y` (4-digit year), `%y` (2-digit, 1969-2068),
/// `%m`, `%d`, `%H`, `%I` (12-hour), `%M`, `%S`, `%f` (fraction), `%p` (AM/PM),
/// `%z` (`Z`, `+02:00`, `+0200`), `%b` (month abbreviation), `%%`; other
/// characters must match literally.
public struct TimestampFormat: Sendable, Equatable {
    enum Token: Sendable, Equatable {
        case literal(UInt8)
        case field(Character)
    }

    let tokens: [Token]
    /// The format text.
    public let pattern: String

    /// Compiles a format; throws for an unknown `%` directive.
    public init(_ pattern: String) throws {
        var tokens: [Token] = []
        var bytes = Array(pattern.utf8)[...]
        while let b = bytes.popFirst() {
            if b == 37 {
                guard let d = bytes.popFirst() else { throw TimeParseError.invalid(pattern) }
                let c = Character(UnicodeScalar(d))
                if c == "%" {
                    tokens.append(.literal(37))
                } else if "YymdHIMSfpzb".contains(c) {
                    tokens.append(.field(c))
                } else {
                    throw TimeParseError.invalid(pattern)
                }
            } else {
                tokens.append(.literal(b))
            }
        }
        self.tokens = tokens
        self.pattern = pattern
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Parses bytes; `nil` when they do not match the format.
    func parse(_ p: UnsafePointer<UInt8>, count: Int, zone: ZoneOffset) -> Int64? {
        var i = 0
        var n = count
        while i < n && (p[i] == 32 || p[i] == 34) { i += 1 }
        while n > i && (p[n - 1] == 32 || p[n - 1] == 34 || p[n - 1] == 13) { n -= 1 }
        var year: Int64 = 1970, month: Int64 = 1, day: Int64 = 1
        var hour: Int64 = 0, minute: Int64 = 0, second: Int64 = 0, millis: Int64 = 0
        var pm: Bool?
        var offset: Int64?
        func number(_ maxDigits: Int) -> Int64? {
            var v: Int64 = 0
            var d = 0
            while i < n, d < maxDigits, p[i] >= 48, p[i] <= 57 {
                v = v * 10 + Int64(p[i] - 48)
                i += 1
                d += 1
            }
            return d > 0 ? v : nil
        }
        for token in tokens {
            switch token {
            case .literal(let b):
                guard i < n, p[i] == b else { return nil }
                i += 1
            case .field(let f):
                switch f {
                case "Y": guard let v = number(4) else { return nil }; year = v
                case "y": guard let v = number(2) else { return nil }; year = v < 69 ? 2000 + v : 1900 + v
                case "m": guard let v = number(2) else { return nil }; month = v
                case "d": guard let v = number(2) else { return nil }; day = v
                case "H", "I": guard let v = number(2) else { return nil }; hour = v
                case "M": guard let v = number(2) else { return nil }; minute = v
                case "S": guard let v = number(2) else { return nil }; second = v
                case "f":
                    var scale: Int64 = 100
                    var d = 0
                    while i < n, p[i] >= 48, p[i] <= 57 {
                        millis += Int64(p[i] - 48) * scale
                        scale /= 10
                        i += 1
                        d += 1
                    }
                    guard d > 0 else { return nil }
                case "p":
                    guard i + 1 < n else { return nil }
                    let a = p[i] | 0x20
                    guard (a == 97 || a == 112) && (p[i + 1] | 0x20) == 109 else { return nil }
                    pm = a == 112
                    i += 2
                case "b":
                    guard i + 3 <= n else { return nil }
                    let text = String(decoding: [p[i] | 0x20, p[i + 1] | 0x20, p[i + 2] | 0x20], as: UTF8.self)
                    guard let index = TimestampFormat.months.firstIndex(of: text) else { return nil }
                    month = Int64(index + 1)
                    i += 3
                case "z":
                    guard i < n else { return nil }
                    if p[i] == 90 {
                        offset = 0
                        i += 1
                    } else {
                        guard p[i] == 43 || p[i] == 45 else { return nil }
                        let negative = p[i] == 45
                        i += 1
                        guard let h = number(2) else { return nil }
                        if i < n && p[i] == 58 { i += 1 }
                        let m = number(2) ?? 0
                        offset = (negative ? -1 : 1) * (h * 60 + m) * 60_000
                    }
                default: return nil
                }
            }
        }
        guard i == n else { return nil }
        if let pm {
            guard hour >= 1 && hour <= 12 else { return nil }
            hour = pm ? (hour == 12 ? 12 : hour + 12) : (hour == 12 ? 0 : hour)
        }
        guard month >= 1, month <= 12, day >= 1, day <= UTCCalendar.daysInMonth(year: year, month: month),
            hour <= 23, minute <= 59, second <= 59
        else { return nil }
        let local = UTCCalendar.milliseconds(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, millisecond: millis)
        if let offset { return local - offset }
        return zone.utcMilliseconds(fromLocal: local)
    }
}
