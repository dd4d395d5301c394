import PineLanguage

/// Is the winner a lone spike or on a plateau, does it sit on the edge of
/// the searched ranges, and how much does each input matter.
public struct PlateauAnalysis: Sendable {
    /// The objective over the winner's neighbourhood: every run whose
    /// inputs are each at most one level away from the winner's (the
    /// winner itself left out).
    public struct Neighbourhood: Sendable {
        public var winner: Double
        public var runs: Int
        public var mean: Double
        public var minimum: Double
        public var maximum: Double
    }

    /// A searched input whose winning value is at an end of its range.
    public struct Edge: Sendable, Equatable {
        public var input: String
        /// "low" or "high".
        public var end: String
        public var value: String
    }

    /// One input's sensitivity curve: per level, the objective's best,
    /// mean and worst over the runs at that level (the other inputs vary).
    public struct Curve: Sendable {
        public var input: String
        public var labels: [String]
        public var runs: [Int]
        public var best: [Double]
        public var mean: [Double]
        public var worst: [Double]
        /// The best level's best minus the worst level's best.
        public var spread: Double
    }

    /// The objective over two inputs: per cell, the best and the mean over
    /// the other inputs (NaN: no run in the cell).
    public struct Heatmap: Sendable {
        public var x: Int
        public var y: Int
        /// Row-major: `y` level * x level count + `x` level.
        public var best: [Double]
        public var mean: [Double]
    }

    public var neighbourhood: Neighbourhood?
    public var edges: [Edge]
    public var curves: [Curve]
    public var heatmaps: [Heatmap]
    /// The winner's level on each input.
    public var winnerLevels: [Int]

    /// Analyses `cloud` around the winner's searched values.
    public init(cloud: RunCloud, winnerValues: [InputValue], winnerObjective: Double, maximize: Bool) {
        let axes = cloud.axes
        let k = axes.count
        func better(_ a: Double, _ b: Double) -> Bool { maximize ? a > b : a < b }
        var wl: [Int] = []
        for (axis, v) in zip(axes, winnerValues) { wl.append(axis.level(of: v) ?? -1) }
        winnerLevels = wl

        // Neighbourhood.
        var sum = 0.0
        var n = 0
        var lo = Double.infinity
        var hi = -Double.infinity
        var skippedSelf = false
        if wl.count == k, !wl.contains(-1) {
            for r in 0..<cloud.count {
                var near = true
                var same = true
                for a in 0..<k {
                    let d = cloud.level(r, a) - wl[a]
                    if d < -1 || d > 1 {
                        near = false
                        break
                    }
                    if d != 0 { same = false }
                }
                guard near else { continue }
                let v = cloud.objective(r)
                if same && !skippedSelf && v == winnerObjective {
                    skippedSelf = true
                    continue
                }
                sum += v
                n += 1
                lo = min(lo, v)
                hi = max(hi, v)
            }
            neighbourhood = Neighbourhood(
                winner: winnerObjective, runs: n, mean: n > 0 ? sum / Double(n) : .nan, minimum: n > 0 ? lo : .nan,
                maximum: n > 0 ? hi : .nan)
        } else {
            neighbourhood = nil
        }

        // Edges.
        var edges: [Edge] = []
        for (a, axis) in axes.enumerated() where axis.isRange && axis.count > 1 && a < wl.count {
            if wl[a] == 0 { edges.append(Edge(input: axis.name, end: "low", value: winnerValues[a].tidyDescription)) }
            if wl[a] == axis.count - 1 {
                edges.append(Edge(input: axis.name, end: "high", value: winnerValues[a].tidyDescription))
            }
        }
        self.edges = edges

        // Sensitivity curves.
        var curves: [Curve] = []
        for (a, axis) in axes.enumerated() {
            let m = axis.count
            var runs = [Int](repeating: 0, count: m)
            var best = [Double](repeating: .nan, count: m)
            var worst = [Double](repeating: .nan, count: m)
            var total = [Double](repeating: 0, count: m)
            for r in 0..<cloud.count {
                let l = cloud.level(r, a)
                let v = cloud.objective(r)
                runs[l] += 1
                total[l] += v
                if best[l].isNaN || better(v, best[l]) { best[l] = v }
                if worst[l].isNaN || better(worst[l], v) { worst[l] = v }
            }
            let mean = (0..<m).map { runs[$0] > 0 ? total[$0] / Double(runs[$0]) : .nan }
            let finite = best.filter(\.isFinite)
            let spread = finite.isEmpty ? .nan : (finite.max() ?? 0) - (finite.min() ?? 0)
            curves.append(Curve(input: axis.name, labels: axis.labels, runs: runs, best: best, mean: mean,
                                worst: worst, spread: spread))
        }
        self.curves = curves

        // Heatmaps over every pair of inputs.
        var maps: [Heatmap] = []
        for y in 0..<k {
            for x in (y + 1)..<max(y + 1, k) {
                let nx = axes[x].count
                let cells = nx * axes[y].count
                var best = [Double](repeating: .nan, count: cells)
                var total = [Double](repeating: 0, count: cells)
                var count = [Int](repeating: 0, count: cells)
                for r in 0..<cloud.count {
                    let c = cloud.level(r, y) * nx + cloud.level(r, x)
                    let v = cloud.objective(r)
                    count[c] += 1
                    total[c] += v
                    if best[c].isNaN || better(v, best[c]) { best[c] = v }
                }
                let mean = (0..<cells).map { count[$0] > 0 ? total[$0] / Double(count[$0]) : .nan }
                maps.append(Heatmap(x: x, y: y, best: best, mean: mean))
            }
        }
        heatmaps = maps
    }
}
