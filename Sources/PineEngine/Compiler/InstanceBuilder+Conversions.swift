import PineLanguage

/// Typed views of compiled values (a number where a bool is given, `na`
/// anywhere) and sequencing of closures.
extension InstanceBuilder {
    func number(_ v: CompiledValue, _ range: SourceRange) throws -> NumFn {
        switch v {
        case .num(let f, _, _): return f
        case .bool(let f, _): return { rt in try f(rt) ? 1 : 0 }
        case .na: return { _ in .nan }
        default: throw error(range, "expected a number here, found \(v.type)")
        }
    }

    func boolean(_ v: CompiledValue, _ range: SourceRange) throws -> BoolFn {
        switch v {
        case .bool(let f, _): return f
        case .num(let f, _, _):
            return { rt in
                let x = try f(rt)
                return !x.isNaN && x != 0
            }
        case .na: return { _ in false }
        default: throw error(range, "expected a bool here, found \(v.type)")
        }
    }

    /// A condition (`if`, `while`, `?:`, `and`, `or`, `not`, a subjectless
    /// `switch` case). Pine v6 has no implicit number-to-bool conversion:
    /// an int or float there is refused (version 5 takes non-zero as true).
    func condition(_ v: CompiledValue, _ range: SourceRange) throws -> BoolFn {
        if case .num(_, let t, _) = v { try refuseNumberAsCondition(t, range) }
        return try boolean(v, range)
    }

    /// Version 6 refuses an int or float where a condition is expected.
    func refuseNumberAsCondition(_ t: ValueType, _ range: SourceRange) throws {
        guard !isVersion5, t == .int || t == .float else { return }
        throw error(
            range,
            "a\(t == .int ? "n" : "") \(t) cannot be used as a condition in Pine v6: compare it (x != 0) or test it with na(x)")
    }

    func string(_ v: CompiledValue, _ range: SourceRange) throws -> StrFn {
        switch v {
        case .str(let f, _): return f
        case .na: return { _ in "" }
        default: throw error(range, "expected a string here, found \(v.type)")
        }
    }

    /// An array that an operation works on: `na` there is a runtime error
    /// located at `range`.
    func array(_ v: CompiledValue, _ range: SourceRange) throws -> (ArrFn, ValueType) {
        guard case .array(let f, let e) = v else { throw error(range, "expected an array here, found \(v.type)") }
        let line = range.start.line
        let column = range.start.column
        let message = naArrayMessages[range]
        return ({ rt in
            let a = try f(rt)
            if a.isNa { throw rt.error(try message?(rt) ?? "the array is na", line: line, column: column) }
            return a
        }, e)
    }

    /// An array passed on as a value (a ternary arm, an argument, a stored
    /// value): `na` stays `na` (`PineArray.na`).
    func arrayValue(_ v: CompiledValue, _ range: SourceRange) throws -> ArrFn {
        switch v {
        case .array(let f, _): return f
        case .na: return { _ in PineArray.na }
        default: throw error(range, "expected an array here, found \(v.type)")
        }
    }

    /// An array of numbers (`int` or `float` elements), for the functions
    /// Pine defines only on those (`array.sum`, `array.max`, `array.stdev`, ...).
    func numericArray(_ v: CompiledValue, _ range: SourceRange, function name: String) throws -> (ArrFn, ValueType) {
        let (f, e) = try array(v, range)
        guard e == .int || e == .float else {
            throw error(range, "\(name)() takes an array of int or float, not of \(e)")
        }
        return (f, e)
    }

    /// An integer argument (lengths, offsets): `na` becomes 0.
    func integer(_ v: CompiledValue, _ range: SourceRange) throws -> (Runtime) throws -> Int {
        let f = try number(v, range)
        if let c = v.constNumber, c.isFinite {
            let k = PineMath.clampedInt(c)
            return { _ in k }
        }
        return { rt in
            let x = try f(rt)
            return PineMath.clampedInt(x)
        }
    }

    /// Wraps a value so that `prelude` runs before it is read.
    func sequence(_ prelude: @escaping ExecFn, _ v: CompiledValue) -> CompiledValue {
        switch v {
        case .num(let f, let t, _): return .num({ rt in _ = try prelude(rt); return try f(rt) }, t, nil)
        case .bool(let f, _): return .bool({ rt in _ = try prelude(rt); return try f(rt) }, nil)
        case .str(let f, _): return .str({ rt in _ = try prelude(rt); return try f(rt) }, nil)
        case .array(let f, let e): return .array({ rt in _ = try prelude(rt); return try f(rt) }, e)
        case .ref(let f, let t): return .ref({ rt in _ = try prelude(rt); return try f(rt) }, t)
        case .tuple(let p, let es): return .tuple(prepare: { rt in _ = try prelude(rt); return try p(rt) }, elements: es)
        case .void(let f): return .void({ rt in _ = try prelude(rt); return try f(rt) })
        case .na: return .num({ rt in _ = try prelude(rt); return .nan }, .float, nil)
        }
    }

    /// Runs a value for its effects only.
    func effect(_ v: CompiledValue) -> ExecFn {
        switch v {
        case .num(let f, _, _): return { rt in _ = try f(rt); return .normal }
        case .bool(let f, _): return { rt in _ = try f(rt); return .normal }
        case .str(let f, _): return { rt in _ = try f(rt); return .normal }
        case .array(let f, _): return { rt in _ = try f(rt); return .normal }
        case .ref(let f, _): return { rt in _ = try f(rt); return .normal }
        case .tuple(let p, _): return p
        case .void(let f): return f
        case .na: return { _ in .normal }
        }
    }

    /// The `order` argument of a sort (`order.ascending`, `order.descending`,
    /// or any expression giving one): true when it asks for descending order.
    /// Absent, the order is ascending.
    func sortDescending(_ value: CompiledValue?, _ range: SourceRange) throws -> BoolFn {
        guard let value else { return { _ in false } }
        if let c = value.constString { return c == "descending" ? { _ in true } : { _ in false } }
        let f = try string(value, range)
        return { rt in try f(rt) == "descending" }
    }
}
