/// One value held by an object field or a map: a number (int, float, bool,
/// color and enum members are numbers; `na` is NaN), a string, or a reference
/// (an object, array, map or matrix; nil is `na`).
enum PineValue {
    case number(Double)
    case text(String)
    case reference(AnyObject?)

    @inline(__always) var number: Double {
        if case .number(let x) = self { return x }
        return .nan
    }

    @inline(__always) var text: String {
        if case .text(let s) = self { return s }
        return ""
    }

    @inline(__always) var reference: AnyObject? {
        if case .reference(let o) = self { return o }
        return nil
    }
}
