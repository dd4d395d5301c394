import PineLanguage

/// Where the value of a user function's parameter comes from: the
/// argument written at the call (or the parameter's default) and the scope
/// it is read in. A requested expression inside the function that reads
/// the parameter computes that expression again in the requested context.
struct ParameterSource {
    var expression: Expression
    var scope: Scope
    var declaredType: String?
}
