import PineLanguage

extension InputFunctions {
    /// `input.enum(E.member, ...)`: the input's text (an option's title, or a
    /// member's name) gives the member. The text is fixed for a run, so the
    /// member is looked up once per run and kept.
    static func enumInput(_ a: BoundArguments, _ spec: InputSpec, missing: CompileError) throws -> CompiledValue {
        guard case .num(_, .enumeration(let name), _) = try a.value(0), let e = a.builder.userTypes.enums[name] else {
            throw a.builder.error(a.range(0), "the default value of input.enum must be a member of an enum declared in the script")
        }
        guard case .string(let initial) = spec.defaultValue, let cell = a.builder.inputs.text(at: a.range, initial: initial) else {
            throw missing
        }
        let titles = e.titles
        let members = e.members
        let cache = a.builder.arena.state { (text: "", ordinal: Double.nan) }
        return .num({ _ in
            let text = cell.pointee
            if text != cache.pointee.text {
                let k = titles.firstIndex(of: text) ?? members.firstIndex(of: text)
                cache.pointee = (text, k.map(Double.init) ?? .nan)
            }
            return cache.pointee.ordinal
        }, .enumeration(name), nil)
    }
}
