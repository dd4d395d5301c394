import PineLanguage

/// `map.*`: maps of any key TradingView allows to any value, as `PineMap`.
enum MapFunctions {
    /// The functions' parameters, by name, from the built-in registry.
    static let parameters: [String: [String]] = Builtins.functions.filter { $0.key.hasPrefix("map.") }.mapValues(\.parameterNames)

    typealias Map = PineMap<PineValue>

    /// A closure giving the map key of argument `i` of a map keyed by `k`.
    private static func key(_ c: ReferenceCall, _ i: Int, _ k: ValueType) throws -> (Runtime) throws -> MapKey {
        let v = try c.value(i)
        if k == .string {
            let f = try c.str(i)
            return { rt in .text(try f(rt)) }
        }
        if case .enumeration = k, v.type != k, v.type != .na {
            throw c.builder.error(c.argumentRange(i), "the key must be a member of \(k), not \(v.type)")
        }
        if v.type == .string { throw c.builder.error(c.argumentRange(i), "the key must be \(k), not a string") }
        let f = try c.num(i)
        return { rt in .of(try f(rt)) }
    }

    private static func mapType(_ c: ReferenceCall) throws -> (RefFn, ValueType, ValueType) {
        let v = try c.value(0)
        guard case .ref(let f, .map(let k, let t)) = v else {
            throw c.builder.error(c.argumentRange(0), "\(c.name)() needs a map, not \(v.type)")
        }
        return (f, k, t)
    }

    /// Registers every function of the namespace; a call compiles with its
    /// arguments bound by the registry's signature.
    static func register(into t: inout [String: BuiltinImplementation]) {
        for name in parameters.keys {
            t[name] = BuiltinImplementation { a in try compile(ReferenceCall(bound: a)) }
        }
    }

    static func compile(_ c: ReferenceCall) throws -> CompiledValue {
        let b = c.builder
        if c.name == "map.new" {
            guard c.typeArguments.count == 2 else {
                throw b.error(c.range, "map.new needs a key and a value type: map.new<string, float>()")
            }
            let k = try b.valueType(of: c.typeArguments[0])
            let v = try b.valueType(of: c.typeArguments[1])
            try b.checkMapTypes(k, v, c.range)
            return .ref({ _ in Map() }, .map(k, v))
        }
        let (f, k, t) = try mapType(c)
        let type = ValueType.map(k, t)
        switch c.name {
        case "map.put":
            let key = try key(c, 1, k)
            let box = try b.boxer(c.value(2), as: t, c.argumentRange(2))
            let empty = InstanceBuilder.emptyValue(t)
            return b.unboxed({ rt in
                let m = try c.collection(f, rt, as: Map.self)
                let kv = try key(rt)
                let v = try box(rt)
                return try c.located(rt) { try m.put(kv, v) } ?? empty
            }, t, c.range)
        case "map.get", "map.remove":
            let key = try key(c, 1, k)
            let empty = InstanceBuilder.emptyValue(t)
            let remove = c.name == "map.remove"
            return b.unboxed({ rt in
                let m = try c.collection(f, rt, as: Map.self)
                let kv = try key(rt)
                return (remove ? m.remove(kv) : m.get(kv)) ?? empty
            }, t, c.range)
        case "map.contains":
            let key = try key(c, 1, k)
            return .bool({ rt in try c.collection(f, rt, as: Map.self).contains(try key(rt)) }, nil)
        case "map.size":
            return .num({ rt in Double(try c.collection(f, rt, as: Map.self).count) }, .int, nil)
        case "map.clear":
            return .void({ rt in
                try c.collection(f, rt, as: Map.self).clear()
                return .normal
            })
        case "map.copy":
            return .ref({ rt in try c.collection(f, rt, as: Map.self).copy() }, type)
        case "map.put_all":
            let g = try c.reference(1, type)
            return .void({ rt in
                let m = try c.collection(f, rt, as: Map.self)
                let other = try c.collection(g, rt, as: Map.self)
                try c.located(rt) { try m.putAll(other) }
                return .normal
            })
        case "map.keys":
            return .array({ rt in
                let m = try c.collection(f, rt, as: Map.self)
                if k == .string {
                    return PineArray(strings: m.keys.map { if case .text(let s) = $0 { return s } else { return "" } })
                }
                let a = PineArray(count: 0, fill: 0)
                a.values = m.keys.map { if case .number(let x) = $0 { return x } else { return .nan } }
                return a
            }, k)
        case "map.values":
            if t.isReference {
                return .ref({ rt in
                    PineObjectArray(items: try c.collection(f, rt, as: Map.self).values.map(\.reference))
                }, .array(t))
            }
            if t == .string {
                return .array({ rt in PineArray(strings: try c.collection(f, rt, as: Map.self).values.map(\.text)) }, t)
            }
            return .array({ rt in
                let a = PineArray(count: 0, fill: 0)
                a.values = try c.collection(f, rt, as: Map.self).values.map(\.number)
                return a
            }, t)
        default:
            throw b.error(c.range, "\(c.name)() is not a map function")
        }
    }
}
