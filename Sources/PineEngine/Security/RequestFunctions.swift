import PFData
import PineLanguage

/// The registry entries of the `request.*` functions pfopt runs. Their calls
/// are compiled by `InstanceBuilder.compileRequest` (the expression needs
/// its own context), before the generic argument binding.
enum RequestFunctions {
    static func register(into t: inout [String: BuiltinImplementation]) {
        for name in ["request.security", "request.security_lower_tf"] {
            t[name] = BuiltinImplementation(evaluatesArguments: false) { a in
                throw a.builder.error(a.range, "internal: \(name) is compiled with its requested context")
            }
        }
    }
}
