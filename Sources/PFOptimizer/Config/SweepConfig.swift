import PFData
import PineLanguage

/// A sweep (and walk-forward) config, decoded strictly from TOML.
///
/// Every key is checked: unknown keys, wrong types and bad values throw a
/// `ConfigError` naming the key and its line. Paths resolve against the
/// config file's directory.
public struct SweepConfig: Sendable {
    /// The parsed document (kept to name keys and lines in later checks).
    public let document: ConfigDocument
    public var strategy: StrategySection
    public var data: DataSection
    public var search: SearchSection
    /// `[params]` in file order.
    public var params: [ParamDefinition]
    public var objective: ObjectiveSection
    public var output: OutputSection
    /// `[walkforward]`, when present.
    public var walkForward: WalkForwardSection?

    /// Reads the config at `path` with `--set` overrides ("key=value").
    public static func load(path: String, overrides: [String] = []) throws(ConfigError) -> SweepConfig {
        try SweepConfig(document: ConfigDocument(path: path, overrides: overrides))
    }

    /// Decodes a parsed document.
    public init(document doc: ConfigDocument) throws(ConfigError) {
        self.document = doc
        let topKeys = ["strategy", "data", "search", "params", "objective", "output", "walkforward"]
        var top = try TableReader(doc, [])
        for key in topKeys { top.markUsed(key) }
        try top.finish(allowed: topKeys)

        strategy = try Self.decodeStrategy(doc)
        data = try Self.decodeData(doc)
        search = try Self.decodeSearch(doc)
        params = try Self.decodeParams(doc)
        objective = try Self.decodeObjective(doc)
        output = try Self.decodeOutput(doc)
        walkForward = try Self.decodeWalkForward(doc)
        if params.isEmpty {
            throw doc.error(["params"], "no parameter to search; add e.g. fast = { from = 5, to = 50, step = 5 }")
        }
        if search.method == .random && search.trials == nil {
            throw doc.error(["search", "trials"], "random search needs trials = N (the number of runs)")
        }
    }

    /// The engine setup every run of the sweep shares.
    public func engineSetup(fixedInputs: [String: InputValue] = [:]) -> EngineSetup {
        EngineSetup(
            scriptPath: strategy.scriptPath, fixedInputs: fixedInputs, overrides: strategy.overrides,
            dataPath: data.file, symbolPath: data.symbol, timeframe: data.timeframe,
            tradeFrom: data.from, historyFrom: data.historyFrom, tradeTo: data.to, magnifierMode: data.magnifierMode,
            magnifierSamples: data.magnifierSamples, magnifierDistribution: data.magnifierDistribution,
            fx: data.fx, fxRate: data.fxRate, symbols: data.symbols,
            libraryPath: strategy.libraryPath,
            declaredInputs: strategy.libraryPath == nil
                ? [] : LibraryEvaluator.declaredInputs(params: params, fixed: strategy.inputs))
    }

    // MARK: - Sections

    private static func decodeStrategy(_ doc: ConfigDocument) throws(ConfigError) -> StrategySection {
        var r = try TableReader(doc, ["strategy"])
        guard r.isPresent else {
            throw doc.error(["strategy"], "missing; add [strategy] with script = \"path/to/strategy.pine\"")
        }
        let library = try r.string("library").map(doc.resolvePath)
        let script: String
        if let library {
            if r.raw("script") != nil {
                throw r.error("library", "give either script = \"...pine\" or library = \"...so\", not both")
            }
            script = library
        } else {
            script = doc.resolvePath(try r.requiredString("script"))
        }
        r.markUsed("inputs")
        r.markUsed("overrides")
        try r.finish(allowed: ["script", "library", "inputs", "overrides"])

        let inputsReader = try TableReader(doc, ["strategy", "inputs"])
        let inputs = inputsReader.keysInOrder.compactMap { key in
            inputsReader.entries[key].map { (key: key, value: $0) }
        }

        var o = try TableReader(doc, ["strategy", "overrides"])
        var overrides: [String: InputValue] = [:]
        for key in o.keysInOrder {
            guard let kind = StrategySection.overrideKinds[key] else {
                throw o.error(key, "unknown strategy() property; expected one of "
                    + StrategySection.overrideKinds.keys.sorted().joined(separator: ", "))
            }
            overrides[key] = try decodeOverride(&o, key, kind)
        }
        return StrategySection(scriptPath: script, libraryPath: library, inputs: inputs, overrides: overrides)
    }

