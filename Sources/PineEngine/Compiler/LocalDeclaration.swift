import PineLanguage

/// Where a local variable comes from: its declaration, the frame it is
/// declared in and its place in the declaration order. A requested
/// expression that reads the variable computes the declaration again in the
/// requested context, with the names as they were at the declaration.
struct LocalDeclaration {
    enum Form {
        case single(VariableDeclaration)
        case tuple(TupleDeclaration)
    }

    let form: Form
    /// The index of the scope frame it is declared in.
    let frame: Int
    /// The serial its declaration got (names with a lower one were visible).
    let serial: Int
}
