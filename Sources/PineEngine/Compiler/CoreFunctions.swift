import Foundation
import PineLanguage

/// `na`, `nz`, `fixnan`, conversions, strings and time helpers.
enum CoreFunctions {
    static func register(into t: inout [String: BuiltinImplementation]) {
        t["na"] = BuiltinImplementation { a in
            if let state = try a.builder.version5BoolArgument(a, "na") {
                return .bool({ rt in try state(rt).isNaN }, nil)
            }
            let v = try a.value(0)
            if case .str = v { return .constant(false) }
            if case .array(let f, _) = v {
                // Any array expression may give `na` (a variable, a field, a ternary, a function result).
                return .bool({ rt in try f(rt).isNa }, nil)
            }
            let f = try a.num(0)
            return .bool({ rt in try f(rt).isNaN }, nil)
        }
        t["nz"] = BuiltinImplementation { a in
            if let state = try a.builder.version5BoolArgument(a, "nz") {
                // A version 5 bool: na becomes the replacement (false by default).
                let r = try a.bool(1, default: false)
                return .bool({ rt in
                    let x = try state(rt)
                    return x.isNaN ? try r(rt) : x == 1
                }, nil)
            }
            let f = try a.num(0)
            let r = try a.num(1, default: 0)
            let type = a.type(0) == .int ? ValueType.int : (a.type(0) == .color ? .color : .float)
            return .num({ rt in
                let x = try f(rt)
                return x.isNaN ? try r(rt) : x
            }, type, nil)
        }
        t["runtime.error"] = BuiltinImplementation { a in
            let message = try a.str(0)
            let at = a.range.start
            return .void({ rt in throw rt.error(try message(rt), line: at.line, column: at.column) })
        }
        t["fixnan"] = BuiltinImplementation { a in
            if let state = try a.builder.version5BoolArgument(a, "fixnan") {
                // A version 5 bool: na becomes the last value that was not na (false before any).
                let last = a.builder.arena.cell(0)
                return .bool({ rt in
                    let x = try state(rt)
                    if !x.isNaN { last.pointee = x }
                    return last.pointee == 1
                }, nil)
            }
            let f = try a.num(0)
            let last = a.builder.arena.cell()
            return .num({ rt in
                let x = try f(rt)
                if x.isNaN { return last.pointee }
                last.pointee = x
                return x
            }, a.type(0) ?? .float, nil)
        }
        t["int"] = BuiltinImplementation { a in
            let f = try a.num(0)
            if let c = a.constNumber(0) { return .constant(PineMath.toInt(c), .int) }
            return .num({ rt in PineMath.toInt(try f(rt)) }, .int, nil)
        }
        t["float"] = BuiltinImplementation { a in
            let f = try a.num(0)
            return .num(f, .float, a.constNumber(0))
        }
        t["bool"] = BuiltinImplementation { a in
            let f = try a.bool(0)
            return .bool(f, nil)
        }
        t["str.tostring"] = BuiltinImplementation { a in
            let v = try a.value(0)
            switch v {
            case .str(let f, _): return .str(f, nil)
            case .bool(let f, _): return .str({ rt in try f(rt) ? "true" : "false" }, nil)
            default:
                let f = try a.num(0)
                let isInt = v.type == .int
                if a.has(1) {
                    let pattern = try a.str(1)
                    let named = a.expressions[1]?.dottedName
                    return .str({ rt in
                        let x = try f(rt)
                        if named == "format.mintick" { return PineFormat.number(PineMath.roundToMintick(x, mintick: rt.mintick), isInt: false) }
                        return PineFormat.pattern(x, try pattern(rt))
                    }, nil)
                }
                return .str({ rt in PineFormat.number(try f(rt), isInt: isInt) }, nil)
            }
        }
        t["str.format"] = BuiltinImplementation { a in
            let format = try a.str(0)
            // A constant pattern is parsed once, when the script is compiled.
            let parsed = a.constString(0).map(PineMessageFormat.init)
            var parts: [(Runtime) throws -> FormatArgument] = []
            for (v, r) in a.extra {
                switch v {
                case .str(let f, _): parts.append({ rt in .text(try f(rt)) })
                case .bool(let f, _): parts.append({ rt in .bool(try f(rt)) })
                default:
                    let f = try a.builder.number(v, r)
                    let isInt = v.type == .int
                    parts.append({ rt in .number(try f(rt), isInt: isInt) })
                }
            }
            return .str({ rt in
                let values = try parts.map { try $0(rt) }
                let message = try parsed ?? PineMessageFormat(try format(rt))
                return message.render(values) { TimeZone(identifier: rt.clock.identifier) ?? TimeZone(secondsFromGMT: 0) ?? .current }
            }, nil)
        }
        t["str.length"] = BuiltinImplementation { a in
            let f = try a.str(0)
            return .num({ rt in Double(try f(rt).count) }, .int, nil)
        }
        t["str.contains"] = BuiltinImplementation { a in
            let f = try a.str(0)
            let g = try a.str(1)
            return .bool({ rt in try f(rt).contains(try g(rt)) }, nil)
        }
        t["str.upper"] = BuiltinImplementation { a in
            let f = try a.str(0)
            return .str({ rt in try f(rt).uppercased() }, nil)
        }
        t["str.lower"] = BuiltinImplementation { a in
            let f = try a.str(0)
            return .str({ rt in try f(rt).lowercased() }, nil)
        }
        t["str.tonumber"] = BuiltinImplementation { a in
            let f = try a.str(0)
            return .num({ rt in Double(try f(rt).trimmingCharacters(in: .whitespaces)) ?? .nan }, .float, nil)
        }
    }
}
