import PineLanguage

/// What a name in scope refers to while an instance is built.
enum Binding {
    /// A number or bool variable: its cell, or its history ring when the
    /// script reads its past values.
    case value(Storage, ValueType)
    case string(UnsafeMutablePointer<String>)
    /// An array of numbers or strings: its cell, and its history ring when
    /// the script reads what it held on past bars.
    case array(ArrayStorage, ValueType)
    /// An object, map, matrix or array of objects: its cell, or its history
    /// ring when the script reads what it held on past bars.
    case reference(ReferenceStorage, ValueType)
    /// A pure series computed for every bar before the bar loop.
    case column(Column, ValueType)
    /// A user function, inlined (with its own state) at every call site.
    case function(FunctionDeclaration)
}
