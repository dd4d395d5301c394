/// The built-in parameters TradingView's reference types as `int` (a count
/// of bars, an occurrence): a `float` argument is a compile error there
/// ("a 'float' was used but an 'int' is expected"), as there is no implicit
/// conversion from float to int.
public enum IntegerParameters {
    /// Parameter names by function.
    static let table: [String: Set<String>] = {
        var table: [String: Set<String>] = [:]
        let lengthOnly = [
            "ta.sma", "ta.ema", "ta.rma", "ta.wma", "ta.vwma", "ta.hma", "ta.alma", "ta.rsi", "ta.atr", "ta.bb", "ta.bbw",
            "ta.kc", "ta.kcw", "ta.stoch", "ta.cci", "ta.cmo", "ta.mfi", "ta.wpr", "ta.mom", "ta.roc", "ta.change",
            "ta.highest", "ta.lowest", "ta.highestbars", "ta.lowestbars", "ta.rising", "ta.falling", "ta.stdev", "ta.dev",
            "ta.variance", "ta.correlation", "ta.percentrank", "ta.median", "ta.mode", "ta.range",
            "ta.percentile_linear_interpolation", "ta.percentile_nearest_rank", "ta.cog", "ta.rci", "math.sum",
        ]
        for name in lengthOnly { table[name] = ["length"] }
        table["ta.linreg"] = ["length", "offset"]
        table["ta.macd"] = ["fastlen", "slowlen", "siglen"]
        table["ta.pivothigh"] = ["leftbars", "rightbars"]
        table["ta.pivotlow"] = ["leftbars", "rightbars"]
        table["ta.valuewhen"] = ["occurrence"]
        table["ta.supertrend"] = ["atrPeriod"]
        table["ta.dmi"] = ["diLength", "adxSmoothing"]
        table["ta.tsi"] = ["short_length", "long_length"]
        return table
    }()

    /// True when `parameter` of the built-in `function` takes an int.
    public static func contains(_ function: String, _ parameter: String) -> Bool {
        table[function]?.contains(parameter) ?? false
    }
}
