import PineLanguage

extension InputValue {
    /// Reads a value written as text (`--set fast=12`) as the input's type.
    public static func parse(_ text: String, for spec: InputSpec) throws(InputValueError) -> InputValue {
        switch spec.kind {
        case .int, .time:
            if let v = Int(text) { return .int(v) }
            if let d = Double(text), d == d.rounded(), abs(d) < 1e15 { return .int(Int(d)) }
            throw .wrongType(spec.name, expected: "a whole number", got: .string(text))
        case .float, .price:
            guard let v = Double(text), v.isFinite else { throw .wrongType(spec.name, expected: "a number", got: .string(text)) }
            return .float(v)
        case .bool:
            switch text.lowercased() {
            case "true", "yes", "1", "on": return .bool(true)
            case "false", "no", "0", "off": return .bool(false)
            default: throw .wrongType(spec.name, expected: "true or false", got: .string(text))
            }
        default:
            return .string(text)
        }
    }
}
