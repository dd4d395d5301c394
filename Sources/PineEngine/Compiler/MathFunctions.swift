import Foundation

/// `math.*`.
enum MathFunctions {
    static func register(into t: inout [String: BuiltinImplementation]) {
        let unary: [(String, ValueType?, (Double) -> Double)] = [
            ("math.abs", nil, { abs($0) }), ("math.sign", nil, PineMath.sign),
            ("math.floor", .int, { Foundation.floor($0) }), ("math.ceil", .int, { Foundation.ceil($0) }),
            ("math.sqrt", .float, { Foundation.sqrt($0) }), ("math.exp", .float, { Foundation.exp($0) }),
            ("math.log", .float, { Foundation.log($0) }), ("math.log10", .float, { Foundation.log10($0) }),
            ("math.sin", .float, { Foundation.sin($0) }), ("math.cos", .float, { Foundation.cos($0) }),
            ("math.tan", .float, { Foundation.tan($0) }), ("math.asin", .float, { Foundation.asin($0) }),
            ("math.acos", .float, { Foundation.acos($0) }), ("math.atan", .float, { Foundation.atan($0) }),
            ("math.todegrees", .float, { $0 * 180 / Double.pi }), ("math.toradians", .float, { $0 * Double.pi / 180 }),
        ]
        for (name, resultType, op) in unary {
            t[name] = BuiltinImplementation { a in
                let f = try a.num(0)
                let type = resultType ?? (a.type(0) == .int ? .int : .float)
                if let c = a.constNumber(0) { return .constant(op(c), type) }
                return .num({ rt in op(try f(rt)) }, type, nil)
            }
        }
        t["math.round"] = BuiltinImplementation { a in
            let f = try a.num(0)
            if a.has(1) {
                let p = try a.num(1)
                return .num({ rt in PineMath.round(try f(rt), precision: try p(rt)) }, .float, nil)
            }
            return .num({ rt in PineMath.round(try f(rt)) }, .int, nil)
        }
        t["math.round_to_mintick"] = BuiltinImplementation { a in
            let f = try a.num(0)
            return .num({ rt in PineMath.roundToMintick(try f(rt), mintick: rt.mintick) }, .float, nil)
        }
        t["math.pow"] = BuiltinImplementation { a in
            let f = try a.num(0)
            let g = try a.num(1)
            return .num({ rt in Foundation.pow(try f(rt), try g(rt)) }, .float, nil)
        }
        for (name, pick) in [("math.max", { (x: Double, y: Double) in Swift.max(x, y) }), ("math.min", { Swift.min($0, $1) })] {
            t[name] = BuiltinImplementation { a in
                var fns = [try a.num(0), try a.num(1)]
                var allInt = a.type(0) == .int && a.type(1) == .int
                for (v, r) in a.extra {
                    fns.append(try a.builder.number(v, r))
                    allInt = allInt && v.type == .int
                }
                let type: ValueType = allInt ? .int : .float
                if fns.count == 2 {
                    let f = fns[0]
                    let g = fns[1]
                    return .num({ rt in
                        let x = try f(rt)
                        let y = try g(rt)
                        return x.isNaN || y.isNaN ? .nan : pick(x, y)
                    }, type, nil)
                }
                return .num({ rt in
                    var m = try fns[0](rt)
                    for f in fns.dropFirst() {
                        let x = try f(rt)
                        if x.isNaN || m.isNaN { return .nan }
                        m = pick(m, x)
                    }
                    return m
                }, type, nil)
            }
        }
        t["math.avg"] = BuiltinImplementation { a in
            var fns = [try a.num(0), try a.num(1)]
            for (v, r) in a.extra { fns.append(try a.builder.number(v, r)) }
            let n = Double(fns.count)
            return .num({ rt in
                var s = 0.0
                for f in fns { s += try f(rt) }
                return s / n
            }, .float, nil)
        }
        t["math.sum"] = BuiltinImplementation { a in
            let f = try a.num(0)
            let n = try a.int(1)
            let st = a.builder.arena.state { SumState() }
            return .num({ rt in st.pointee.update(try f(rt), length: try n(rt)) }, .float, nil)
        }
        t["math.random"] = BuiltinImplementation { a in
            let lo = try a.num(0, default: 0)
            let hi = try a.num(1, default: 1)
            let seed = a.constNumber(2).map { UInt64(bitPattern: Int64($0)) } ?? 0x9E37_79B9_7F4A_7C15
            let st = a.builder.arena.state { seed }
            return .num({ rt in
                // splitmix64: deterministic per call site and seed.
                st.pointee &+= 0x9E37_79B9_7F4A_7C15
                var z = st.pointee
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                z ^= z >> 31
                let u = Double(z >> 11) / Double(1 << 53)
                let l = try lo(rt)
                return l + u * (try hi(rt) - l)
            }, .float, nil)
        }
    }
}
