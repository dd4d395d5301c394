/// A call's arguments matched to one overload of a built-in, by position and by name.
public struct BoundCall: Sendable, Hashable {
    public var function: BuiltinFunction
    /// Which overload matched (an index into `function.overloads`; 0 for any-argument no-ops).
    public var overloadIndex: Int
    /// The matched overload's parameters (empty for any-argument no-ops).
    public var signature: BuiltinSignature
    /// One slot per parameter of `signature`: the argument the call gives, or nil when the
    /// parameter takes its default.
    public var arguments: [CallArgument?]
    /// Positional arguments past the listed parameters of a variadic function (and every
    /// argument of an any-argument no-op).
    public var extraArguments: [CallArgument]

    /// The argument given for the parameter `name`, or nil when it takes its default.
    public func argument(_ name: String) -> CallArgument? {
        guard let i = signature.index(of: name) else { return nil }
        return arguments[i]
    }

    /// The arguments by position in `function.parameterNames` (the same slots whichever
    /// overload matched): nil where the call leaves a parameter to its default.
    public var slots: [CallArgument?] {
        let names = function.parameterNames
        var result = [CallArgument?](repeating: nil, count: names.count)
        for (i, argument) in arguments.enumerated() {
            guard let argument, let k = names.firstIndex(of: signature.parameters[i].name) else { continue }
            result[k] = argument
        }
        return result
    }
}

/// Why a call's arguments do not fit a built-in.
public enum ArgumentBindingError: Error, Sendable, Hashable, CustomStringConvertible {
    case tooManyArguments(function: String, maximum: Int, range: SourceRange)
    case unknownParameter(function: String, label: String, range: SourceRange)
    case duplicateArgument(function: String, parameter: String, range: SourceRange)
    case missingArgument(function: String, parameter: String, range: SourceRange)
    case positionalAfterNamed(function: String, range: SourceRange)

    /// Where the problem is.
    public var range: SourceRange {
        switch self {
        case .tooManyArguments(_, _, let r), .unknownParameter(_, _, let r), .duplicateArgument(_, _, let r),
            .missingArgument(_, _, let r), .positionalAfterNamed(_, let r):
            return r
        }
    }

    public var description: String {
        switch self {
        case .tooManyArguments(let f, let max, _):
            return "too many arguments to \(f): it takes at most \(max)"
        case .unknownParameter(let f, let label, _):
            return "\(f) has no parameter named '\(label)'"
        case .duplicateArgument(let f, let p, _):
            return "argument '\(p)' of \(f) is given twice"
        case .missingArgument(let f, let p, _):
            return "missing argument '\(p)' in call to \(f)"
        case .positionalAfterNamed(let f, _):
            return "in a call to \(f), positional arguments must come before named ones"
        }
    }
}

extension BuiltinFunction {
    /// Matches `arguments` to the first overload they fit (positional arguments in order,
    /// then named ones by parameter name). `callRange` locates errors about missing arguments.
    public func bind(_ arguments: [CallArgument], callRange: SourceRange) -> Result<BoundCall, ArgumentBindingError> {
        if acceptsAnyArguments {
            return .success(
                BoundCall(function: self, overloadIndex: 0, signature: BuiltinSignature(parameters: []), arguments: [],
                          extraArguments: arguments))
        }
        var best: (progress: Int, error: ArgumentBindingError)?
        for (index, signature) in overloads.enumerated() {
            switch bind(arguments, to: signature, callRange: callRange) {
            case .success(let (slots, extra)):
                return .success(
                    BoundCall(function: self, overloadIndex: index, signature: signature, arguments: slots, extraArguments: extra))
            case .failure(let failure):
                if failure.progress > (best?.progress ?? -1) { best = (failure.progress, failure.error) }
            }
        }
        return .failure(best?.error ?? .tooManyArguments(function: name, maximum: 0, range: callRange))
    }

    private struct Failure: Error {
        var progress: Int
        var error: ArgumentBindingError
    }

    private func bind(_ arguments: [CallArgument], to signature: BuiltinSignature, callRange: SourceRange)
        -> Result<([CallArgument?], [CallArgument]), Failure>
    {
        var slots = [CallArgument?](repeating: nil, count: signature.parameters.count)
        var extra: [CallArgument] = []
        var position = 0
        var sawNamed = false
        var progress = 0
        for argument in arguments {
            if let label = argument.label {
                sawNamed = true
                guard let i = signature.index(of: label) else {
                    return .failure(
                        Failure(progress: progress, error: .unknownParameter(function: name, label: label, range: argument.labelRange ?? argument.range)))
                }
                if slots[i] != nil {
                    return .failure(
                        Failure(progress: progress, error: .duplicateArgument(function: name, parameter: label, range: argument.range)))
                }
                slots[i] = argument
            } else {
                if sawNamed {
                    return .failure(Failure(progress: progress, error: .positionalAfterNamed(function: name, range: argument.range)))
                }
                if position < slots.count {
                    slots[position] = argument
                } else if signature.isVariadic {
                    extra.append(argument)
                } else {
                    return .failure(
                        Failure(progress: progress, error: .tooManyArguments(function: name, maximum: slots.count, range: argument.range)))
                }
                position += 1
            }
            progress += 1
        }
        for (i, parameter) in signature.parameters.enumerated() where parameter.isRequired && slots[i] == nil {
            return .failure(
                Failure(progress: progress, error: .missingArgument(function: name, parameter: parameter.name, range: callRange)))
        }
        return .success((slots, extra))
    }
}
