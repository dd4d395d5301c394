import PFData
import PineLanguage

/// A `timeframe.change()` argument, parsed once per distinct text.
struct ParsedTimeframe {
    private var text: String?
    private var value: Timeframe?

    /// The timeframe `name` stands for; "" is the chart's (from its bar length).
    mutating func timeframe(_ name: String, chartMs: Int64) -> Timeframe? {
        if name != text {
            text = name
            value = name.isEmpty ? Timeframe(seconds: chartMs / 1000) : Timeframe(name)
        }
        return value
    }
}
