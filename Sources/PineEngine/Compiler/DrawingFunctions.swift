import PineLanguage

/// Lines, labels and boxes as data: `*.new` makes a `PineObject` holding the
/// drawing's coordinates, its x location, extension and text; getters read
/// them, setters change them, `*.copy` copies them. Colors, styles, sizes and
/// fonts only change the picture: their arguments are not evaluated.
/// `*.delete` removes a drawing from the chart only: the variable keeps its
/// reference and the getters keep answering with the stored values.
enum DrawingFunctions {
    /// The drawing types kept as objects (tables, linefills and polylines stay display-only).
    static let types: Set<String> = ["line", "label", "box"]

    // Field slots of each kind's object.
    static let x1 = 0, y1 = 1, x2 = 2, y2 = 3
    /// label: x, y, text, xloc.
    static let labelText = 2, labelTime = 3
    /// line and box: the x location (1 for `xloc.bar_time`) and the extension.
    static let time = 4, extend = 5
    /// box: its text.
    static let boxText = 6

    /// `*.new` parameters in TradingView's order.
    static let newParameters: [String: [String]] = [
        "line": ["x1", "y1", "x2", "y2", "xloc", "extend", "color", "style", "width", "force_overlay"],
        "label": [
            "x", "y", "text", "xloc", "yloc", "color", "style", "textcolor", "size", "textalign", "tooltip",
            "text_font_family", "force_overlay", "text_formatting",
        ],
        "box": [
            "left", "top", "right", "bottom", "border_color", "border_width", "border_style", "extend", "xloc", "bgcolor",
            "text", "text_size", "text_color", "text_halign", "text_valign", "text_wrap", "text_font_family",
            "force_overlay", "text_formatting",
        ],
    ]

    /// Getters: the field they read and whether it is an int.
    static let getters: [String: (Int, ValueType)] = [
        "line.get_x1": (x1, .int), "line.get_y1": (y1, .float), "line.get_x2": (x2, .int), "line.get_y2": (y2, .float),
        "label.get_x": (x1, .int), "label.get_y": (y1, .float),
        "box.get_left": (x1, .int), "box.get_top": (y1, .float), "box.get_right": (x2, .int), "box.get_bottom": (y2, .float),
    ]

    /// Setters of numbers: their parameters after the id and the fields they write.
    static let numberSetters: [String: ([String], [Int])] = [
        "line.set_x1": (["x"], [x1]), "line.set_y1": (["y"], [y1]), "line.set_x2": (["x"], [x2]),
        "line.set_y2": (["y"], [y2]), "line.set_xy1": (["x", "y"], [x1, y1]), "line.set_xy2": (["x", "y"], [x2, y2]),
        "label.set_x": (["x"], [x1]), "label.set_y": (["y"], [y1]), "label.set_xy": (["x", "y"], [x1, y1]),
        "box.set_left": (["left"], [x1]), "box.set_top": (["top"], [y1]), "box.set_right": (["right"], [x2]),
        "box.set_bottom": (["bottom"], [y2]), "box.set_lefttop": (["left", "top"], [x1, y1]),
        "box.set_rightbottom": (["right", "bottom"], [x2, y2]),
    ]

    /// Functions taking or setting `chart.point` coordinates: refused rather than ignored.
    static let pointFunctions: Set<String> = [
        "line.set_first_point", "line.set_second_point", "label.set_point", "box.set_top_left_point",
        "box.set_bottom_right_point",
    ]

    /// `array.new_line`, `array.new_label`, `array.new_box`: arrays of drawings.
    static func register(into t: inout [String: BuiltinImplementation]) {
        for kind in types {
            t["array.new_" + kind] = BuiltinImplementation { a in
                try ObjectArrayFunctions.compileNew(ReferenceCall(bound: a), element: .object(kind))
            }
        }
    }

