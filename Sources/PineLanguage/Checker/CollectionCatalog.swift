/// The support checker's rules for calls of `map.*` and `matrix.*`, whose
/// signatures live in the built-in registry (`Builtins`) like every other
/// built-in's: the type arguments they need, then the registry's binding.
enum CollectionCatalog {
    /// True for a name in the collection namespaces.
    static func isCollectionFunction(_ name: String) -> Bool {
        Builtins.function(named: name)?.category == .collection
    }

    /// A problem with a call of a collection function (unknown name, type
    /// arguments, arguments that do not bind), or nil. `receiver` is the value
    /// a method is called on (`m.put(k, v)`), passed as the first argument.
    static func problem(_ name: String, _ call: Call, receiver: CallArgument?, range: SourceRange) -> (String, SourceRange)? {
        guard let function = Builtins.function(named: name), function.category == .collection else {
            return ("\(name) is not a function pfopt knows", call.callee.range)
        }
        if name == "matrix.new", let e = call.typeArguments.first, ["array", "map", "matrix"].contains(e.name) {
            return ("a matrix cannot hold \(e.name) values: put the collection in an object field", e.range)
        }
        if (name == "matrix.new" && call.typeArguments.count != 1) || (name == "map.new" && call.typeArguments.count != 2) {
            return ("\(name) needs its type\(name == "map.new" ? "s: map.new<string, float>()" : ": matrix.new<float>(...)")", call.callee.range)
        }
        if !call.typeArguments.isEmpty && name != "map.new" && name != "matrix.new" {
            return ("\(name) takes no type arguments", call.callee.range)
        }
        let arguments = (receiver.map { [$0] } ?? []) + call.arguments
        if case .failure(let error) = function.bind(arguments, callRange: range) {
            return (error.description, error.range)
        }
        return nil
    }
}
