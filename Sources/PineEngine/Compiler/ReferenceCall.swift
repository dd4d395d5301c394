import PineLanguage

/// The compiled arguments of a call to a collection function (`map.*`,
/// `matrix.*`, `array.*` on objects) matched to its parameters by position
/// or name; the receiver of a method call is the first.
struct ReferenceCall {
    let builder: InstanceBuilder
    let name: String
    let range: SourceRange
    var values: [CompiledValue?]
    var ranges: [SourceRange]
    var expressions: [Expression?]
    /// Positional arguments beyond the parameters (`array.from`).
    var extra: [(CompiledValue, SourceRange)] = []
    var typeArguments: [TypeReference] = []

    init(
        builder: InstanceBuilder, name: String, parameters: [String], call: Call, receiver: (CompiledValue, SourceRange)?,
        range: SourceRange, variadic: Bool = false
    ) throws {
        self.builder = builder
        self.name = name
        self.range = range
        values = Array(repeating: nil, count: parameters.count)
        ranges = Array(repeating: range, count: parameters.count)
        expressions = Array(repeating: nil, count: parameters.count)
        typeArguments = call.typeArguments
        var position = 0
        if let (value, r) = receiver {
            values[0] = value
            ranges[0] = r
            position = 1
        }
        for arg in call.arguments {
            if let label = arg.label {
                guard let i = parameters.firstIndex(of: label) else {
                    throw builder.error(
                        arg.labelRange ?? arg.range, "\(name)() has no parameter '\(label)' (it has: \(parameters.joined(separator: ", ")))")
                }
                values[i] = try builder.compile(arg.value)
                ranges[i] = arg.value.range
                expressions[i] = arg.value
            } else {
                let value = try builder.compile(arg.value)
                if position < parameters.count {
                    values[position] = value
                    ranges[position] = arg.value.range
                    expressions[position] = arg.value
                } else if variadic {
                    extra.append((value, arg.value.range))
                } else {
                    throw builder.error(arg.range, "\(name)() takes at most \(parameters.count) arguments")
                }
                position += 1
            }
        }
    }

    /// The arguments of a built-in call already bound by position.
    init(bound: BoundArguments) {
        builder = bound.builder
        name = bound.name
        range = bound.range
        values = bound.values
        ranges = bound.ranges
        expressions = bound.expressions
        extra = bound.extra
        typeArguments = bound.typeArguments
    }

    func has(_ i: Int) -> Bool {
        guard i < values.count, let v = values[i] else { return false }
        if case .na = v, i > 0 { return false }
        return true
    }

    func value(_ i: Int) throws -> CompiledValue {
        guard i < values.count, let v = values[i] else {
            throw builder.error(range, "\(name)() needs its argument #\(i + 1)")
        }
        return v
    }

    func argumentRange(_ i: Int) -> SourceRange { i < ranges.count ? ranges[i] : range }
    func num(_ i: Int) throws -> NumFn { try builder.number(value(i), argumentRange(i)) }
    func int(_ i: Int) throws -> (Runtime) throws -> Int { try builder.integer(value(i), argumentRange(i)) }
    func str(_ i: Int) throws -> StrFn { try builder.string(value(i), argumentRange(i)) }
    func num(_ i: Int, default fallback: Double) throws -> NumFn { has(i) ? try num(i) : { _ in fallback } }

    /// An optional integer argument whose default depends on the collection (`nil` when absent).
    func optionalInt(_ i: Int) throws -> ((Runtime) throws -> Int)? { has(i) ? try int(i) : nil }

    /// A reference argument of the given type.
    func reference(_ i: Int, _ type: ValueType?) throws -> RefFn {
        try builder.reference(value(i), type, argumentRange(i))
    }

    /// A runtime error located at the call.
    func fail(_ rt: Runtime, _ message: String) -> ScriptRuntimeError {
        rt.error("\(name)(): \(message)", line: range.start.line, column: range.start.column)
    }

    /// Runs `body`, turning a collection misuse into a runtime error located at the call.
    @inline(__always)
    func located<T>(_ rt: Runtime, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as CollectionError {
            throw fail(rt, e.description)
        }
    }

    /// The collection `f` gives, or a located error when it is `na`.
    @inline(__always)
    func collection<T: AnyObject>(_ f: RefFn, _ rt: Runtime, as: T.Type) throws -> T {
        guard let o = try f(rt) else { throw fail(rt, "the \(name.prefix { $0 != "." }) is na") }
        return unsafeDowncast(o, to: T.self)
    }
}