    /// `name(...)` (or `receiver.method(...)` with `name` = `type.method`) when it is a
    /// drawing function kept as data; nil for every other name.
    static func compile(
        _ name: String, _ call: Call, receiver: (CompiledValue, SourceRange)?, builder b: InstanceBuilder, _ range: SourceRange
    ) throws -> CompiledValue? {
        guard let dot = name.firstIndex(of: ".") else { return nil }
        let kind = String(name[..<dot])
        let function = String(name[name.index(after: dot)...])
        guard types.contains(kind), !function.contains(".") else { return nil }
        if function == "new" { return try compileNew(kind, DrawingArguments(b, name, newParameters[kind] ?? [], call, receiver, range)) }
        if pointFunctions.contains(name) {
            throw b.error(call.callee.range, "\(name)() with chart.point coordinates is not supported yet")
        }
        let type = ValueType.object(kind)
        if let (field, t) = getters[name] {
            let a = try DrawingArguments(b, name, ["id"], call, receiver, range)
            let id = try a.id(type)
            return .num({ rt in try (id(rt) as? PineObject)?[field].number ?? .nan }, t, nil)
        }
        if let (parameters, fields) = numberSetters[name] {
            let a = try DrawingArguments(b, name, ["id"] + parameters, call, receiver, range)
            let id = try a.id(type)
            let values = try (1...parameters.count).map { try a.num($0) }
            return .void({ rt in
                guard let o = try id(rt) as? PineObject else { return .normal }
                for (k, f) in fields.enumerated() { o[f] = .number(try values[k](rt)) }
                return .normal
            })
        }
        switch name {
        case "line.get_price": return try compileGetPrice(DrawingArguments(b, name, ["id", "x"], call, receiver, range))
        case "label.get_text":
            let a = try DrawingArguments(b, name, ["id"], call, receiver, range)
            let id = try a.id(type)
            return .str({ rt in try (id(rt) as? PineObject)?[labelText].text ?? "" }, nil)
        case "label.set_text", "box.set_text":
            let a = try DrawingArguments(b, name, ["id", "text"], call, receiver, range)
            let id = try a.id(type)
            let text = try a.str(1)
            let field = kind == "label" ? labelText : boxText
            return .void({ rt in
                guard let o = try id(rt) as? PineObject else { return .normal }
                o[field] = .text(try text(rt))
                return .normal
            })
        case "line.set_extend", "box.set_extend":
            let a = try DrawingArguments(b, name, ["id", "extend"], call, receiver, range)
            let id = try a.id(type)
            let text = try a.str(1)
            return .void({ rt in
                guard let o = try id(rt) as? PineObject else { return .normal }
                o[extend] = .text(try text(rt))
                return .normal
            })
        case "line.set_xloc", "box.set_xloc", "label.set_xloc":
            let firsts = kind == "box" ? ["left", "right"] : kind == "line" ? ["x1", "x2"] : ["x"]
            let a = try DrawingArguments(b, name, ["id"] + firsts + ["xloc"], call, receiver, range)
            let id = try a.id(type)
            let xs = try (1...firsts.count).map { try a.num($0) }
            let xloc = try a.str(firsts.count + 1)
            let fields = kind == "label" ? [x1] : [x1, x2]
            let timeField = kind == "label" ? labelTime : time
            return .void({ rt in
                guard let o = try id(rt) as? PineObject else { return .normal }
                for (k, f) in fields.enumerated() { o[f] = .number(try xs[k](rt)) }
                o[timeField] = .number(try xloc(rt) == "bar_time" ? 1 : 0)
                return .normal
            })
        case "line.copy", "label.copy", "box.copy":
            let a = try DrawingArguments(b, name, ["id"], call, receiver, range)
            let id = try a.id(type)
            return .ref({ rt in (try id(rt) as? PineObject)?.copy() }, type)
        case "line.delete", "label.delete", "box.delete":
            // Removes the picture only; the argument is still evaluated (`line.delete(a.shift())`).
            let a = try DrawingArguments(b, name, ["id"], call, receiver, range)
            let id = try a.id(type)
            return .void({ rt in
                _ = try id(rt)
                return .normal
            })
        default:
            guard function.hasPrefix("set_") else {
                throw b.error(call.callee.range, "\(name)() is not supported yet")
            }
            // Colors, styles, sizes, fonts, tooltips: display only.
            return .void({ _ in .normal })
        }
    }

    /// `line.new(...)`, `label.new(...)`, `box.new(...)`.
    private static func compileNew(_ kind: String, _ a: DrawingArguments) throws -> CompiledValue {
        let na: NumFn = { _ in .nan }
        let none: StrFn = { _ in "" }
        let type = ValueType.object(kind)
        switch kind {
        case "line":
            let fs = try (0..<4).map { try a.num($0) }
            let xloc = try a.optionalStr("xloc") ?? { _ in "bar_index" }
            let ext = try a.optionalStr("extend") ?? { _ in "none" }
            return .ref({ rt in
                PineObject(fields: [
                    .number(try fs[0](rt)), .number(try fs[1](rt)), .number(try fs[2](rt)), .number(try fs[3](rt)),
                    .number(try xloc(rt) == "bar_time" ? 1 : 0), .text(try ext(rt)),
                ])
            }, type)
        case "label":
            let x = try a.num(0)
            let y = try a.optionalNum("y") ?? na
            let text = try a.optionalStr("text") ?? none
            let xloc = try a.optionalStr("xloc") ?? { _ in "bar_index" }
            return .ref({ rt in
                PineObject(fields: [
                    .number(try x(rt)), .number(try y(rt)), .text(try text(rt)), .number(try xloc(rt) == "bar_time" ? 1 : 0),
                ])
            }, type)
        default:
            let fs = try (0..<4).map { try a.num($0) }
            let xloc = try a.optionalStr("xloc") ?? { _ in "bar_index" }
            let ext = try a.optionalStr("extend") ?? { _ in "none" }
            let text = try a.optionalStr("text") ?? none
            return .ref({ rt in
                PineObject(fields: [
                    .number(try fs[0](rt)), .number(try fs[1](rt)), .number(try fs[2](rt)), .number(try fs[3](rt)),
                    .number(try xloc(rt) == "bar_time" ? 1 : 0), .text(try ext(rt)), .text(try text(rt)),
                ])
            }, type)
        }
    }

    /// `line.get_price(id, x)`: the price at bar index `x` on the straight line
    /// through the two points, as if extended both ways; lines placed with
    /// `xloc.bar_time` have no price by bar index (a runtime error, as on TradingView).
    private static func compileGetPrice(_ a: DrawingArguments) throws -> CompiledValue {
        let id = try a.id(.object("line"))
        let x = try a.num(1)
        let range = a.range
        return .num({ rt in
            guard let o = try id(rt) as? PineObject else { return .nan }
            let xv = try x(rt)
            if o[time].number == 1 {
                throw rt.error(
                    "line.get_price() works only on lines placed with xloc.bar_index, this one uses xloc.bar_time",
                    line: range.start.line, column: range.start.column)
            }
            return price(x1: o[x1].number, y1: o[y1].number, x2: o[x2].number, y2: o[y2].number, at: xv)
        }, .float, nil)
    }

    /// The y at `x` of the straight line through (x1, y1) and (x2, y2); na for a vertical line.
    static func price(x1: Double, y1: Double, x2: Double, y2: Double, at x: Double) -> Double {
        if x1 == x2 { return .nan }
        return y1 + (x - x1) * (y2 - y1) / (x2 - x1)
    }
}
