/// The arguments of calls to the script's own functions, checked against
/// their parameters.
extension SupportChecker {
    /// Binds a call's arguments to the parameters of user function `f`:
    /// nil when they fit, else the first problem and where it is (an
    /// unknown or repeated name, too many arguments, a missing one).
    static func bindUser(_ call: Call, to f: FunctionDeclaration, range: SourceRange) -> (String, SourceRange)? {
        var given = [Bool](repeating: false, count: f.parameters.count)
        var position = 0
        for argument in call.arguments {
            if let label = argument.label {
                guard let i = f.parameters.firstIndex(where: { $0.name.text == label }) else {
                    return ("\(f.name.text) has no parameter named '\(label)'", argument.labelRange ?? argument.range)
                }
                if given[i] { return ("argument '\(label)' of \(f.name.text) is given twice", argument.range) }
                given[i] = true
            } else {
                guard position < given.count else {
                    return ("too many arguments to \(f.name.text): it takes at most \(given.count)", argument.range)
                }
                given[position] = true
                position += 1
            }
        }
        for (i, parameter) in f.parameters.enumerated() where !given[i] && parameter.defaultValue == nil {
            return ("missing argument '\(parameter.name.text)' in call to \(f.name.text)", range)
        }
        return nil
    }
}
