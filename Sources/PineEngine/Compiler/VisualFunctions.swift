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

    /// The methods of the display-only drawing types (tables, linefills,
    /// polylines), which pfopt holds as plain numbers: `t.cell(...)` is
    /// accepted and does nothing, like `table.cell(t, ...)`.
    static let displayOnlyMethods: Set<String> = [
        "cell", "cell_set_bgcolor", "cell_set_height", "cell_set_text", "cell_set_text_color",
        "cell_set_text_font_family", "cell_set_text_formatting", "cell_set_text_halign", "cell_set_text_size",
        "cell_set_text_valign", "cell_set_tooltip", "cell_set_width", "clear", "merge_cells", "set_bgcolor",
        "set_border_color", "set_border_width", "set_frame_color", "set_frame_width", "set_position", "set_color",
        "delete",
    ]

    /// The constructors of the display-only drawing types.
    static let displayOnlyConstructors = ["table.new", "linefill.new", "polyline.new"]

    /// The deletes of the display-only drawing types: nothing to remove, but
    /// their argument runs (`table.delete(array.shift(tables))` shifts).
    static let displayOnlyDeletes = ["table.delete", "linefill.delete", "polyline.delete"]

    static func register(into t: inout [String: BuiltinImplementation]) {
        for name in displayOnlyDeletes {
            t[name] = BuiltinImplementation(compilesAnyArguments: true) { a in
                let runs = a.extra.map { a.builder.effect($0.0) }
                return .void({ rt in
                    for run in runs { _ = try run(rt) }
                    return .normal
                })
            }
        }
        // A display-only drawing is a number that only tells drawings apart:
        // each call gives the next id of its call site (1, 2, ...), never
        // `na`, so `na(t)` is false once the drawing exists, as on TradingView.
        for name in displayOnlyConstructors {
            t[name] = BuiltinImplementation(evaluatesArguments: false) { a in
                let made = a.builder.arena.cell(0)
                return .num({ _ in
                    made.pointee += 1
                    return made.pointee
                }, .float, nil)
            }
        }
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
