import Foundation

/// Links the libraries a script imports (`import user/name/version [as alias]`)
/// into one script the checker and the engine read like any other.
///
/// pfopt cannot fetch a library from TradingView: the trader saves its
/// published source as `libraries/<user>/<name>/<version>.pine` in the
/// script's folder. Each library's functions, types, enums and top-level
/// variables are renamed to `user/name/version::name` (a name no Pine
/// identifier can take) and placed before the script's own statements; the
/// script's `alias.name` becomes that name. A library's other top-level
/// code (its own plots, demo logic) runs only when the library is on a
/// chart, so it is left out, as on TradingView.
public enum LibraryLinker {
    /// How deep libraries may import libraries.
    public static let maxDepth = 16

    /// Where the source of the library `path` is looked for, for a script at `scriptFile`.
    public static func sourceFile(for path: String, scriptFile: String) -> String {
        let folder = URL(fileURLWithPath: scriptFile).deletingLastPathComponent()
        return folder.appendingPathComponent("libraries").appendingPathComponent(path + ".pine").path
    }

    /// The imports a parsed script makes, in source order.
    public static func imports(in script: Script) -> [Import] {
        script.statements.compactMap { s in
            if case .importStatement(let i) = s.kind { return i }
            return nil
        }
    }

    /// The library files a script at `scriptFile` with `source` imports that
    /// exist (directly; for fingerprints of what a run depends on).
    public static func importedFiles(source: String, scriptFile: String) -> [String] {
        let script = PineParser.parse(source: source, fileName: scriptFile).script
        return imports(in: script).map { sourceFile(for: $0.path, scriptFile: scriptFile) }
            .filter { FileManager.default.fileExists(atPath: $0) }
    }

    /// The script with every import resolved, and the problems found. When
    /// an import cannot be linked the script is returned unchanged with the
    /// reason located at the import.
    public static func link(_ parsed: ParseResult) -> (script: Script, diagnostics: [Diagnostic]) {
        guard !imports(in: parsed.script).isEmpty else { return (parsed.script, []) }
        var linker = Linking(scriptFile: parsed.fileName, version: parsed.script.version)
        let aliases = linker.imports(of: parsed.script.statements, stack: [])
        guard linker.diagnostics.isEmpty else { return (parsed.script, linker.diagnostics) }
        var renamer = LibraryRenamer(topLevel: [:], aliases: aliases, offsetShift: 0)
        var statements: Block = linker.order.flatMap { linker.linked[$0]?.statements ?? [] }
        for s in parsed.script.statements {
            if case .importStatement = s.kind { continue }
            statements.append(renamer.topLevelStatement(s))
        }
        guard renamer.problems.isEmpty else { return (parsed.script, renamer.problems) }
        var script = parsed.script
        script.statements = statements
        return (script, [])
    }
}

/// One linking pass: every library read once, in dependency order.
private struct Linking {
    let scriptFile: String
    let version: Int?
    var linked: [String: LinkedLibrary] = [:]
    var order: [String] = []
    var diagnostics: [Diagnostic] = []

    init(scriptFile: String, version: Int?) {
        self.scriptFile = scriptFile
        self.version = version
    }

    /// Links the imports among `statements` and returns their aliases.
    mutating func imports(of statements: Block, stack: [String]) -> [String: LinkedLibrary] {
        var aliases: [String: LinkedLibrary] = [:]
        for s in statements {
            guard case .importStatement(let i) = s.kind else { continue }
            guard let library = load(i, at: s.range, stack: stack) else { continue }
            let parts = i.path.split(separator: "/")
            let alias = i.alias?.text ?? (parts.count >= 2 ? String(parts[parts.count - 2]) : i.path)
            aliases[alias] = library
        }
        return aliases
    }

    private mutating func fail(_ message: String, _ range: SourceRange) -> LinkedLibrary? {
        diagnostics.append(Diagnostic(.error, message, at: range))
        return nil
    }

    private mutating func load(_ i: Import, at range: SourceRange, stack: [String]) -> LinkedLibrary? {
        if let done = linked[i.path] { return done }
        let parts = i.path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty, Int(parts[2]) != nil else {
            return fail("'\(i.path)' is not a library path: write import user/name/version", range)
        }
        if stack.contains(i.path) {
            return fail("the library \(i.path) imports itself (through \(stack.joined(separator: " -> ")))", range)
        }
        guard stack.count < LibraryLinker.maxDepth else {
            return fail("libraries import each other more than \(LibraryLinker.maxDepth) deep", range)
        }
        let file = LibraryLinker.sourceFile(for: i.path, scriptFile: scriptFile)
        let shown = "libraries/\(i.path).pine"
        guard FileManager.default.fileExists(atPath: file) else {
            return fail(
                "import \(i.path): pfopt needs the library's source: save its published source code as \(shown) "
                    + "in the script's folder", range)
        }
        let source: String
        do { source = try ScriptFile.read(file) } catch { return fail("import \(i.path): \(error)", range) }
        let parsed = PineParser.parse(source: source, fileName: file)
        if let first = parsed.diagnostics.first(where: { $0.severity == .error }) {
            return fail("the library \(i.path) does not compile: \(file):\(first.description)", range)
        }
        guard parsed.script.declaration?.kind == .library else {
            let kind = parsed.script.declaration.map { "\($0.kind.rawValue)()" } ?? "no library() declaration"
            return fail("\(file) is not a library: it has \(kind)", range)
        }
        if let v = version, let lv = parsed.script.version, lv != v {
            return fail("the library \(i.path) is //@version=\(lv) but the script is //@version=\(v): use the library's version \(v) release", range)
        }
        let aliases = imports(of: parsed.script.statements, stack: stack + [i.path])
        if !diagnostics.isEmpty { return nil }
        let prefix = i.path + "::"
        var topLevel: [String: String] = [:]
        var exported: Set<String> = []
        var kept: Block = []
        for s in parsed.script.statements {
            switch s.kind {
            case .functionDeclaration(let f):
                kept.append(s)
                if f.isMethod { continue }
                topLevel[f.name.text] = prefix + f.name.text
                if f.isExported { exported.insert(f.name.text) }
            case .typeDeclaration(let t):
                kept.append(s)
                topLevel[t.name.text] = prefix + t.name.text
                if t.isExported { exported.insert(t.name.text) }
            case .enumDeclaration(let e):
                kept.append(s)
                topLevel[e.name.text] = prefix + e.name.text
                if e.isExported { exported.insert(e.name.text) }
            case .variableDeclaration(let d):
                kept.append(s)
                topLevel[d.name.text] = prefix + d.name.text
            default:
                continue
            }
        }
        let shift = LibrarySources.register(file: file, source: source)
        var renamer = LibraryRenamer(topLevel: topLevel, aliases: aliases, offsetShift: shift)
        let statements = kept.map { renamer.topLevelStatement($0) }
        diagnostics += renamer.problems.map { problem in
            var d = problem
            d.message = "in the library \(i.path): " + problem.message
            d.range = range
            return d
        }
        let library = LinkedLibrary(path: i.path, file: file, prefix: prefix, exported: exported, statements: statements)
        linked[i.path] = library
        order.append(i.path)
        return library
    }
}