    private static func decodeOverride(_ r: inout TableReader, _ key: String, _ kind: StrategySection.OverrideKind)
        throws(ConfigError) -> InputValue
    {
        switch kind {
        case .number:
            let v = try r.double(key) ?? 0
            guard v.isFinite else { throw r.error(key, "must be a finite number, got \(v)") }
            return .float(v)
        case .positiveNumber, .nonNegativeNumber:
            let v = try r.double(key) ?? 0
            let ok = kind == .positiveNumber ? v > 0 : v >= 0
            guard ok, v.isFinite else {
                throw r.error(key, "must be \(kind == .positiveNumber ? "above 0" : "0 or more"), got \(v)")
            }
            return .float(v)
        case .nonNegativeInt:
            let v = try r.int(key) ?? 0
            guard v >= 0 else { throw r.error(key, "must be 0 or more, got \(v)") }
            return .int(v)
        case .bool:
            return .bool(try r.bool(key) ?? false)
        case .string:
            return .string(try r.requiredString(key))
        case .oneOf(let allowed):
            let s = try r.requiredString(key)
            let normalized = s.replacingOccurrences(of: "strategy.commission.", with: "")
                .replacingOccurrences(of: "strategy.direction.", with: "").replacingOccurrences(of: "strategy.", with: "")
            guard let match = allowed.first(where: { $0.lowercased() == normalized.lowercased() }) else {
                throw r.error(key, "\"\(s)\" is not one of \(allowed.joined(separator: ", "))")
            }
            return .string(match)
        }
    }

    private static func decodeData(_ doc: ConfigDocument) throws(ConfigError) -> DataSection {
        var r = try TableReader(doc, ["data"])
        guard r.isPresent else {
            throw doc.error(["data"], "missing; add [data] with file = \"path/to/bars.csv\"")
        }
        let file = doc.resolvePath(try r.requiredString("file"))
        let symbol = try r.string("symbol").map(doc.resolvePath)
        let timeframe: String?
        switch r.raw("timeframe") {
        case .none: timeframe = nil
        case .string(let s): timeframe = s
        case .int(let i): timeframe = String(i)
        case .some(let v): throw r.error("timeframe", "expected a timeframe such as \"60\" or \"1D\", found \(v.typeName)")
        }
        let timezone = try r.string("timezone")
        let from = try time(&r, "from", timezone: timezone)
        let to = try time(&r, "to", timezone: timezone)
        let historyFrom = try time(&r, "history_from", timezone: timezone)
        if let historyFrom, let from, from < historyFrom {
            throw r.error("from", "is before history_from (\(UTCCalendar.isoString(milliseconds: historyFrom))): no bar is fed before it")
        }
        if let from, let to, from >= to {
            throw r.error("to", "must be after from (\(UTCCalendar.isoString(milliseconds: from)))")
        }
        r.markUsed("magnifier")
        let fx = try r.string("fx").map(doc.resolvePath)
        let fxRate = try r.double("fx_rate")
        if let fxRate, !(fxRate.isFinite && fxRate > 0) {
            throw r.error("fx_rate", "must be a positive number (1 unit of the strategy's currency in the symbol's), got \(fxRate)")
        }
        if fx != nil && fxRate != nil { throw r.error("fx_rate", "give either fx (a rate file) or fx_rate (a constant), not both") }
        r.markUsed("symbols")
        try r.finish(allowed: [
            "file", "symbol", "timeframe", "timezone", "from", "to", "history_from", "magnifier", "fx", "fx_rate", "symbols",
        ])

        var sym = try TableReader(doc, ["data", "symbols"])
        var symbols: [String: String] = [:]
        for ticker in sym.keysInOrder {
            guard let path = try sym.string(ticker) else { continue }
            symbols[ticker] = doc.resolvePath(path)
        }

        var m = try TableReader(doc, ["data", "magnifier"])
        let mode = try m.oneOf("mode", ["off", "real", "synthetic"], default: "off")
        let samples = try m.int("samples") ?? 4
        guard samples >= 1 && samples <= 1000 else {
            throw m.error("samples", "must be between 1 and 1000, got \(samples)")
        }
        let distribution = try m.oneOf(
            "distribution", ["uniform", "cosine", "triangle", "endpoints", "front_loaded", "back_loaded"],
            default: "endpoints")
        try m.finish(allowed: ["mode", "samples", "distribution"])
        var section = DataSection(
            file: file, symbol: symbol, timeframe: timeframe, from: from, to: to, magnifierMode: mode,
            magnifierSamples: samples, magnifierDistribution: distribution, fx: fx, fxRate: fxRate, symbols: symbols)
        section.historyFrom = historyFrom
        return section
    }

    private static func time(_ r: inout TableReader, _ key: String, timezone: String?) throws(ConfigError) -> Int64? {
        let text: String
        switch r.raw(key) {
        case .none: return nil
        case .string(let s), .datetime(let s): text = s
        case .int(let i): text = String(i)
        case .some(let v): throw r.error(key, "expected a date such as \"2025-01-01\", found \(v.typeName)")
        }
        do {
            return try TimeParsing.parse(text, timezone: timezone)
        } catch {
            throw r.error(key, String(describing: error))
        }
    }

    private static func decodeSearch(_ doc: ConfigDocument) throws(ConfigError) -> SearchSection {
        var r = try TableReader(doc, ["search"])
        let method = SearchSection.Method(rawValue: try r.oneOf("method", ["grid", "random"], default: "grid")) ?? .grid
        let trials = try r.int("trials")
        if let trials, trials < 1 { throw r.error("trials", "must be 1 or more, got \(trials)") }
        let seed = try r.int("seed") ?? 42
        let constraints = try r.stringArray("constraints") ?? []
        try r.finish(allowed: ["method", "trials", "seed", "constraints"])
        return SearchSection(method: method, trials: trials, seed: UInt64(bitPattern: Int64(seed)),
                             constraints: constraints)
    }

