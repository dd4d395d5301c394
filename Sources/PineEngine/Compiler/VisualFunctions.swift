/// `plot()` records an output series; drawings, alerts and other
/// display-only calls are accepted and cost nothing.
enum VisualFunctions {
    static let plotParameters = [
        "series", "title", "color", "linewidth", "style", "trackprice", "histbase", "offset", "join", "editable",
        "show_last", "display", "format", "precision", "force_overlay", "linestyle",
    ]

    /// Calls that only draw or notify: their arguments are not evaluated.
    static let noOps = [
        "plotshape", "plotchar", "plotarrow", "plotcandle", "plotbar", "bgcolor", "barcolor", "hline", "fill",
        "alertcondition", "alert",
    ]

    static func register(into t: inout [String: BuiltinImplementation]) {
        t["plot"] = BuiltinImplementation { a in
            let f = try a.num(0)
            let builder = a.builder
            let index = builder.plotTitles.count
            builder.plotTitles.append(a.constString(1) ?? "plot_\(index)")
            let cell = builder.arena.cell()
            builder.plotCells.append(cell)
            // Plots are outputs only: evaluated when a run records them.
            return .void({ rt in
                if rt.recordsPlots { cell.pointee = try f(rt) }
                return .normal
            })
        }
        for name in noOps {
            t[name] = BuiltinImplementation(evaluatesArguments: false) { _ in
                .void({ _ in .normal })
            }
        }
    }
}
