/// One value given to `str.format`.
enum FormatArgument {
    case number(Double, isInt: Bool)
    case text(String)
    case bool(Bool)
}
