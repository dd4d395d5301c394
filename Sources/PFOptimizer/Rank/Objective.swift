import PineEngine
import PineLanguage

/// The ranking objective and the leaderboard filters, compiled against the
/// metric names and the strategy's input names.
public struct Objective: Sendable {
    public let rankBy: MetricExpression
    public let maximize: Bool
    public let filters: [MetricExpression]
    /// `MetricCatalog.flatNames`, then every input's variable name.
    public let variables: [String]
    private let metricCount: Int

    /// Compiles a config's `[objective]` for a parameter space.
    public init(config: SweepConfig, space: ParameterSpace) throws(ConfigError) {
        let metrics = MetricCatalog.flatNames
        let variables = metrics + space.variableNames
        let doc = config.document
        let rank: MetricExpression
        do {
            rank = try MetricExpression(config.objective.rankBy, variables: variables)
        } catch {
            throw doc.error(["objective", "rank_by"], "\"\(config.objective.rankBy)\": \(error)")
        }
        var filters: [MetricExpression] = []
        for (i, text) in config.objective.filters.enumerated() {
            do {
                filters.append(try MetricExpression(text, variables: variables))
            } catch {
                throw doc.error(["objective", "filters[\(i)]"], "\"\(text)\": \(error)")
            }
        }
        self.init(rankBy: rank, maximize: config.objective.maximize, filters: filters, variables: variables,
                  metricCount: metrics.count)
    }

    init(rankBy: MetricExpression, maximize: Bool, filters: [MetricExpression], variables: [String], metricCount: Int) {
        self.rankBy = rankBy
        self.maximize = maximize
        self.filters = filters
        self.variables = variables
        self.metricCount = metricCount
    }

    /// The objective of a run and whether it passes the filters. A failed
    /// run has a NaN objective and never passes.
    public func evaluate(metrics: [Double], inputs: [InputValue]) -> (objective: Double, passes: Bool) {
        guard metrics.count == metricCount else { return (.nan, false) }
        let lookup: (Int) -> ExpressionValue = { i in
            if i < metrics.count { return .number(metrics[i]) }
            let j = i - metrics.count
            guard j < inputs.count else { return .number(.nan) }
            if case .string(let s) = inputs[j] { return .text(s) }
            return .number(inputs[j].numericValue ?? .nan)
        }
        let objective = rankBy.number(lookup)
        let passes = filters.allSatisfy { $0.isTrue(lookup) }
        return (objective, passes)
    }

    /// True when objective `a` of run `ia` ranks above objective `b` of run
    /// `ib`: better value first, NaN last, ties by run index.
    public func ranksAbove(_ a: Double, _ ia: Int, _ b: Double, _ ib: Int) -> Bool {
        if a.isNaN != b.isNaN { return !a.isNaN }
        if !a.isNaN && a != b { return maximize ? a > b : a < b }
        return ia < ib
    }
}
