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
