import PineLanguage

/// The arguments of a drawing call matched to its parameters by position or
/// name (the receiver of a method call is the first). Only the arguments a
/// drawing keeps are compiled: display-only ones (colors, styles) are never
/// evaluated.
struct DrawingArguments {
    let builder: InstanceBuilder
    let name: String
    let range: SourceRange
    let parameters: [String]
    private var receiver: CompiledValue?
    private var expressions: [Expression?]
    private var ranges: [SourceRange]

    init(
        _ builder: InstanceBuilder, _ name: String, _ parameters: [String], _ call: Call, _ receiver: (CompiledValue, SourceRange)?,
        _ range: SourceRange
    ) throws {
        self.builder = builder
        self.name = name
        self.range = range
        self.parameters = parameters
        expressions = Array(repeating: nil, count: parameters.count)
        ranges = Array(repeating: range, count: parameters.count)
        var position = 0
        if let (value, r) = receiver {
            self.receiver = value
            ranges[0] = r
            position = 1
        }
        for arg in call.arguments {
            let i: Int
            if let label = arg.label {
                guard let k = parameters.firstIndex(of: label) else {
                    throw builder.error(
                        arg.labelRange ?? arg.range, "\(name)() has no parameter '\(label)' (it has: \(parameters.joined(separator: ", ")))")
                }
                i = k
            } else {
                guard position < parameters.count else {
                    throw builder.error(arg.range, "\(name)() takes at most \(parameters.count) arguments")
                }
                i = position
                position += 1
            }
            if expressions[i] != nil || (i == 0 && self.receiver != nil) {
                throw builder.error(arg.range, "\(name)(): the argument '\(parameters[i])' is given twice")
            }
            expressions[i] = arg.value
            ranges[i] = arg.value.range
        }
    }

    private func value(_ i: Int) throws -> CompiledValue? {
        if i == 0, let receiver { return receiver }
        guard let e = expressions[i] else { return nil }
        return try builder.compile(e)
    }

    private func required(_ i: Int) throws -> CompiledValue {
        guard let v = try value(i) else { throw builder.error(range, "\(name)() needs its argument '\(parameters[i])'") }
        return v
    }

    /// The drawing the call works on (argument #1), of type `type` or `na`.
    func id(_ type: ValueType) throws -> RefFn {
        let v = try required(0)
        if case .ref(_, let t) = v, t != type {
            throw builder.error(ranges[0], "\(name)() needs a \(type), not a \(t)")
        }
        return try builder.reference(v, type, ranges[0])
    }

    func num(_ i: Int) throws -> NumFn { try builder.number(required(i), ranges[i]) }
    func str(_ i: Int) throws -> StrFn { try builder.string(required(i), ranges[i]) }

    func optionalNum(_ parameter: String) throws -> NumFn? {
        guard let i = parameters.firstIndex(of: parameter), let v = try value(i) else { return nil }
        return try builder.number(v, ranges[i])
    }

    func optionalStr(_ parameter: String) throws -> StrFn? {
        guard let i = parameters.firstIndex(of: parameter), let v = try value(i) else { return nil }
        if case .na = v { return nil }
        return try builder.string(v, ranges[i])
    }
}
