import Foundation
import PineLanguage

/// The engine's implementation of every built-in function it runs, by
/// qualified name. Signatures, purity and support are the registry's
/// (`PineLanguage.Builtins`); a test keeps the two tables in step.
enum BuiltinLibrary {
    /// Names that are namespaces, not values (`ta` in `ta.sma`).
    static let namespaces: Set<String> = [
        "ta", "math", "strategy", "input", "array", "str", "color", "syminfo", "timeframe", "barstate",
        "request", "ticker", "label", "line", "box", "table", "plot", "shape", "location", "size", "display",
        "dayofweek", "strategy.commission", "strategy.oca", "strategy.risk", "strategy.direction",
        "strategy.opentrades", "strategy.closedtrades", "log", "runtime", "chart", "polyline", "linefill", "map",
        "matrix", "alert", "format", "currency", "extend", "xloc", "yloc", "position", "hline", "session",
    ]

    /// Built once, never mutated afterwards: safe to read from any thread.
    nonisolated(unsafe) static let functions: [String: BuiltinImplementation] = {
        var table: [String: BuiltinImplementation] = [:]
        CoreFunctions.register(into: &table)
        MathFunctions.register(into: &table)
        ArrayFunctions.register(into: &table)
        ArrayStatistics.register(into: &table)
        InputFunctions.register(into: &table)
        VisualFunctions.register(into: &table)
        DrawingFunctions.register(into: &table)
        ColorFunctions.register(into: &table)
        MapFunctions.register(into: &table)
        MatrixFunctions.register(into: &table)
        TAFunctions.register(into: &table)
        StrategyBindings.register(into: &table)
        StringAndTimeFunctions.register(into: &table)
        RequestFunctions.register(into: &table)
        TickerFunctions.register(into: &table)
        CurrencyRateFunction.register(into: &table)
        return table
    }()

    /// The declaration calls, read by the compiler before anything runs.
    static let declarations: Set<String> = ["strategy", "indicator", "library"]
}
