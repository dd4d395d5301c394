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
