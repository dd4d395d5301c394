import PineLanguage

/// A bad input value given from outside the script.
public enum InputValueError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownInput(String, known: [String])
    case wrongType(String, expected: String, got: InputValue)
    case outOfRange(String, value: InputValue, detail: String)

    public var description: String {
        switch self {
        case .unknownInput(let name, let known):
            return "the script has no input '\(name)' (its inputs: \(known.joined(separator: ", ")))"
        case .wrongType(let name, let expected, let got):
            return "input '\(name)' expects \(expected), got '\(got)'"
        case .outOfRange(let name, let value, let detail):
            return "input '\(name)' = \(value) is outside its allowed values (\(detail))"
        }
    }

    /// Checks a value against an input's type, minval/maxval and options.
    public static func validate(_ value: InputValue, for spec: InputSpec) throws(InputValueError) {
        let value = spec.canonical(value)
        switch (spec.kind, value) {
        case (.int, .int), (.float, .int), (.float, .float), (.price, .int), (.price, .float), (.time, .int),
            (.bool, .bool), (.string, .string), (.source, .string), (.timeframe, .string), (.session, .string),
            (.symbol, .string), (.color, _):
            break
        case (.int, .float(let x)) where x == x.rounded():
            break
        default:
            throw .wrongType(spec.name, expected: spec.kind.rawValue, got: value)
        }
        if let x = value.numericValue, spec.kind != .bool {
            if let lo = spec.minval, x < lo { throw .outOfRange(spec.name, value: value, detail: "minval \(lo)") }
            if let hi = spec.maxval, x > hi { throw .outOfRange(spec.name, value: value, detail: "maxval \(hi)") }
        }
        if !spec.options.isEmpty {
            let ok = spec.options.contains { option in
                if let a = option.numericValue, let b = value.numericValue { return a == b }
                return option.description == value.description
            }
            if !ok {
                throw .outOfRange(spec.name, value: value, detail: "options " + spec.options.map(\.description).joined(separator: ", "))
            }
        }
    }
}
