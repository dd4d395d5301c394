import PineLanguage

/// The engine's side of one built-in: how a call compiles. The signature
/// (parameter names, overloads, defaults), the purity and whether the
/// built-in is supported are the registry's (`PineLanguage.Builtins`); an
/// implementation reads its arguments by position in the registry's
/// `BuiltinFunction.parameterNames`.
struct BuiltinImplementation {
    /// False for display-only calls whose arguments are neither checked nor run.
    var evaluatesArguments = true
    let build: (BoundArguments) throws -> CompiledValue

    init(evaluatesArguments: Bool = true, _ build: @escaping (BoundArguments) throws -> CompiledValue) {
        self.evaluatesArguments = evaluatesArguments
        self.build = build
    }
}
