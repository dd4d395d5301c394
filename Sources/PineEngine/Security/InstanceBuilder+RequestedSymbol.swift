import PineLanguage

/// `syminfo.*` inside a requested expression reads the requested symbol's
/// properties (the requested context's runtime holds them). A property pfopt
/// does not know for another symbol stops the run at the variable, naming
/// the property and the ticker, rather than giving a default.
extension InstanceBuilder {
    func requestedSymbolValue(_ value: CompiledValue, _ name: String, _ field: SymbolFields, _ range: SourceRange)
        -> CompiledValue
    {
        let line = range.start.line
        let column = range.start.column
        @inline(__always) func check(_ rt: Runtime) throws {
            guard rt.unknownSymbolFields.isDisjoint(with: field) else {
                throw rt.error(Self.unknownPropertyMessage(name, rt), line: line, column: column)
            }
        }
        switch value {
        case .num(let f, let t, _):
            return .num({ rt in
                try check(rt)
                return try f(rt)
            }, t, nil)
        case .str(let f, _):
            return .str({ rt in
                try check(rt)
                return try f(rt)
            }, nil)
        case .bool(let f, _):
            return .bool({ rt in
                try check(rt)
                return try f(rt)
            }, nil)
        default:
            return value
        }
    }

    private static func unknownPropertyMessage(_ name: String, _ rt: Runtime) -> String {
        "\(name) of \(rt.requestedTicker) is unknown: pfopt has no symbol file for its data ("
            + rt.requestedSymbolFile + " beside the data file would give it), so it cannot say what TradingView "
            + "would; give that file or leave \(name) out of the requested expression"
    }
}
