@testable import PineEngine

extension RunResult {
    /// Each plot's value on the last bar, by title.
    var lastPlotValues: [String: Double] {
        var out: [String: Double] = [:]
        for plot in plots { out[plot.title] = plot.values.last }
        return out
    }
}
