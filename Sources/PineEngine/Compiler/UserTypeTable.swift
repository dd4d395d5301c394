import PineLanguage

/// The user-defined types, enums and methods of one script, collected as
/// their declarations are compiled.
struct UserTypeTable {
    /// One field of a user-defined type.
    struct Field {
        var name: String
        var type: ValueType
        var defaultValue: Expression?
    }

    /// A `type` declaration: its fields in order.
    struct UserType {
        var name: String
        var fields: [Field] = []

        func index(of field: String) -> Int? { fields.firstIndex { $0.name == field } }
    }

    /// An `enum` declaration: its members in order and their titles.
    struct EnumType {
        var name: String
        var members: [String]
        var titles: [String]

        func ordinal(of member: String) -> Int? { members.firstIndex(of: member) }
    }

    var types: [String: UserType] = [:]
    var enums: [String: EnumType] = [:]
    /// Methods by name; overloads are told apart by their first parameter's type.
    var methods: [String: [FunctionDeclaration]] = [:]

    var isEmpty: Bool { types.isEmpty && enums.isEmpty && methods.isEmpty }
}

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
