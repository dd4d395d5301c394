import PineLanguage

/// `color.*`: colors as `PineColor` numbers. A call whose arguments are all
/// constants is folded (so `input.color(color.new(color.red, 50))` has a
/// constant default).
enum ColorFunctions {
    static func register(into t: inout [String: BuiltinImplementation]) {
        t["color.new"] = BuiltinImplementation { a in
            let (c, transp) = (try a.num(0), try a.num(1))
            if let k = constants(a, 2) { return .constant(PineColor.with(k[0], transparency: k[1]), .color) }
            return .num({ rt in PineColor.with(try c(rt), transparency: try transp(rt)) }, .color, nil)
        }
        t["color.rgb"] = BuiltinImplementation { a in
            let (r, g, b, transp) = (try a.num(0), try a.num(1), try a.num(2), try a.num(3, default: 0))
            if let k = constants(a, 4, defaults: [3: 0]) {
                return .constant(PineColor.pack(red: k[0], green: k[1], blue: k[2], transparency: k[3]), .color)
            }
            return .num({ rt in
                PineColor.pack(red: try r(rt), green: try g(rt), blue: try b(rt), transparency: try transp(rt))
            }, .color, nil)
        }
        t["color.from_gradient"] = BuiltinImplementation { a in
            let (v, bottom, top, low, high) = (try a.num(0), try a.num(1), try a.num(2), try a.num(3), try a.num(4))
            if let k = constants(a, 5) { return .constant(PineColor.gradient(k[0], bottom: k[1], top: k[2], k[3], k[4]), .color) }
            return .num({ rt in
                PineColor.gradient(try v(rt), bottom: try bottom(rt), top: try top(rt), try low(rt), try high(rt))
            }, .color, nil)
        }
        let parts: [(String, @Sendable (Double) -> Double)] = [
            ("color.r", PineColor.red), ("color.g", PineColor.green), ("color.b", PineColor.blue),
            ("color.t", PineColor.transparency),
        ]
        for (name, part) in parts {
            t[name] = BuiltinImplementation { a in
                let f = try a.num(0)
                if let c = a.constNumber(0) { return .constant(part(c), .float) }
                return .num({ rt in part(try f(rt)) }, .float, nil)
            }
        }
    }

    /// The first `count` arguments' constant values, or nil unless all are
    /// constants (an absent argument takes its value from `defaults`).
    private static func constants(_ a: BoundArguments, _ count: Int, defaults: [Int: Double] = [:]) -> [Double]? {
        var out: [Double] = []
        for i in 0..<count {
            guard let x = a.has(i) ? a.constNumber(i) : defaults[i] else { return nil }
            out.append(x)
        }
        return out
    }
}
