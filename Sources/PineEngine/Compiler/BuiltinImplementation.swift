import PineLanguage

/// The engine's side of one built-in: how a call compiles. The signature
/// (parameter names, overloads, defaults), the purity and whether the
/// built-in is supported are the registry's (`PineLanguage.Builtins`); an
/// implementation reads its arguments by position in the registry's
/// `BuiltinFunction.parameterNames`.
struct BuiltinImplementation {
    /// False for display-only calls whose arguments are neither checked nor run.
    var evaluatesArguments = true
    /// True for an implementation of a function that takes any arguments
    /// (`table.delete`): they are compiled, in order, as extra arguments.
    var compilesAnyArguments = false
    let build: (BoundArguments) throws -> CompiledValue

    init(
        evaluatesArguments: Bool = true, compilesAnyArguments: Bool = false,
        _ build: @escaping (BoundArguments) throws -> CompiledValue
    ) {
        self.evaluatesArguments = evaluatesArguments
        self.compilesAnyArguments = compilesAnyArguments
        self.build = build
    }
}
