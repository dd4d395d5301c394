/// Matches a call's arguments to the parameters of a user-defined function:
/// labels must name a parameter, none may be given twice, positional
/// arguments may not outnumber the parameters, and every parameter without a
/// default must be given.
enum UserFunctionBinding {
    /// The first problem binding `call` to `function`, with where it is; nil when the call fits.
    static func problem(_ call: Call, to function: FunctionDeclaration, range: SourceRange) -> (String, SourceRange)? {
        let name = function.name.text
        var given = [Bool](repeating: false, count: function.parameters.count)
        var position = 0
        for argument in call.arguments {
            if let label = argument.label {
                guard let i = function.parameters.firstIndex(where: { $0.name.text == label }) else {
                    return ("\(name) has no parameter named '\(label)'", argument.labelRange ?? argument.range)
                }
                if given[i] { return ("argument '\(label)' of \(name) is given twice", argument.range) }
                given[i] = true
            } else {
                guard position < given.count else {
                    return ("too many arguments to \(name): it takes at most \(given.count)", argument.range)
                }
                given[position] = true
                position += 1
            }
        }
        for (i, parameter) in function.parameters.enumerated() where !given[i] && parameter.defaultValue == nil {
            return ("missing argument '\(parameter.name.text)' in call to \(name)", range)
        }
        return nil
    }
}
