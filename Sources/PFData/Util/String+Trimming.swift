extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\"" || f == "'" || f == "\u{FEFF}" || f == "\r" {
            s = s.dropFirst()
        }
        while let l = s.last, l == " " || l == "\t" || l == "\"" || l == "'" || l == "\r" { s = s.dropLast() }
        return String(s)
    }

    func replacingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
