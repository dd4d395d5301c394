import Foundation

/// A parsed `str.format` pattern: literal text and `{index[,type[,style]]}`
/// placeholders, with `'...'` quoting (`''` is one quote), as the reference
/// manual describes. Number styles: none (`#,##0.###`), `integer`, `percent`,
/// `currency`, or a `#`/`0` pattern such as `#.##` or `#,##0.00`; date and time
/// styles are `yyyy-MM-dd HH:mm`-like patterns, read in the given time zone.
struct PineMessageFormat {
    enum Piece {
        case literal(String)
        case value(index: Int, style: Style)
    }

    enum Style {
        case plain
        case number(NumberPattern)
        case date(String)
    }

    let pieces: [Piece]

    init(_ format: String) {
        var pieces: [Piece] = []
        var literal = ""
        var chars = Array(format)
        var i = 0
        var inQuote = false
        while i < chars.count {
            let c = chars[i]
            if c == "'" {
                if i + 1 < chars.count && chars[i + 1] == "'" {
                    literal.append("'")
                    i += 2
                    continue
                }
                inQuote.toggle()
                i += 1
                continue
            }
            if c == "{" && !inQuote, let close = PineMessageFormat.closingBrace(chars, from: i + 1) {
                let body = String(chars[(i + 1)..<close])
                let parts = body.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                if let index = Int(parts[0]), index >= 0 {
                    if !literal.isEmpty { pieces.append(.literal(literal)) }
                    literal = ""
                    pieces.append(.value(index: index, style: PineMessageFormat.style(parts)))
                    i = close + 1
                    continue
                }
            }
            literal.append(c)
            i += 1
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        chars.removeAll()
        self.pieces = pieces
    }

    private static func closingBrace(_ chars: [Character], from start: Int) -> Int? {
        var depth = 0
        var j = start
        while j < chars.count {
            if chars[j] == "{" { depth += 1 }
            if chars[j] == "}" {
                if depth == 0 { return j }
                depth -= 1
            }
            j += 1
        }
        return nil
    }

    private static func style(_ parts: [String]) -> Style {
        guard parts.count > 1 else { return .plain }
        let kind = parts[1].lowercased()
        let style = parts.count > 2 ? parts[2] : ""
        switch kind {
        case "number":
            switch style.lowercased() {
            case "": return .number(NumberPattern("#,##0.###"))
            case "integer": return .number(NumberPattern("#,##0"))
            case "percent": return .number(NumberPattern("#,##0%"))
            case "currency": return .number(NumberPattern("$#,##0.00"))
            default: return .number(NumberPattern(style))
            }
        case "date":
            switch style.lowercased() {
            case "", "medium": return .date("MMM d, yyyy")
            case "short": return .date("M/d/yy")
            case "long": return .date("MMMM d, yyyy")
            case "full": return .date("EEEE, MMMM d, yyyy")
            default: return .date(style)
            }
        case "time":
            switch style.lowercased() {
            case "", "medium": return .date("h:mm:ss a")
            case "short": return .date("h:mm a")
            case "long", "full": return .date("h:mm:ss a z")
            default: return .date(style)
            }
        default:
            return .plain
        }
    }

    /// The text with every placeholder replaced; a placeholder without a value stays as written.
    func render(_ arguments: [FormatArgument], timeZone: TimeZone) -> String {
        render(arguments) { timeZone }
    }

    /// The text with every placeholder replaced; `timeZone` is asked for only by date and time styles.
    func render(_ arguments: [FormatArgument], timeZone: () -> TimeZone) -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .literal(let text):
                out += text
            case .value(let index, let style):
                guard index < arguments.count else {
                    out += "{\(index)}"
                    continue
                }
                out += PineMessageFormat.text(arguments[index], style, timeZone)
            }
        }
        return out
    }

    private static func text(_ argument: FormatArgument, _ style: Style, _ zone: () -> TimeZone) -> String {
        switch (argument, style) {
        case (.text(let s), _): return s
        case (.bool(let b), _): return b ? "true" : "false"
        case (.number(let x, let isInt), .plain): return PineFormat.number(x, isInt: isInt)
        case (.number(let x, _), .number(let pattern)): return pattern.format(x)
        case (.number(let x, _), .date(let pattern)):
            guard x.isFinite else { return "NaN" }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = zone()
            formatter.dateFormat = pattern
            return formatter.string(from: Date(timeIntervalSince1970: x / 1000))
        }
    }
}
