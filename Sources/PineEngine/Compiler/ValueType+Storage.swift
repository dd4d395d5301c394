import PineLanguage

extension ValueType {
    /// True for a member of an enum (held as its ordinal).
    var isEnumeration: Bool {
        if case .enumeration = self { return true }
        return false
    }

    /// True for values held by reference in a `.ref` compiled value: objects,
    /// maps, matrices and arrays of objects.
    var isReference: Bool {
        switch self {
        case .object, .map, .matrix: return true
        case .array(let e): return e.isReference
        default: return false
        }
    }

    /// True for values stored as a number: int, float, bool, color and enum members.
    var isStoredAsNumber: Bool {
        switch self {
        case .int, .float, .bool, .color, .enumeration, .na: return true
        default: return false
        }
    }
}
