/// What the support checker knows of a script's own types: user-defined
/// types and their fields, enums and their members, method names; and the
/// signatures of the collection namespaces (`map.*`, `matrix.*`).
struct UserTypeCatalog {
    /// Field names by type name, in declaration order.
    private(set) var types: [String: [String]] = [:]
    /// Member names by enum name.
    private(set) var enums: [String: [String]] = [:]
    /// Methods by name.
    private(set) var methods: Set<String> = []

    mutating func declare(_ t: TypeDeclaration) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if types[t.name.text] != nil || enums[t.name.text] != nil {
            problems.append(Diagnostic(.error, "the type '\(t.name.text)' is already declared", at: t.name.range))
        }
        var names: [String] = []
        for f in t.fields {
            if names.contains(f.name.text) {
                problems.append(Diagnostic(.error, "the field '\(f.name.text)' is already declared in type '\(t.name.text)'", at: f.name.range))
            }
            names.append(f.name.text)
        }
        types[t.name.text] = names
        return problems
    }

    mutating func declare(_ e: EnumDeclaration) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if types[e.name.text] != nil || enums[e.name.text] != nil {
            problems.append(Diagnostic(.error, "the type '\(e.name.text)' is already declared", at: e.name.range))
        }
        for m in e.members {
            if let title = m.title, case .stringLiteral = title.kind {} else if let title = m.title {
                problems.append(Diagnostic(.error, "an enum member's title must be a string literal", at: title.range))
            }
        }
        enums[e.name.text] = e.members.map(\.name.text)
        return problems
    }

    mutating func declareMethod(_ name: String) { methods.insert(name) }

    /// True when `name` is a type the script declares.
    func isType(_ name: String) -> Bool { types[name] != nil || enums[name] != nil }

    /// A problem with the enum member `Enum.member`, or nil when it exists (or
    /// `dotted` does not name an enum's member).
    func enumMemberProblem(_ dotted: String) -> String? {
        let parts = dotted.split(separator: ".").map(String.init)
        guard parts.count == 2, let members = enums[parts[0]] else { return nil }
        if members.contains(parts[1]) { return nil }
        return "enum '\(parts[0])' has no member '\(parts[1])' (its members: \(members.joined(separator: ", ")))"
    }

    /// A problem with `Type.new(...)`/`Type.copy(x)`, or nil when it is fine
    /// (or `name` is not a user type's function).
    func typeCallProblem(_ name: String, _ call: Call) -> (String, SourceRange)? {
        let parts = name.split(separator: ".").map(String.init)
        guard parts.count == 2, let fields = types[parts[0]] else { return nil }
        switch parts[1] {
        case "new":
            if call.arguments.filter({ $0.label == nil }).count > fields.count {
                return ("\(name)() takes at most \(fields.count) arguments, one per field", call.callee.range)
            }
            for a in call.arguments {
                if let label = a.label, !fields.contains(label) {
                    return ("type '\(parts[0])' has no field '\(label)' (its fields: \(fields.joined(separator: ", ")))", a.labelRange ?? a.range)
                }
            }
            return nil
        case "copy":
            return call.arguments.count == 1 ? nil : ("\(name)() takes one argument: the object to copy", call.callee.range)
        default:
            return ("type '\(parts[0])' has no function '\(parts[1])' (use \(parts[0]).new(...) or \(parts[0]).copy(x))", call.callee.range)
        }
    }
}

/// The parameters of the collection functions the engine runs: `map.*`,
/// `matrix.*`, and `array.*` on arrays of objects.
public enum CollectionCatalog {
    /// `map.*` by name.
    public static let map: [String: [String]] = [
        "map.new": [], "map.put": ["id", "key", "value"], "map.get": ["id", "key"], "map.contains": ["id", "key"],
        "map.remove": ["id", "key"], "map.keys": ["id"], "map.values": ["id"], "map.size": ["id"], "map.clear": ["id"],
        "map.copy": ["id"], "map.put_all": ["id", "id2"],
    ]

    /// `matrix.*` by name.
    public static let matrix: [String: [String]] = {
        var p: [String: [String]] = [
            "matrix.new": ["rows", "columns", "initial_value"], "matrix.get": ["id", "row", "column"],
            "matrix.set": ["id", "row", "column", "value"], "matrix.row": ["id", "row"], "matrix.col": ["id", "column"],
            "matrix.add_row": ["id", "row", "array_id"], "matrix.add_col": ["id", "column", "array_id"],
            "matrix.remove_row": ["id", "row"], "matrix.remove_col": ["id", "column"],
            "matrix.fill": ["id", "value", "from_row", "to_row", "from_column", "to_column"],
            "matrix.submatrix": ["id", "from_row", "to_row", "from_column", "to_column"],
            "matrix.reshape": ["id", "rows", "columns"], "matrix.sort": ["id", "column", "order"],
            "matrix.concat": ["id1", "id2"], "matrix.swap_rows": ["id", "row1", "row2"],
            "matrix.swap_columns": ["id", "column1", "column2"], "matrix.sum": ["id1", "id2"], "matrix.diff": ["id1", "id2"],
            "matrix.mult": ["id1", "id2"], "matrix.pow": ["id", "power"], "matrix.kron": ["id1", "id2"],
        ]
        for name in [
            "rows", "columns", "elements_count", "reverse", "transpose", "copy", "det", "inv", "pinv", "rank", "trace",
            "eigenvalues", "eigenvectors", "avg", "min", "max", "median", "mode", "is_antidiagonal", "is_antisymmetric",
            "is_binary", "is_diagonal", "is_identity", "is_square", "is_stochastic", "is_symmetric", "is_triangular", "is_zero",
        ] {
            p["matrix." + name] = ["id"]
        }
        return p
    }()

    /// A problem with a call of a collection function (unknown name, unknown
    /// label, too many arguments), or nil. `receiver` is true for method syntax.
    static func problem(_ name: String, _ call: Call, receiver: Bool) -> (String, SourceRange)? {
        guard let parameters = map[name] ?? matrix[name] else {
            return ("\(name) is not a function pfopt knows", call.callee.range)
        }
        if name == "matrix.new", let e = call.typeArguments.first, ["array", "map", "matrix"].contains(e.name) {
            return ("a matrix cannot hold \(e.name) values: put the collection in an object field", e.range)
        }
        if (name == "matrix.new" && call.typeArguments.count != 1) || (name == "map.new" && call.typeArguments.count != 2) {
            return ("\(name) needs its type\(name == "map.new" ? "s: map.new<string, float>()" : ": matrix.new<float>(...)")", call.callee.range)
        }
        let positional = call.arguments.filter { $0.label == nil }.count + (receiver ? 1 : 0)
        if positional > parameters.count {
            return ("too many arguments to \(name): it takes at most \(parameters.count)", call.callee.range)
        }
        for a in call.arguments {
            if let label = a.label, !parameters.contains(label) {
                return ("\(name) has no parameter named '\(label)'", a.labelRange ?? a.range)
            }
        }
        // Every parameter of a map function is required.
        let given = positional + call.arguments.filter { $0.label != nil }.count
        if map[name] != nil, given < parameters.count {
            return ("missing argument '\(parameters[given])' in call to \(name)", call.callee.range)
        }
        return nil
    }
}