    private static func decodeParams(_ doc: ConfigDocument) throws(ConfigError) -> [ParamDefinition] {
        let r = try TableReader(doc, ["params"])
        var out: [ParamDefinition] = []
        for key in r.keysInOrder {
            guard let value = r.entries[key] else { continue }
            let path = ["params", key]
            let domain: ParamDefinition.Domain
            switch value {
            case .array(let items):
                domain = .values(items)
            case .table:
                var p = try TableReader(doc, path)
                if let values = p.raw("values") {
                    guard case .array(let items) = values, !items.isEmpty else {
                        throw p.error("values", "expected a non-empty array of values")
                    }
                    domain = .values(items)
                    try p.finish(allowed: ["values"])
                } else {
                    guard let from = p.raw("from") else { throw doc.error(path, "needs values = [...] or from/to") }
                    guard let to = p.raw("to") else { throw p.error("to", "missing; a range needs from and to") }
                    for (k, v) in [("from", from), ("to", to)] {
                        switch v {
                        case .int, .float: break
                        default: throw p.error(k, "expected a number, found \(v.typeName)")
                        }
                    }
                    let step = try p.double("step")
                    if let step, !(step > 0) { throw p.error("step", "must be above 0, got \(step)") }
                    let log = try p.bool("log") ?? false
                    let lo = from.numeric ?? 0
                    let hi = to.numeric ?? 0
                    if hi < lo { throw p.error("to", "must not be below from (\(from))") }
                    if log && lo <= 0 { throw p.error("log", "a log range needs from above 0") }
                    domain = .range(from: from, to: to, step: step, log: log)
                    try p.finish(allowed: ["from", "to", "step", "log", "values"])
                }
            default:
                domain = .values([value])
            }
            out.append(ParamDefinition(key: key, domain: domain, line: doc.line(of: path)))
        }
        return out
    }

    private static func decodeObjective(_ doc: ConfigDocument) throws(ConfigError) -> ObjectiveSection {
        var r = try TableReader(doc, ["objective"])
        let rankBy = try r.string("rank_by") ?? "net_profit"
        let direction = try r.oneOf("direction", ["maximize", "minimize"], default: "maximize")
        let filters = try r.stringArray("filters") ?? []
        try r.finish(allowed: ["rank_by", "direction", "filters"])
        return ObjectiveSection(rankBy: rankBy, maximize: direction == "maximize", filters: filters)
    }

    private static func decodeOutput(_ doc: ConfigDocument) throws(ConfigError) -> OutputSection {
        var r = try TableReader(doc, ["output"])
        let stem = doc.file.split(separator: "/").last.map { String($0) } ?? "sweep"
        let name = stem.hasSuffix(".toml") ? String(stem.dropLast(5)) : stem
        let dir = doc.resolvePath(try r.string("dir") ?? "results/" + name)
        let top = try r.int("top") ?? 50
        guard top >= 1 else { throw r.error("top", "must be 1 or more, got \(top)") }
        try r.finish(allowed: ["dir", "top"])
        return OutputSection(directory: dir, top: top)
    }

    private static func decodeWalkForward(_ doc: ConfigDocument) throws(ConfigError) -> WalkForwardSection? {
        var r = try TableReader(doc, ["walkforward"])
        guard r.isPresent else { return nil }
        let mode = WalkForwardSection.Mode(rawValue: try r.oneOf("mode", ["rolling", "anchored"], default: "rolling"))
            ?? .rolling
        func length(_ r: inout TableReader, _ key: String) throws(ConfigError) -> WindowLength? {
            guard let text = try r.string(key) else { return nil }
            guard let l = WindowLength(parsing: text) else {
                throw r.error(key, "cannot read \"\(text)\" as a length; use Nd, Nw, NM (months), Ny or \"N bars\"")
            }
            return l
        }
        guard let inSample = try length(&r, "in_sample") else { throw r.error("in_sample", "missing; e.g. in_sample = \"120d\"") }
        guard let oos = try length(&r, "out_of_sample") else {
            throw r.error("out_of_sample", "missing; e.g. out_of_sample = \"30d\"")
        }
        if inSample.isZero { throw r.error("in_sample", "must not be zero") }
        if oos.isZero { throw r.error("out_of_sample", "must not be zero") }
        let step = try length(&r, "step")
        if let step, step.isZero { throw r.error("step", "must not be zero") }
        let gap = try length(&r, "gap") ?? .days(0)
        let warmup = try length(&r, "warmup") ?? .days(0)
        try r.finish(allowed: ["mode", "in_sample", "out_of_sample", "step", "gap", "warmup"])
        return WalkForwardSection(mode: mode, inSample: inSample, outOfSample: oos, step: step, gap: gap, warmup: warmup)
    }
}

extension ConfigValue {
    /// The number an int or float holds.
    var numeric: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .float(let d): return d
        default: return nil
        }
    }
}
