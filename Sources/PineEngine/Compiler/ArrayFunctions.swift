import Foundation
import PineLanguage

/// The core of `array.*` for numeric and string arrays.
enum ArrayFunctions {
    static func elementType(_ a: BoundArguments, fallback: ValueType) -> ValueType {
        guard let t = a.typeArguments.first?.name else { return fallback }
        switch t {
        case "int": return .int
        case "bool": return .bool
        case "string": return .string
        case "color": return .color
        default: return a.builder.userTypes.enums[t] != nil ? .enumeration(t) : .float
        }
    }

    /// TradingView's largest array.
    static let maximumSize = 100_000

    private static func sizeError(_ rt: Runtime, _ a: BoundArguments, _ n: Int) -> ScriptRuntimeError {
        rt.error(
            "an array of \(n) elements is larger than TradingView allows (\(maximumSize))",
            line: a.range.start.line, column: a.range.start.column)
    }

    /// The size of a new array, checked against the limit (negative sizes are empty).
    private static func checkedSize(_ rt: Runtime, _ a: BoundArguments, _ n: Int) throws -> Int {
        if n > maximumSize { throw sizeError(rt, a, n) }
        return max(0, n)
    }

    /// Throws when an array of `count` elements cannot grow by one.
    @inline(__always)
    private static func checkGrowth(_ rt: Runtime, _ a: BoundArguments, _ count: Int) throws {
        if count >= maximumSize { throw sizeError(rt, a, count + 1) }
    }

    private static func indexError(_ rt: Runtime, _ a: BoundArguments, _ i: Int, _ count: Int) -> ScriptRuntimeError {
        rt.error(
            "array index \(i) is out of bounds (the array has \(count) elements)",
            line: a.range.start.line, column: a.range.start.column)
    }

