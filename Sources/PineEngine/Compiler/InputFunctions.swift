import PineLanguage

/// `input()` and `input.*`: each call site reads its value from a cell the
/// instance sets per run (the optimizer's parameters).
enum InputFunctions {
    static let parameters = [
        "defval", "title", "minval", "maxval", "step", "tooltip", "inline", "group", "confirm", "display",
        "options", "active",
    ]

    /// Price series an `input.source` can select, by name.
    static let sources = ["open", "high", "low", "close", "volume", "hl2", "hlc3", "ohlc4", "hlcc4"]

    static func sourceValue(_ code: Double, _ rt: Runtime) -> Double {
        switch Int(code) {
        case 0: return rt.open
        case 1: return rt.high
        case 2: return rt.low
        case 4: return rt.volume
        case 5: return (rt.high + rt.low) / 2
        case 6: return (rt.high + rt.low + rt.close) / 3
        case 7: return (rt.open + rt.high + rt.low + rt.close) / 4
        case 8: return (rt.high + rt.low + rt.close + rt.close) / 4
        default: return rt.close
        }
    }

    static func register(into t: inout [String: BuiltinFunction]) {
        for kind in ["", ".int", ".float", ".bool", ".string", ".source", ".timeframe", ".session", ".price", ".time", ".symbol", ".color", ".text_area"] {
            let name = "input" + kind
            t[name] = BuiltinFunction(parameters: parameters) { a in try build(kind, a) }
        }
    }

    private static func build(_ kind: String, _ a: BoundArguments) throws -> CompiledValue {
        let builder = a.builder
        let defval = try a.value(0)
        let name = builder.declaringName ?? "input\(builder.inputs.count)"
        let title = a.constString(1)
        if kind == ".source" || (kind == "" && defval.type == .float && a.constNumber(0) == nil) {
            guard let sourceName = sourceName(of: a), let code = sources.firstIndex(of: sourceName) else {
                throw builder.error(a.range(0), "input.source() needs a price series (close, hl2, ...) as its default")
            }
            let cell = builder.arena.cell(Double(code))
            builder.inputs.append(InstanceInput(spec: spec(a, name, title, .source, .string(sourceName)), cell: cell, text: nil))
            return .num({ rt in sourceValue(cell.pointee, rt) }, .float, nil)
        }
        switch defval {
        case .str(_, let c?):
            let text = builder.arena.state { c }
            let k: InputSpec.Kind = kind == ".timeframe" ? .timeframe : kind == ".session" ? .session : kind == ".symbol" ? .symbol : .string
            builder.inputs.append(InstanceInput(spec: spec(a, name, title, k, .string(c)), cell: nil, text: text))
            return .str({ _ in text.pointee }, nil)
        case .bool(_, let c?):
            let cell = builder.arena.cell(c ? 1 : 0)
            builder.inputs.append(InstanceInput(spec: spec(a, name, title, .bool, .bool(c)), cell: cell, text: nil))
            return .bool({ _ in cell.pointee != 0 }, nil)
        case .num(_, let type, let c?):
            let isInt = kind == ".int" || kind == ".time" || (kind == "" && type == .int)
            let cell = builder.arena.cell(c)
            let value: InputValue = isInt ? .int(PineMath.clampedInt(c)) : .float(c)
            let k: InputSpec.Kind = kind == ".time" ? .time : kind == ".price" ? .price : kind == ".color" ? .color : (isInt ? .int : .float)
            builder.inputs.append(InstanceInput(spec: spec(a, name, title, k, value), cell: cell, text: nil))
            return .num({ _ in cell.pointee }, isInt ? .int : (type == .color ? .color : .float), nil)
        default:
            throw builder.error(a.range(0), "the default value of an input must be a constant")
        }
    }

    private static func spec(
        _ a: BoundArguments, _ name: String, _ title: String?, _ kind: InputSpec.Kind, _ value: InputValue
    ) -> InputSpec {
        var options: [InputValue] = []
        if a.has(10), let e = a.expressions[10], case .tuple(let items) = e.kind {
            for item in items {
                switch item.kind {
                case .intLiteral(let v): options.append(kind == .float ? .float(Double(v)) : .int(v))
                case .floatLiteral(let v): options.append(.float(v))
                case .stringLiteral(let v): options.append(.string(v))
                case .boolLiteral(let v): options.append(.bool(v))
                default: break
                }
            }
        }
        return InputSpec(
            name: name, title: title, kind: kind, defaultValue: value, minval: a.constNumber(2),
            maxval: a.constNumber(3), step: a.constNumber(4), options: options, group: a.constString(7),
            tooltip: a.constString(5), range: a.range)
    }

    private static func sourceName(of a: BoundArguments) -> String? {
        // The default of input.source is written as a series name.
        guard a.has(0), let e = a.expressions[0] else { return nil }
        return e.dottedName
    }
}
