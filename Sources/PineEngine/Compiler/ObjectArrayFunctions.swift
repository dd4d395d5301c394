import PineLanguage

/// `array.*` on arrays of objects (`array<Pivot>`), as `PineObjectArray`.
enum ObjectArrayFunctions {
    typealias Items = PineObjectArray

    static let parameters: [String: [String]] = [
        "array.new": ["size", "initial_value"], "array.from": ["arg0"], "array.size": ["id"], "array.push": ["id", "value"],
        "array.unshift": ["id", "value"], "array.pop": ["id"], "array.shift": ["id"], "array.get": ["id", "index"],
        "array.set": ["id", "index", "value"], "array.first": ["id"], "array.last": ["id"], "array.remove": ["id", "index"],
        "array.insert": ["id", "index", "value"], "array.clear": ["id"], "array.copy": ["id"],
        "array.slice": ["id", "index_from", "index_to"], "array.reverse": ["id"], "array.includes": ["id", "value"],
        "array.indexof": ["id", "value"], "array.lastindexof": ["id", "value"], "array.concat": ["id1", "id2"],
        "array.fill": ["id", "value", "index_from", "index_to"],
    ]

    private static func tooLarge(_ c: ReferenceCall, _ rt: Runtime, _ n: Int) -> ScriptRuntimeError {
        c.fail(rt, "an array of \(n) elements is larger than TradingView allows (\(ArrayFunctions.maximumSize))")
    }

    private static func outOfRange(_ c: ReferenceCall, _ rt: Runtime, _ i: Int, _ n: Int) -> ScriptRuntimeError {
        c.fail(rt, "array index \(i) is out of bounds (the array has \(n) elements)")
    }

    /// `array.new<T>(...)` for a user type `T`.
    static func compileNew(_ c: ReferenceCall, element: ValueType) throws -> CompiledValue {
        let size = c.has(0) ? try c.int(0) : { _ in 0 }
        let initial: RefFn = c.has(1) ? try c.reference(1, element) : { _ in nil }
        return .ref({ rt in
            let n = try size(rt)
            if n > ArrayFunctions.maximumSize { throw tooLarge(c, rt, n) }
            return Items(items: Array(repeating: try initial(rt), count: max(0, n)))
        }, .array(element))
    }

    /// `array.from(a, b, ...)` of objects.
    static func compileFrom(_ c: ReferenceCall, element: ValueType) throws -> CompiledValue {
        var all = [try c.reference(0, element)]
        for (v, r) in c.extra { all.append(try c.builder.reference(v, element, r)) }
        let fns = all
        return .ref({ rt in Items(items: try fns.map { try $0(rt) }) }, .array(element))
    }

    static func compile(_ c: ReferenceCall) throws -> CompiledValue {
        let first = try c.value(0)
        guard case .ref(let f, .array(let element)) = first else {
            throw c.builder.error(c.argumentRange(0), "\(c.name)() needs an array, not \(first.type)")
        }
        let type = ValueType.array(element)
        let items: (Runtime) throws -> Items = { rt in try c.collection(f, rt, as: Items.self) }
        let element0: () throws -> RefFn = { try c.reference(1, element) }
        let void: (@escaping (Runtime) throws -> Void) -> CompiledValue = { g in
            .void({ rt in
                try g(rt)
                return .normal
            })
        }
        switch c.name {
        case "array.size": return .num({ rt in Double(try items(rt).items.count) }, .int, nil)
        case "array.push", "array.unshift":
            let v = try element0()
            let front = c.name == "array.unshift"
            return void({ rt in
                let a = try items(rt)
                if a.items.count >= ArrayFunctions.maximumSize { throw tooLarge(c, rt, a.items.count + 1) }
                let x = try v(rt)
                if front { a.items.insert(x, at: 0) } else { a.items.append(x) }
            })
        case "array.pop", "array.shift", "array.first", "array.last":
            let (remove, front) = (c.name == "array.pop" || c.name == "array.shift", c.name == "array.shift" || c.name == "array.first")
            return .ref({ rt in
                let a = try items(rt)
                guard !a.items.isEmpty else { throw c.fail(rt, "the array is empty") }
                if remove { return front ? a.items.removeFirst() : a.items.removeLast() }
                return front ? a.items[0] : a.items[a.items.count - 1]
            }, element)
        case "array.get", "array.remove":
            let i = try c.int(1)
            let remove = c.name == "array.remove"
            return .ref({ rt in
                let a = try items(rt)
                var k = try i(rt)
                if k < 0 && !remove { k += a.items.count }
                guard k >= 0 && k < a.items.count else { throw outOfRange(c, rt, k, a.items.count) }
                return remove ? a.items.remove(at: k) : a.items[k]
            }, element)
        case "array.set", "array.insert":
            let i = try c.int(1)
            let v = try c.reference(2, element)
            let insert = c.name == "array.insert"
            return void({ rt in
                let a = try items(rt)
                let k = try i(rt)
                guard k >= 0 && (k < a.items.count || (insert && k == a.items.count)) else {
                    throw outOfRange(c, rt, k, a.items.count)
                }
                if insert {
                    if a.items.count >= ArrayFunctions.maximumSize { throw tooLarge(c, rt, a.items.count + 1) }
                    a.items.insert(try v(rt), at: k)
                } else {
                    a.items[k] = try v(rt)
                }
            })
        case "array.clear": return void({ rt in try items(rt).items.removeAll(keepingCapacity: true) })
        case "array.copy": return .ref({ rt in Items(items: try items(rt).items) }, type)
        case "array.reverse": return void({ rt in try items(rt).items.reverse() })
        case "array.slice":
            let (lo, hi) = (try c.int(1), try c.int(2))
            return .ref({ rt in
                let a = try items(rt)
                let (i, j) = (try lo(rt), try hi(rt))
                guard i >= 0, j <= a.items.count, i <= j else { throw outOfRange(c, rt, i < 0 ? i : j, a.items.count) }
                return Items(items: Array(a.items[i..<j]))
            }, type)
        case "array.includes", "array.indexof", "array.lastindexof":
            let v = try element0()
            let name = c.name
            let find: (Runtime) throws -> Int = { rt in
                let a = try items(rt)
                let x = try v(rt)
                let same: (AnyObject?) -> Bool = { $0 === x }
                return (name == "array.lastindexof" ? a.items.lastIndex(where: same) : a.items.firstIndex(where: same)) ?? -1
            }
            if name == "array.includes" { return .bool({ rt in try find(rt) >= 0 }, nil) }
            return .num({ rt in Double(try find(rt)) }, .int, nil)
        case "array.concat":
            let g = try c.reference(1, type)
            return .ref({ rt in
                let a = try items(rt)
                let b = try c.collection(g, rt, as: Items.self)
                if a.items.count + b.items.count > ArrayFunctions.maximumSize { throw tooLarge(c, rt, a.items.count + b.items.count) }
                a.items += b.items
                return a
            }, type)
        case "array.fill":
            // The same reference in every slot from index_from (0) up to index_to (the size), clamped to the array.
            let v = try c.reference(1, element)
            let from = try c.optionalInt(2)
            let to = try c.optionalInt(3)
            return void({ rt in
                let a = try items(rt)
                let lo = max(0, try from?(rt) ?? 0)
                let hi = min(a.items.count, try to?(rt) ?? a.items.count)
                let x = try v(rt)
                if lo < hi { for k in lo..<hi { a.items[k] = x } }
            })
        default:
            throw c.builder.error(c.range, "\(c.name)() is not supported on arrays of objects yet")
        }
    }
}
