/// What the support checker can tell of a declaration's type before the script
/// is compiled: from the written type, or from the initializer
/// (`array.new_float()`, `line.new(...)`, a string literal). Method calls on a
/// value are checked against the namespace this names.
enum DeclaredTypeHint {
    /// The drawing types, whose methods have no effect on a backtest.
    static let drawingTypes: Set<String> = ["label", "line", "box", "table", "linefill", "polyline"]

    private static let arrayConstructors: Set<String> = [
        "array.new", "array.new_float", "array.new_int", "array.new_bool", "array.new_string", "array.new_color",
        "array.new_line", "array.new_label", "array.new_box", "array.new_table", "array.new_linefill",
        "array.from", "array.copy", "array.slice",
    ]
    private static let stringFunctions: Set<String> = [
        "str.tostring", "str.format", "str.substring", "str.replace", "str.replace_all", "str.lower", "str.upper", "str.trim",
    ]

    /// `array`, `string`, `map`, `matrix`, a drawing type, `object` (a user type), or nil when unknown.
    static func of(_ type: TypeReference?, _ initializer: Expression?) -> String? {
        if let type {
            if ["array", "string", "map", "matrix"].contains(type.name) || drawingTypes.contains(type.name) { return type.name }
            return Builtins.variable(named: type.name) == nil && !["int", "float", "bool", "color"].contains(type.name) ? "object" : nil
        }
        guard let initializer else { return nil }
        switch initializer.kind {
        case .stringLiteral: return "string"
        case .call(let call):
            guard let callee = call.callee.dottedName else { return nil }
            if arrayConstructors.contains(callee) { return "array" }
            if stringFunctions.contains(callee) { return "string" }
            if callee.hasSuffix(".new"), drawingTypes.contains(String(callee.dropLast(4))) { return String(callee.dropLast(4)) }
            if callee.hasPrefix("map.") || callee.hasPrefix("matrix.") { return String(callee.prefix { $0 != "." }) }
            return callee.hasSuffix(".new") || callee.hasSuffix(".copy") ? "object" : nil
        default: return nil
        }
    }
}
