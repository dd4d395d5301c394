import Foundation

/// Config texts the sweep tests share.
enum Configs {
    static func grid(constraints: String = "[\"fast < slow\"]", filters: String = "[\"num_trades >= 30\"]",
                     top: Int = 5, extra: String = "") -> String {
        """
        [strategy]
        script = "strat.pine"
        [data]
        file = "bars.csv"
        [search]
        method = "grid"
        constraints = \(constraints)
        \(extra)
        [params]
        fast = { from = 5, to = 50, step = 5 }
        slow = { from = 10, to = 60, step = 10 }
        mult = { values = [1.5, 2.0, 2.5] }
        [objective]
        rank_by = "net_profit"
        filters = \(filters)
        [output]
        dir = "out"
        top = \(top)
        """
    }

    /// A grid over `params` (the lines of `[params]`) ranked by net profit, without constraints or filters.
    static func plainGrid(params: String, dir: String = "out", top: Int? = nil) -> String {
        """
        [strategy]
        script = "strat.pine"
        [data]
        file = "bars.csv"
        [search]
        method = "grid"
        [params]
        \(params)
        [objective]
        rank_by = "net_profit"
        [output]
        dir = "\(dir)"
        \(top.map { "top = \($0)" } ?? "")
        """
    }

    static func random(trials: Int, seed: Int = 42) -> String {
        """
        [strategy]
        script = "strat.pine"
        [data]
        file = "bars.csv"
        [search]
        method = "random"
        trials = \(trials)
        seed = \(seed)
        [params]
        fast = { from = 2, to = 400, log = true }
        mult = { from = 0.5, to = 5.0 }
        mode = { values = ["A", "B"] }
        [objective]
        rank_by = "net_profit / num_trades"
        [output]
        dir = "out"
        top = 10
        """
    }
}
