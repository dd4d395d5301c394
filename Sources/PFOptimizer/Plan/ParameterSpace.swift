import PineLanguage

/// The validated search space: the searched inputs, the fixed ones, and
/// every input of the script (for expressions over parameters).
public struct ParameterSpace: Sendable {
    public var dimensions: [ParameterDimension]
    /// `[strategy.inputs]` resolved to variable names.
    public var fixed: [String: InputValue]
    /// Every input the script declares, in source order.
    public var inputs: [InputSpec]

    /// The number of grid points (nil when a dimension is continuous or the
    /// product overflows).
    public var gridSize: Int? {
        var total = 1
        for d in dimensions {
            guard let c = d.count else { return nil }
            let (p, overflow) = total.multipliedReportingOverflow(by: c)
            if overflow { return nil }
            total = p
        }
        return total
    }

    /// The names expressions over parameters can use: every input's variable name.
    public var variableNames: [String] { inputs.map(\.name) }

    /// The value of every input (searched, fixed or default) for a run with
    /// `values` (one per dimension), in `inputs` order.
    public func allInputValues(_ values: [InputValue]) -> [InputValue] {
        var out = inputs.map(\.defaultValue)
        for (i, spec) in inputs.enumerated() {
            if let f = fixed[spec.name] { out[i] = f }
        }
        for (d, dim) in dimensions.enumerated() {
            if let i = inputIndex[dim.name], d < values.count { out[i] = values[d] }
        }
        return out
    }

    /// The inputs of a run request: fixed values plus the searched ones.
    public func requestInputs(_ values: [InputValue]) -> [String: InputValue] {
        var out = fixed
        for (d, dim) in dimensions.enumerated() where d < values.count { out[dim.name] = values[d] }
        return out
    }

    private var inputIndex: [String: Int]

    /// Validates a config's `[params]` and `[strategy.inputs]` against the
    /// script's inputs.
    public init(config: SweepConfig, inputs: [InputSpec]) throws(ConfigError) {
        let doc = config.document
        self.inputs = inputs
        var index: [String: Int] = [:]
        for (i, spec) in inputs.enumerated() where index[spec.name] == nil { index[spec.name] = i }
        inputIndex = index
        var taken: [String: String] = [:]

        func lookup(_ key: String, _ path: [String]) throws(ConfigError) -> InputSpec {
            if let i = index[key] { return inputs[i] }
            if let spec = inputs.first(where: { $0.title == key }) { return spec }
            let known = inputs.map { spec in spec.title.map { "\(spec.name) (\"\($0)\")" } ?? spec.name }
            throw doc.error(path, "the script has no input named \"\(key)\"; its inputs are: "
                + (known.isEmpty ? "none" : known.joined(separator: ", ")))
        }

        var fixed: [String: InputValue] = [:]
        for (key, value) in config.strategy.inputs {
            let path = ["strategy", "inputs", key]
            let spec = try lookup(key, path)
            if let other = taken[spec.name] { throw doc.error(path, "input \(spec.name) is already set by \(other)") }
            taken[spec.name] = path.joined(separator: ".")
            fixed[spec.name] = try Self.convert(value, for: spec, doc, path)
        }
        self.fixed = fixed

        var dims: [ParameterDimension] = []
        for param in config.params {
            let path = ["params", param.key]
            let spec = try lookup(param.key, path)
            if let other = taken[spec.name] { throw doc.error(path, "input \(spec.name) is already set by \(other)") }
            taken[spec.name] = path.joined(separator: ".")
            switch param.domain {
            case .values(let items):
                var list: [InputValue] = []
                for (i, item) in items.enumerated() {
                    let v = try Self.convert(item, for: spec, doc, path + ["values[\(i)]"])
                    if !list.contains(v) { list.append(v) }
                }
                dims.append(ParameterDimension(name: spec.name, kind: spec.kind, values: .list(list)))
            case .range(let from, let to, let step, let log):
                dims.append(try Self.range(from, to, step, log, spec, doc, path, config.search.method))
            }
        }
        dimensions = dims
        if config.search.method == .grid {
            for (d, param) in zip(dims, config.params) where d.count == nil {
                throw doc.error(["params", param.key], "a grid needs step = ... or values = [...] for a float range")
            }
            if gridSize == nil {
                throw doc.error(["params"], "the grid has more points than pfopt can count; use method = \"random\"")
            }
        }
    }

