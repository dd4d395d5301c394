/// The one registry of built-ins, shared by the support checker and the engine:
/// every supported function with its parameters in TradingView's order, every
/// supported variable and constant, and the names known to be unsupported.
public enum Builtins {
    /// Every supported function by qualified name.
    public static let functions: [String: BuiltinFunction] = buildFunctions()
    /// Every supported variable and constant by qualified name.
    public static let variables: [String: BuiltinVariable] = buildVariables()

    /// The function called `name` (`ta.sma`, `strategy.entry`, `na`), or nil when pfopt does not
    /// support it. Functions of no-op families (`label.new`, `line.set_xy1`, ...) are synthesized.
    public static func function(named name: String) -> BuiltinFunction? {
        if let f = functions[name] { return f }
        if let dot = name.firstIndex(of: "."), BuiltinCatalog.noOpNamespaces.contains(String(name[..<dot])),
            !name[name.index(after: dot)...].contains(".")
        {
            return BuiltinFunction(name: name, category: .noOp, overloads: [], acceptsAnyArguments: true)
        }
        return nil
    }

    /// The variable or constant called `name` (`close`, `strategy.long`, `color.red`), or nil.
    /// Members of style-constant namespaces (`shape.triangleup`, `size.small`) are synthesized.
    public static func variable(named name: String) -> BuiltinVariable? {
        if let v = variables[name] { return v }
        if let dot = name.firstIndex(of: "."), BuiltinCatalog.styleConstantNamespaces.contains(String(name[..<dot])),
            !name[name.index(after: dot)...].contains(".")
        {
            return BuiltinVariable(name: name, type: "style", qualifier: .const)
        }
        return nil
    }

    /// True when `name` is a known TradingView built-in (or namespace member) that pfopt cannot run yet.
    public static func isKnownUnsupported(_ name: String) -> Bool {
        if functions[name] != nil || variables[name] != nil { return false }
        if BuiltinCatalog.unsupportedNames.contains(name) { return true }
        guard let dot = name.firstIndex(of: ".") else { return false }
        return BuiltinCatalog.unsupportedNamespaces.contains(String(name[..<dot]))
    }

    /// The namespaces that prefix built-in names (`ta`, `strategy`, `strategy.commission`, ...).
    public static let namespaces: Set<String> = {
        var result = Set<String>()
        for name in Array(functions.keys) + Array(variables.keys) {
            var parts = name.split(separator: ".").map(String.init)
            parts.removeLast()
            var prefix = ""
            for part in parts {
                prefix = prefix.isEmpty ? part : prefix + "." + part
                result.insert(prefix)
            }
        }
        return result.union(BuiltinCatalog.noOpNamespaces).union(BuiltinCatalog.styleConstantNamespaces)
    }()

    /// True when `name` is a built-in namespace, including unsupported ones (`request`).
    public static func isNamespace(_ name: String) -> Bool {
        namespaces.contains(name) || BuiltinCatalog.unsupportedNamespaces.contains(name)
    }

    /// Built-in names close to `name`, for "did you mean" hints.
    public static func suggestions(for name: String, limit: Int = 1) -> [String] {
        guard name.count >= 3 else { return [] }
        let candidates = Array(functions.keys) + Array(variables.keys)
        let scored = candidates.compactMap { c -> (String, Int)? in
            let d = editDistance(name, c)
            return d <= max(1, min(3, name.count / 3)) ? (c, d) : nil
        }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit).map(\.0)
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8), b = Array(b.utf8)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if abs(a.count - b.count) > 3 { return 4 }
        var previous = Array(0...b.count)
        var row = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            row[0] = i
            for j in 1...b.count {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &row)
        }
        return previous[b.count]
    }

    // MARK: - Building the tables

    private static func buildFunctions() -> [String: BuiltinFunction] {
        var table: [String: BuiltinFunction] = [:]
        func add(_ specs: [String], _ category: BuiltinCategory) {
            for spec in specs {
                guard let (name, signature) = parseSignature(spec) else { continue }
                if table[name] != nil {
                    table[name]?.overloads.append(signature)
                } else {
                    table[name] = BuiltinFunction(name: name, category: category, overloads: [signature])
                }
            }
        }
        add(BuiltinCatalog.declarations, .declaration)
        add(BuiltinCatalog.inputs, .input)
        add(BuiltinCatalog.technical, .technical)
        add(BuiltinCatalog.math, .math)
        add(BuiltinCatalog.strings, .string)
        add(BuiltinCatalog.arrays, .array)
        add(BuiltinCatalog.collections, .collection)
        add(BuiltinCatalog.colors, .color)
        add(BuiltinCatalog.orders, .order)
        add(BuiltinCatalog.strategyState, .strategyState)
        add(BuiltinCatalog.core, .core)
        add(BuiltinCatalog.plots, .plot)
        add(BuiltinCatalog.noOps, .noOp)
        for name in BuiltinCatalog.noOpAnyArguments {
            table[name] = BuiltinFunction(name: name, category: .noOp, overloads: [], acceptsAnyArguments: true)
        }
        for (name, function) in table { table[name]?.isPure = BuiltinCatalog.isPure(name, function.category) }
        return table
    }

    private static func buildVariables() -> [String: BuiltinVariable] {
        var table: [String: BuiltinVariable] = [:]
        for spec in BuiltinCatalog.variables {
            let parts = spec.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let name = parts[0].trimmingCharacters()
            let typeParts = parts[1].split(separator: " ")
            guard typeParts.count == 2, let qualifier = TypeQualifier(rawValue: String(typeParts[0])) else { continue }
            table[name] = BuiltinVariable(name: name, type: String(typeParts[1]), qualifier: qualifier)
        }
        return table
    }

    /// Parses `name(p1, p2=default, p3?, ...)`.
    static func parseSignature(_ spec: String) -> (String, BuiltinSignature)? {
        guard let open = spec.firstIndex(of: "("), spec.hasSuffix(")") else { return nil }
        let name = String(spec[..<open])
        let inner = spec[spec.index(after: open)..<spec.index(before: spec.endIndex)]
        var parameters: [BuiltinParameter] = []
        var variadic = false
        for rawPart in inner.split(separator: ",") {
            let part = rawPart.trimmingCharacters()
            if part.isEmpty { continue }
            if part == "..." {
                variadic = true
                continue
            }
            if part.hasSuffix("?") {
                parameters.append(BuiltinParameter(name: String(part.dropLast()), defaultValue: .na))
            } else if let eq = part.firstIndex(of: "=") {
                let pname = String(part[..<eq])
                parameters.append(BuiltinParameter(name: pname, defaultValue: parseDefault(String(part[part.index(after: eq)...]))))
            } else {
                parameters.append(BuiltinParameter(name: part, defaultValue: .required))
            }
        }
        return (name, BuiltinSignature(parameters: parameters, isVariadic: variadic))
    }

    private static func parseDefault(_ text: String) -> BuiltinDefault {
        if text == "na" { return .na }
        if text == "true" { return .bool(true) }
        if text == "false" { return .bool(false) }
        if text.hasPrefix("\"") { return .string(String(text.dropFirst().dropLast())) }
        if let i = Int(text) { return .int(i) }
        if let d = Double(text) { return .float(d) }
        return .constant(text)
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " { s = s.dropFirst() }
        while let l = s.last, l == " " { s = s.dropLast() }
        return String(s)
    }
}
