import PineLanguage

/// How pfopt writes CSV cells: numbers in round-trip decimal, NaN as an
/// empty cell, text quoted when it needs to be.
enum CSVFormat {
    static func number(_ d: Double) -> String {
        d.isNaN ? "" : String(d)
    }

    static func value(_ v: InputValue) -> String {
        switch v {
        case .string(let s): return text(s)
        default: return v.tidyDescription
        }
    }

    static func text(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    /// Splits one CSV line into cells (quotes honoured).
    static func split(_ line: Substring) -> [String] {
        var cells: [String] = []
        var current = ""
        var quoted = false
        var iterator = line.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { current.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                cells.append(current)
                current = ""
            } else if c != "\r" {
                current.append(c)
            }
        }
        cells.append(current)
        return cells
    }
}
