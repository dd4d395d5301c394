import Foundation

/// Decimal number parsing straight from bytes: exact (correctly rounded)
/// for the common case through the integer fast path, `strtod` otherwise.
enum FastNumber {
    private static let powers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22,
    ]

    /// Parses `count` bytes (surrounding spaces and quotes allowed); `nil` when not a number.
    /// `nan`, `inf` and `infinity` (any case) are numbers too.
    static func parse(_ p: UnsafePointer<UInt8>, count: Int) -> Double? {
        var i = 0
        var n = count
        while i < n && (p[i] == 32 || p[i] == 34 || p[i] == 9) { i += 1 }
        while n > i && (p[n - 1] == 32 || p[n - 1] == 34 || p[n - 1] == 9 || p[n - 1] == 13) { n -= 1 }
        guard i < n else { return nil }
        let start = i
        var negative = false
        if p[i] == 45 || p[i] == 43 {
            negative = p[i] == 45
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var sawDigit = false
        while i < n, p[i] >= 48, p[i] <= 57 {
            sawDigit = true
            if digits < 19 {
                mantissa = mantissa * 10 + UInt64(p[i] - 48)
                if mantissa != 0 { digits += 1 }
            } else {
                exponent += 1
            }
            i += 1
        }
        if i < n && p[i] == 46 {
            i += 1
            while i < n, p[i] >= 48, p[i] <= 57 {
                sawDigit = true
                if digits < 19 {
                    mantissa = mantissa * 10 + UInt64(p[i] - 48)
                    if mantissa != 0 { digits += 1 }
                    exponent -= 1
                }
                i += 1
            }
        }
        guard sawDigit else { return special(p + start, count: n - start) }
        if i < n && (p[i] == 101 || p[i] == 69) {
            i += 1
            var expNegative = false
            if i < n && (p[i] == 45 || p[i] == 43) {
                expNegative = p[i] == 45
                i += 1
            }
            var e = 0
            var expDigits = 0
            while i < n, p[i] >= 48, p[i] <= 57 {
                if e < 100_000 { e = e * 10 + Int(p[i] - 48) }
                expDigits += 1
                i += 1
            }
            guard expDigits > 0 else { return nil }
            exponent += expNegative ? -e : e
        }
        guard i == n else { return nil }
        if digits < 19 || mantissa < (1 << 53) {
            if mantissa < (1 << 53) && exponent >= -22 && exponent <= 22 {
                let m = Double(mantissa)
                let value = exponent < 0 ? m / powers[-exponent] : m * powers[exponent]
                return negative ? -value : value
            }
        }
        return slow(p + start, count: n - start)
    }

    private static func slow(_ p: UnsafePointer<UInt8>, count: Int) -> Double? {
        guard count < 400 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buffer -> Double? in
            guard let base = buffer.baseAddress else { return nil }
            for k in 0..<count { base[k] = CChar(bitPattern: p[k]) }
            base[count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(base, &end)
            guard let end, end == base + count else { return nil }
            return value
        }
    }

    private static func special(_ p: UnsafePointer<UInt8>, count: Int) -> Double? {
        var text = ""
        for k in 0..<min(count, 10) { text.append(Character(UnicodeScalar(p[k] | 0x20))) }
        switch text {
        case "nan", "+nan", "-nan": return .nan
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default: return nil
        }
    }
}
