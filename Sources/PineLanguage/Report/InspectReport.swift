import PFData

/// What `pfopt inspect` shows: a checked script's declaration and inputs, as a
/// table for people or as JSON for tools.
public struct InspectReport: Sendable {
    public var declaration: DeclarationProperties?
    public var inputs: [InputSpec]

    public init(_ checked: CheckedScript) {
        declaration = checked.declaration
        inputs = checked.inputs
    }

    // MARK: - JSON

    /// One object: `declaration` (`kind`, `title`, then the properties given) and `inputs`
    /// (in source order: `name`, `title`, `type`, `default`, then `minval`, `maxval`, `step`,
    /// `options`, `group`, `tooltip` when given).
    public func json() -> String {
        var out = "{\n  \"declaration\": "
        if let d = declaration {
            var fields: [(String, String)] = [("kind", QuotedString.quoted(d.kind.rawValue)), ("title", QuotedString.quoted(d.title))]
            for p in d.properties where p.name != "title" {
                fields.append((p.name, JSON.value(p.value)))
            }
            out += JSON.object(fields, indent: 2)
        } else {
            out += "null"
        }
        out += ",\n  \"inputs\": "
        if inputs.isEmpty {
            out += "[]"
        } else {
            out += "[\n" + inputs.map { "    " + JSON.object(fields(of: $0), indent: 4) }.joined(separator: ",\n") + "\n  ]"
        }
        return out + "\n}"
    }

    private func fields(of input: InputSpec) -> [(String, String)] {
        var fields: [(String, String)] = [
            ("name", QuotedString.quoted(input.name)), ("title", input.title.map(QuotedString.quoted) ?? "null"),
            ("type", QuotedString.quoted(input.kind.rawValue)), ("default", JSON.value(input.defaultValue)),
        ]
        // An int input's bounds print as integers.
        let bound: (Double) -> String = { v in
            input.kind == .int && Text.isIntegral(v) ? String(Int(v)) : JSON.number(v)
        }
        if let v = input.minval { fields.append(("minval", bound(v))) }
        if let v = input.maxval { fields.append(("maxval", bound(v))) }
        if let v = input.step { fields.append(("step", bound(v))) }
        if !input.options.isEmpty { fields.append(("options", "[" + input.options.map(JSON.value).joined(separator: ", ") + "]")) }
        if let v = input.group { fields.append(("group", QuotedString.quoted(v))) }
        if let v = input.tooltip { fields.append(("tooltip", QuotedString.quoted(v))) }
        return fields
    }

    // MARK: - Table

    /// The declaration's properties, then one row per input.
    public func table() -> String {
        var lines: [String] = []
        if let d = declaration {
            lines.append("\(d.kind.rawValue) \"\(d.title)\"")
            let props = d.properties.filter { $0.name != "title" }
            let width = props.map(\.name.count).max() ?? 0
            for p in props {
                lines.append("  " + Text.pad(p.name, width) + "  " + Text.display(p.value))
            }
        } else {
            lines.append("(no declaration)")
        }
        lines.append("")
        if inputs.isEmpty {
            lines.append("no inputs")
            return lines.joined(separator: "\n")
        }
        let header = ["name", "title", "type", "default", "min", "max", "step", "options"]
        let rows = inputs.map { i in
            [
                i.name, i.title ?? "", i.kind.rawValue, Text.display(i.defaultValue), i.minval.map(Text.number) ?? "",
                i.maxval.map(Text.number) ?? "", i.step.map(Text.number) ?? "",
                i.options.map(Text.display).joined(separator: ", "),
            ]
        }
        var widths = header.map(\.count)
        for row in rows {
            for (c, cell) in row.enumerated() { widths[c] = max(widths[c], cell.count) }
        }
        func render(_ cells: [String]) -> String {
            var line = ""
            for (c, cell) in cells.enumerated() {
                line += c == cells.count - 1 ? cell : Text.pad(cell, widths[c]) + "  "
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
        lines.append(render(header))
        lines.append(contentsOf: rows.map(render))
        return lines.joined(separator: "\n")
    }
}
