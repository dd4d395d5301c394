/// Checks a parsed script against what pfopt's engine runs faithfully: names are
/// declared before use, built-ins exist and get arguments that fit their
/// signatures, and unsupported features are rejected by name and location
/// ("request.security is not supported yet"). Nothing unsupported may run silently wrong.
///
/// This file holds the walk's state and the declaration; statements and types
/// are checked in `SupportChecker+Statements`, expressions and names in
/// `SupportChecker+Expressions`, calls in `SupportChecker+Calls`.
public struct SupportChecker {
    var diagnostics: [Diagnostic] = []
    var scopes = CheckerScopes()
    var loopDepth = 0
    var functionDepth = 0
    var kind: ScriptDeclaration.Kind?
    /// The script's `//@version`, nil when missing.
    var version: Int?
    var importedAliases: Set<String> = []
    var userTypes = UserTypeCatalog()
    /// The script's own constants (`const string TITLE = "..."`), which the declaration may name.
    var constants: [String: ConstantValue] = [:]

    /// Checks `script` and returns the problems found, in source order.
    public static func check(_ script: Script) -> [Diagnostic] {
        var checker = SupportChecker()
        checker.run(script)
        return checker.diagnostics.sorted { $0.range.start.offset < $1.range.start.offset }
    }

    mutating func report(_ message: String, at range: SourceRange, _ severity: Diagnostic.Severity = .error) {
        guard diagnostics.count < 200 else { return }
        diagnostics.append(Diagnostic(severity, message, at: range))
    }

    mutating func run(_ script: Script) {
        kind = script.declaration?.kind
        version = script.version
        constants = InputDiscovery.constants(of: script)
        if let declaration = script.declaration {
            checkDeclaration(declaration)
        } else {
            let start = script.range.start
            report("the script has no strategy(...) or indicator(...) declaration", at: SourceRange(start: start, end: start))
        }
        checkBlock(script.statements, newScope: false)
    }

    mutating func checkDeclaration(_ declaration: ScriptDeclaration) {
        let name = declaration.kind.rawValue
        if declaration.kind == .library {
            report("libraries cannot be run: pfopt runs strategy() and indicator() scripts", at: declaration.range)
            return
        }
        guard let function = Builtins.function(named: name) else { return }
        switch function.bind(declaration.arguments, callRange: declaration.range) {
        case .failure(let error):
            report(error.description, at: error.range)
        case .success(let bound):
            var recalculatesOnFills: SourceRange?
            var processesOnClose = false
            for (index, slot) in bound.arguments.enumerated() {
                guard let argument = slot else { continue }
                let parameter = bound.signature.parameters[index].name
                // A constant, possibly naming the script's own constants (declared at the top level).
                guard let value = ConstantValue.fold(argument.value, constants: constants), value.isConstant else {
                    checkExpression(argument.value)
                    report("\(name)() argument '\(parameter)' must be a constant value", at: argument.value.range)
                    continue
                }
                switch (parameter, value) {
                case ("calc_on_order_fills", .bool(true)):
                    recalculatesOnFills = argument.range
                case ("process_orders_on_close", .bool(true)):
                    processesOnClose = true
                case ("timeframe", .string(let tf)) where !tf.isEmpty:
                    report("indicator(timeframe=...) is not supported yet", at: argument.range)
                case ("calc_on_every_history_tick", .bool(true)):
                    report(
                        "calc_on_every_history_tick=true is not supported yet (pfopt runs the script once per bar, at its close)",
                        at: argument.range)
                case ("dynamic_requests", .bool(true)):
                    report("dynamic_requests=true is not supported yet", at: argument.range)
                default:
                    break
                }
            }
            if let range = recalculatesOnFills, processesOnClose {
                report(Self.fillsWithCloseMessage, at: range)
            }
        }
    }

    /// Why calc_on_order_fills=true is refused with process_orders_on_close=true.
    public static let fillsWithCloseMessage =
        "calc_on_order_fills=true with process_orders_on_close=true is not supported yet "
        + "(what the extra execution after a fill on the bar's close may fill is not documented)"

    // MARK: - Scopes

    mutating func declare(_ name: Name, typeHint: String? = nil) {
        guard name.text != "_" else { return }
        if !scopes.declareVariable(name.text, typeHint: typeHint) {
            report("'\(name.text)' is already declared in this scope; use ':=' to assign to it", at: name.range)
        }
    }

    mutating func checkBlock(_ block: Block, newScope: Bool = true) {
        if newScope { scopes.push() }
        for statement in block { checkStatement(statement) }
        if newScope { scopes.pop() }
    }
}
