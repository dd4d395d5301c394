/// The names the support checker can see at one point of a script: a stack of
/// scopes, the innermost last, each mapping a name to a variable (with what is
/// known of its type) or to a user function's overloads.
struct CheckerScopes {
    /// What a declared name refers to.
    enum Symbol {
        /// A variable, with what is known of its type (`array`, `string`, `line`, ...).
        case variable(typeHint: String?)
        case function([FunctionDeclaration])
    }

    private var scopes: [[String: Symbol]] = [[:]]
    /// Per scope, the variables whose value type is certain (`float`, `bool`),
    /// from their written type or their initializer.
    private var valueTypes: [[String: CertainType]] = [[:]]

    /// Whether the innermost scope is the script's top level.
    var isTopLevel: Bool { scopes.count == 1 }

    /// Opens a new innermost scope.
    mutating func push() {
        scopes.append([:])
        valueTypes.append([:])
    }

    /// Closes the innermost scope.
    mutating func pop() {
        scopes.removeLast()
        valueTypes.removeLast()
    }

    /// The certain value type of the variable `name` as the innermost scope
    /// declaring it knows it; nil when unknown or not a variable.
    func valueType(of name: String) -> CertainType? {
        for index in scopes.indices.reversed() where scopes[index][name] != nil {
            return valueTypes[index][name]
        }
        return nil
    }

    /// Notes the certain value type of a variable just declared in the innermost scope.
    mutating func setValueType(_ type: CertainType?, of name: String) {
        valueTypes[valueTypes.count - 1][name] = type
    }

    /// What `name` refers to, searching from the innermost scope out.
    func lookup(_ name: String) -> Symbol? {
        for scope in scopes.reversed() {
            if let symbol = scope[name] { return symbol }
        }
        return nil
    }

    /// The type hint of the variable `name`, nil when unknown or not a variable.
    func typeHint(of name: String) -> String? {
        if case .variable(let hint)? = lookup(name) { return hint }
        return nil
    }

    /// Declares a variable in the innermost scope; false when the scope already has the name.
    mutating func declareVariable(_ name: String, typeHint: String?) -> Bool {
        guard scopes[scopes.count - 1][name] == nil else { return false }
        scopes[scopes.count - 1][name] = .variable(typeHint: typeHint)
        return true
    }

    /// Adds `function` as an overload of its name in the innermost scope; false when
    /// the name is already a variable there.
    mutating func declareFunction(_ function: FunctionDeclaration) -> Bool {
        let name = function.name.text
        switch scopes[scopes.count - 1][name] {
        case .function(var overloads)?:
            overloads.append(function)
            scopes[scopes.count - 1][name] = .function(overloads)
        case .variable?:
            return false
        case nil:
            scopes[scopes.count - 1][name] = .function([function])
        }
        return true
    }
}