    private static func range(
        _ from: ConfigValue, _ to: ConfigValue, _ step: Double?, _ log: Bool, _ spec: InputSpec,
        _ doc: ConfigDocument, _ path: [String], _ method: SearchSection.Method
    ) throws(ConfigError) -> ParameterDimension {
        let lo = from.numeric ?? 0
        let hi = to.numeric ?? 0
        switch spec.kind {
        case .int:
            guard lo.rounded() == lo else { throw doc.error(path + ["from"], "input \(spec.name) is an integer; got \(lo)") }
            guard hi.rounded() == hi else { throw doc.error(path + ["to"], "input \(spec.name) is an integer; got \(hi)") }
            let s = step ?? 1
            guard s.rounded() == s, s >= 1 else {
                throw doc.error(path + ["step"], "input \(spec.name) is an integer; the step must be a whole number")
            }
            try checkBounds(lo, spec, doc, path + ["from"])
            try checkBounds(hi, spec, doc, path + ["to"])
            guard abs(lo) < 1e15, abs(hi) < 1e15 else { throw doc.error(path, "the range is too large") }
            return ParameterDimension(
                name: spec.name, kind: spec.kind, values: .intRange(lo: Int(lo), hi: Int(hi), step: Int(s), log: log))
        case .float, .price:
            try checkBounds(lo, spec, doc, path + ["from"])
            try checkBounds(hi, spec, doc, path + ["to"])
            if let step, (hi - lo) / step > 1e12 { throw doc.error(path + ["step"], "the step is too small for the range") }
            return ParameterDimension(
                name: spec.name, kind: spec.kind, values: .floatRange(lo: lo, hi: hi, step: step, log: log))
        default:
            throw doc.error(path, "input \(spec.name) is a \(spec.kind.rawValue) input; give values = [...] instead of a range")
        }
    }

    private static func checkBounds(_ v: Double, _ spec: InputSpec, _ doc: ConfigDocument, _ path: [String])
        throws(ConfigError)
    {
        if let minval = spec.minval, v < minval {
            throw doc.error(path, "\(InputValue.float(v).tidyDescription) is below input \(spec.name)'s minval \(InputValue.float(minval).tidyDescription)")
        }
        if let maxval = spec.maxval, v > maxval {
            throw doc.error(path, "\(InputValue.float(v).tidyDescription) is above input \(spec.name)'s maxval \(InputValue.float(maxval).tidyDescription)")
        }
    }

    /// Converts a config value to an input's type, checking minval/maxval/options.
    static func convert(_ value: ConfigValue, for spec: InputSpec, _ doc: ConfigDocument, _ path: [String])
        throws(ConfigError) -> InputValue
    {
        let result: InputValue
        switch spec.kind {
        case .int:
            switch value {
            case .int(let i): result = .int(i)
            case .float(let d) where d.rounded() == d && abs(d) < 1e15: result = .int(Int(d))
            default: throw doc.error(path, "input \(spec.name) is an integer; got \(value.typeName) \(value)")
            }
        case .float, .price:
            guard let d = value.numeric else {
                throw doc.error(path, "input \(spec.name) is a number; got \(value.typeName) \(value)")
            }
            result = .float(d)
        case .bool:
            guard case .bool(let b) = value else {
                throw doc.error(path, "input \(spec.name) is true/false; got \(value.typeName) \(value)")
            }
            result = .bool(b)
        case .time:
            switch value {
            case .int(let i): result = .int(i)
            case .string(let s), .datetime(let s): result = .string(s)
            default: throw doc.error(path, "input \(spec.name) is a time; got \(value.typeName) \(value)")
            }
        default:
            switch value {
            case .string(let s), .datetime(let s): result = spec.canonical(.string(s))
            default: throw doc.error(path, "input \(spec.name) is a \(spec.kind.rawValue) input; give a string, got \(value.typeName) \(value)")
            }
        }
        if let n = result.numericValue, spec.kind != .bool {
            try checkBounds(n, spec, doc, path)
        }
        if !spec.options.isEmpty {
            let matches = spec.options.contains { option in
                if let a = option.numericValue, let b = result.numericValue { return a == b }
                return option == result
            }
            if !matches {
                throw doc.error(path, "\(result) is not one of input \(spec.name)'s options: "
                    + spec.options.map(\.description).joined(separator: ", "))
            }
        }
        return result
    }
}

extension InputValue {
    /// The value as a CSV cell or message text (floats without binary noise).
    var tidyDescription: String {
        switch self {
        case .float(let d):
            let t = ParameterDimension.tidy(d)
            if t.rounded() == t && Swift.abs(t) < 1e15 { return String(Int64(t)) + ".0" }
            return String(t)
        default: return description
        }
    }
}
