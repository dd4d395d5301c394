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
