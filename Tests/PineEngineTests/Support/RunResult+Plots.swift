@testable import PineEngine

extension RunResult {
    /// Each plot's value on the last bar, by title.
    var lastPlotValues: [String: Double] {
        var out: [String: Double] = [:]
        for plot in plots { out[plot.title] = plot.values.last }
        return out
    }
}

extension RunResult {
    /// Each plot's values, by title.
    var plotSeries: [String: [Double]] {
        Dictionary(plots.map { ($0.title, $0.values) }, uniquingKeysWith: { _, last in last })
    }
}
