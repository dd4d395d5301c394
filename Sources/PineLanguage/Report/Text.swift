enum Text {
    /// True for whole numbers small enough to print as integers (no libm needed).
    static func isIntegral(_ v: Double) -> Bool {
        v.isFinite && abs(v) < 1e15 && Double(Int(v)) == v
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    static func number(_ v: Double) -> String {
        if isIntegral(v) { return String(Int(v)) }
        return String(v)
    }

    static func display(_ v: InputValue) -> String {
        switch v {
        case .string(let s): return "\"\(s)\""
        case .float(let f): return String(f)
        default: return v.description
        }
    }

    static func display(_ v: ConstantValue) -> String {
        switch v {
        case .string(let s): return "\"\(s)\""
        case .list(let xs): return "[" + xs.map(display).joined(separator: ", ") + "]"
        default: return v.description
        }
    }
}
