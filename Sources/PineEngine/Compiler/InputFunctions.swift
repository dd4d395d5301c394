import PineLanguage

/// `input()` and `input.*`: each call site reads its value from a cell the
/// instance sets per run (the optimizer's parameters).
enum InputFunctions {
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

    static func register(into t: inout [String: BuiltinImplementation]) {
        for function in Builtins.functions.values where function.category == .input {
            t[function.name] = BuiltinImplementation { a in try build(a) }
        }
    }

    /// An input call reads the cell of its input. What the input is (kind,
    /// default) is the front end's `InputSpec` for this call, the one list of
    /// inputs; a source input is a series, every other kind one value per run.
    private static func build(_ a: BoundArguments) throws -> CompiledValue {
        let table = a.builder.inputs
        guard let spec = table.spec(at: a.range) else {
            throw a.builder.error(a.range, "internal: this input was not discovered by the front end")
        }
        let missing = a.builder.error(a.range, "internal: no cell for input '\(spec.name)'")
        if a.name == "input.enum" { return try enumInput(a, spec, missing: missing) }
        switch (spec.kind, spec.defaultValue) {
        case (.source, .string(let series)):
            guard let code = sources.firstIndex(of: series) else {
                throw a.builder.error(
                    a.range(0), "a source input's default must be a price series (\(sources.joined(separator: ", "))), not '\(series)'")
            }
            guard let cell = table.cell(at: a.range, initial: Double(code)) else { throw missing }
            return .num({ rt in sourceValue(cell.pointee, rt) }, .float, nil)
        case (.string, .string(let text)), (.timeframe, .string(let text)), (.session, .string(let text)),
            (.symbol, .string(let text)):
            guard let cell = table.text(at: a.range, initial: text) else { throw missing }
            return .str({ _ in cell.pointee }, nil)
        case (.bool, .bool(let flag)):
            guard let cell = table.cell(at: a.range, initial: flag ? 1 : 0) else { throw missing }
            return .bool({ _ in cell.pointee != 0 }, nil)
        case (.color, _):
            // Colors have no effect on a backtest: the cell keeps the default as compiled.
            let initial = try a.value(0).constNumber ?? 0
            guard let cell = table.cell(at: a.range, initial: initial) else { throw missing }
            return .num({ _ in cell.pointee }, .color, nil)
        case (.int, _), (.time, _):
            guard let x = spec.defaultValue.numericValue, let cell = table.cell(at: a.range, initial: x) else { throw missing }
            return .num({ _ in cell.pointee }, .int, nil)
        case (.float, _), (.price, _):
            guard let x = spec.defaultValue.numericValue, let cell = table.cell(at: a.range, initial: x) else { throw missing }
            return .num({ _ in cell.pointee }, .float, nil)
        default:
            throw a.builder.error(a.range(0), "\(a.name)() cannot take \(spec.defaultValue) as its default value")
        }
    }
}
