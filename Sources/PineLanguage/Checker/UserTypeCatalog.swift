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