    static func register(into t: inout [String: BuiltinImplementation]) {
        // Tables and linefills are display-only ids held as numbers (see `VisualFunctions`).
        let suffixes: [(String, ValueType?)] = [
            ("", nil), ("_float", .float), ("_int", .int), ("_bool", .bool), ("_string", .string), ("_color", .color),
            ("_table", .float), ("_linefill", .float),
        ]
        for (suffix, fixed) in suffixes {
            t["array.new" + suffix] = BuiltinImplementation { a in
                let e = fixed ?? elementType(a, fallback: .float)
                let size = try a.int(0, default: 0)
                if e == .string {
                    let initial = a.has(1) ? try a.str(1) : { _ in "" }
                    return .array({ rt in
                        PineArray(strings: Array(repeating: try initial(rt), count: try checkedSize(rt, a, try size(rt))))
                    }, e)
                }
                let initial = try a.num(1, default: .nan)
                return .array({ rt in PineArray(count: try checkedSize(rt, a, try size(rt)), fill: try initial(rt)) }, e)
            }
        }
        t["array.from"] = BuiltinImplementation { a in
            let first = try a.value(0)
            var all = [(first, a.range(0))] + a.extra
            if first.type == .string {
                let fns = try all.map { try a.builder.string($0.0, $0.1) }
                return .array({ rt in PineArray(strings: try fns.map { try $0(rt) }) }, .string)
            }
            let fns = try all.map { try a.builder.number($0.0, $0.1) }
            all.removeAll()
            let e: ValueType = first.type == .int ? .int : (first.type == .bool ? .bool : .float)
            return .array({ rt in
                let arr = PineArray(count: 0, fill: 0)
                for f in fns { arr.values.append(try f(rt)) }
                return arr
            }, e)
        }
        t["array.size"] = BuiltinImplementation { a in
            let (f, _) = try a.builder.array(a.value(0), a.range(0))
            return .num({ rt in Double(try f(rt).count) }, .int, nil)
        }
        t["array.clear"] = BuiltinImplementation { a in
            let (f, _) = try a.builder.array(a.value(0), a.range(0))
            return .void({ rt in
                let arr = try f(rt)
                arr.values.removeAll(keepingCapacity: true)
                arr.strings.removeAll(keepingCapacity: true)
                return .normal
            })
        }
        t["array.push"] = BuiltinImplementation { a in
            let (f, e) = try a.builder.array(a.value(0), a.range(0))
            if e == .string {
                let v = try a.str(1)
                return .void({ rt in
                    let arr = try f(rt)
                    try checkGrowth(rt, a, arr.count)
                    arr.strings.append(try v(rt))
                    return .normal
                })
            }
            let v = try a.num(1)
            return .void({ rt in
                let arr = try f(rt)
                try checkGrowth(rt, a, arr.count)
                arr.values.append(try v(rt))
                return .normal
            })
        }
        t["array.unshift"] = BuiltinImplementation { a in
            let (f, e) = try a.builder.array(a.value(0), a.range(0))
            if e == .string {
                let v = try a.str(1)
                return .void({ rt in
                    let arr = try f(rt)
                    try checkGrowth(rt, a, arr.count)
                    arr.strings.insert(try v(rt), at: 0)
                    return .normal
                })
            }
            let v = try a.num(1)
            return .void({ rt in
                let arr = try f(rt)
                try checkGrowth(rt, a, arr.count)
                arr.values.insert(try v(rt), at: 0)
                return .normal
            })
        }
        for (name, fromFront) in [("array.pop", false), ("array.shift", true)] {
            t[name] = BuiltinImplementation { a in
                let (f, e) = try a.builder.array(a.value(0), a.range(0))
                if e == .string {
                    return .str({ rt in
                        let arr = try f(rt)
                        guard !arr.strings.isEmpty else { throw indexError(rt, a, 0, 0) }
                        return fromFront ? arr.strings.removeFirst() : arr.strings.removeLast()
                    }, nil)
                }
                return .num({ rt in
                    let arr = try f(rt)
                    guard !arr.values.isEmpty else { throw indexError(rt, a, 0, 0) }
                    return fromFront ? arr.values.removeFirst() : arr.values.removeLast()
                }, e, nil)
            }
        }
        t["array.get"] = BuiltinImplementation { a in
            let (f, e) = try a.builder.array(a.value(0), a.range(0))
            let i = try a.int(1)
            if e == .string {
                return .str({ rt in
                    let arr = try f(rt)
                    var k = try i(rt)
                    if k < 0 { k += arr.count }
                    guard k >= 0 && k < arr.count else { throw indexError(rt, a, k, arr.count) }
                    return arr.strings[k]
                }, nil)
            }
            let read: NumFn = { rt in
                let arr = try f(rt)
                var k = try i(rt)
                if k < 0 { k += arr.count }
                guard k >= 0 && k < arr.count else { throw indexError(rt, a, k, arr.count) }
                return arr.values[k]
            }
            return e == .bool ? .bool({ rt in try read(rt) != 0 }, nil) : .num(read, e, nil)
        }
        for (name, atEnd) in [("array.first", false), ("array.last", true)] {
            t[name] = BuiltinImplementation { a in
                let (f, e) = try a.builder.array(a.value(0), a.range(0))
                if e == .string {
                    return .str({ rt in
                        let arr = try f(rt)
                        guard let s = atEnd ? arr.strings.last : arr.strings.first else { throw indexError(rt, a, 0, 0) }
                        return s
                    }, nil)
                }
                return .num({ rt in
                    let arr = try f(rt)
                    guard !arr.values.isEmpty else { throw indexError(rt, a, 0, 0) }
                    return atEnd ? arr.values[arr.values.count - 1] : arr.values[0]
                }, e, nil)
            }
        }
        t["array.set"] = BuiltinImplementation { a in
            let (f, e) = try a.builder.array(a.value(0), a.range(0))
            let i = try a.int(1)
            if e == .string {
                let v = try a.str(2)
                return .void({ rt in
                    let arr = try f(rt)
                    let k = try i(rt)
                    guard k >= 0 && k < arr.count else { throw indexError(rt, a, k, arr.count) }
                    arr.strings[k] = try v(rt)
                    return .normal
                })
            }
            let v = try a.num(2)
            return .void({ rt in
                let arr = try f(rt)
                let k = try i(rt)
                guard k >= 0 && k < arr.count else { throw indexError(rt, a, k, arr.count) }
                arr.values[k] = try v(rt)
                return .normal
            })
        }
        t["array.remove"] = BuiltinImplementation { a in
            let (f, e) = try a.builder.array(a.value(0), a.range(0))
            let i = try a.int(1)
            if e == .string {
                return .str({ rt in
                    let arr = try f(rt)
                    let k = try i(rt)
                    guard k >= 0 && k < arr.strings.count else { throw indexError(rt, a, k, arr.count) }
                    return arr.strings.remove(at: k)
                }, nil)
            }
            return .num({ rt in
                let arr = try f(rt)
                let k = try i(rt)
                guard k >= 0 && k < arr.values.count else { throw indexError(rt, a, k, arr.count) }
                return arr.values.remove(at: k)
            }, e, nil)
        }
        t["array.insert"] = BuiltinImplementation { a in
            let (f, e) = try a.builder.array(a.value(0), a.range(0))
            let i = try a.int(1)
            if e == .string {
                let v = try a.str(2)
                return .void({ rt in
                    let arr = try f(rt)
                    let k = try i(rt)
                    guard k >= 0 && k <= arr.strings.count else { throw indexError(rt, a, k, arr.count) }
                    try checkGrowth(rt, a, arr.count)
                    arr.strings.insert(try v(rt), at: k)
                    return .normal
                })
            }
            let v = try a.num(2)
            return .void({ rt in
                let arr = try f(rt)
                let k = try i(rt)
                guard k >= 0 && k <= arr.values.count else { throw indexError(rt, a, k, arr.count) }
                try checkGrowth(rt, a, arr.count)
                arr.values.insert(try v(rt), at: k)
                return .normal
            })
        }
        let reducers: [(String, ValueType?, ([Double]) -> Double)] = [
            ("array.sum", nil, { $0.contains(where: \.isNaN) ? .nan : $0.reduce(0, +) }),
            ("array.avg", .float, { $0.isEmpty || $0.contains(where: \.isNaN) ? .nan : $0.reduce(0, +) / Double($0.count) }),
            ("array.range", nil, { v in let x = v.filter { !$0.isNaN }; return (x.max() ?? .nan) - (x.min() ?? .nan) }),
            ("array.median", .float, { v in
                let x = v.filter { !$0.isNaN }.sorted()
                if x.isEmpty { return .nan }
                return x.count % 2 == 1 ? x[x.count / 2] : (x[x.count / 2 - 1] + x[x.count / 2]) / 2
            }),
        ]
        for (name, fixed, reduce) in reducers {
            t[name] = BuiltinImplementation { a in
                let (f, e) = try a.builder.numericArray(a.value(0), a.range(0), function: a.name)
                return .num({ rt in reduce(try f(rt).values) }, fixed ?? e, nil)
            }
        }
        t["array.includes"] = BuiltinImplementation { a in
            let (f, e) = try a.builder.array(a.value(0), a.range(0))
            if e == .string {
                let v = try a.str(1)
                return .bool({ rt in try f(rt).strings.contains(try v(rt)) }, nil)
            }
            let v = try a.num(1)
            return .bool({ rt in
                let x = try v(rt)
                return try f(rt).values.contains { $0 == x || ($0.isNaN && x.isNaN) }
            }, nil)
        }
        for (name, last) in [("array.indexof", false), ("array.lastindexof", true)] {
            t[name] = BuiltinImplementation { a in
                let (f, e) = try a.builder.array(a.value(0), a.range(0))
                if e == .string {
                    let v = try a.str(1)
                    return .num({ rt in
                        let s = try v(rt)
                        let arr = try f(rt).strings
                        return Double((last ? arr.lastIndex(of: s) : arr.firstIndex(of: s)) ?? -1)
                    }, .int, nil)
                }
                let v = try a.num(1)
                return .num({ rt in
                    let x = try v(rt)
                    let arr = try f(rt).values
                    return Double((last ? arr.lastIndex(of: x) : arr.firstIndex(of: x)) ?? -1)
                }, .int, nil)
            }
        }
        t["array.sort"] = BuiltinImplementation { a in
            let (f, _) = try a.builder.array(a.value(0), a.range(0))
            let isDescending = try a.builder.sortDescending(a.has(1) ? a.value(1) : nil, a.range(1))
            return .void({ rt in
                let arr = try f(rt)
                let descending = try isDescending(rt)
                if arr.holdsStrings {
                    arr.strings.sort(by: descending ? (>) : (<))
                } else {
                    arr.values.sort { x, y in
                        if x.isNaN { return false }
                        if y.isNaN { return true }
                        return descending ? x > y : x < y
                    }
                }
                return .normal
            })
        }
        t["array.reverse"] = BuiltinImplementation { a in
            let (f, _) = try a.builder.array(a.value(0), a.range(0))
            return .void({ rt in
                let arr = try f(rt)
                arr.values.reverse()
                arr.strings.reverse()
                return .normal
            })
        }
        t["array.copy"] = BuiltinImplementation { a in
            let (f, e) = try a.builder.array(a.value(0), a.range(0))
            return .array({ rt in
                let src = try f(rt)
                if src.holdsStrings { return PineArray(strings: src.strings) }
                let c = PineArray(count: 0, fill: 0)
                c.values = src.values
                return c
            }, e)
        }
        t["array.slice"] = BuiltinImplementation { a in
            let (f, e) = try a.builder.array(a.value(0), a.range(0))
            let from = try a.int(1)
            let to = try a.int(2)
            return .array({ rt in
                let src = try f(rt)
                let lo = try from(rt)
                let hi = try to(rt)
                guard lo >= 0, hi <= src.count, lo <= hi else { throw indexError(rt, a, lo < 0 ? lo : hi, src.count) }
                if src.holdsStrings { return PineArray(strings: Array(src.strings[lo..<hi])) }
                let c = PineArray(count: 0, fill: 0)
                c.values = Array(src.values[lo..<hi])
                return c
            }, e)
        }
        t["array.fill"] = BuiltinImplementation { a in
            let (f, e) = try a.builder.array(a.value(0), a.range(0))
            let from = try a.int(2, default: 0)
            let to = try a.int(3, default: Int.max)
            if e == .string {
                let v = try a.str(1)
                return .void({ rt in
                    let arr = try f(rt)
                    let lo = max(0, try from(rt))
                    let hi = min(arr.strings.count, try to(rt))
                    let x = try v(rt)
                    if lo < hi { for k in lo..<hi { arr.strings[k] = x } }
                    return .normal
                })
            }
            let v = try a.num(1)
            return .void({ rt in
                let arr = try f(rt)
                let lo = max(0, try from(rt))
                let hi = min(arr.values.count, try to(rt))
                let x = try v(rt)
                if lo < hi { for k in lo..<hi { arr.values[k] = x } }
                return .normal
            })
        }
    }
}
