import PineLanguage

/// The arguments of one built-in call, compiled and matched to the
/// registry's parameter slots.
struct BoundArguments {
    let builder: InstanceBuilder
    let name: String
    let range: SourceRange
    /// By parameter slot; nil when not given.
    var values: [CompiledValue?]
    var ranges: [SourceRange]
    /// The argument expressions as written, by parameter slot.
    var expressions: [Expression?] = []
    /// Positional arguments beyond the parameter list (variadic functions).
    var extra: [(CompiledValue, SourceRange)] = []
    /// Generic type arguments (`array.new<float>`).
    var typeArguments: [TypeReference] = []

    func has(_ i: Int) -> Bool { i < values.count && values[i] != nil }

    func value(_ i: Int) throws -> CompiledValue {
        guard i < values.count, let v = values[i] else {
            throw builder.error(range, "\(name)() needs its argument #\(i + 1)")
        }
        return v
    }

    func range(_ i: Int) -> SourceRange { i < ranges.count ? ranges[i] : range }

    func num(_ i: Int) throws -> NumFn { try builder.number(value(i), range(i)) }
    func bool(_ i: Int) throws -> BoolFn { try builder.boolean(value(i), range(i)) }
    func str(_ i: Int) throws -> StrFn { try builder.string(value(i), range(i)) }
    func int(_ i: Int) throws -> (Runtime) throws -> Int { try builder.integer(value(i), range(i)) }

    /// A numeric argument, or `fallback` when not given.
    func num(_ i: Int, default fallback: Double) throws -> NumFn {
        has(i) ? try num(i) : { _ in fallback }
    }

    func int(_ i: Int, default fallback: Int) throws -> (Runtime) throws -> Int {
        has(i) ? try int(i) : { _ in fallback }
    }

    func bool(_ i: Int, default fallback: Bool) throws -> BoolFn {
        has(i) ? try bool(i) : { _ in fallback }
    }

    /// A numeric argument that may be omitted (nil) or `na` at run time.
    func optionalNum(_ i: Int) throws -> NumFn? { has(i) ? try num(i) : nil }
    func optionalStr(_ i: Int) throws -> StrFn? { has(i) ? try str(i) : nil }

    func constString(_ i: Int) -> String? { has(i) ? values[i]?.constString : nil }
    func constNumber(_ i: Int) -> Double? { has(i) ? values[i]?.constNumber : nil }
    func type(_ i: Int) -> ValueType? { has(i) ? values[i]?.type : nil }
}
