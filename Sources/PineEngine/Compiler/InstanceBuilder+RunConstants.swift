import PineLanguage

/// Values known before the first bar: literals, constants, inputs (other
/// than a source, which is a series) and what is computed from them only.
/// A built-in that takes such a value (`strategy.risk.allow_entry_in`)
/// evaluates it once per run; the check is on the syntax, so a value read
/// from the bars is refused where it is written.
extension InstanceBuilder {
    /// True when `e` has one value per run: it reads no bar, no strategy
    /// state and no variable that can change from one bar to the next.
    func isKnownBeforeFirstBar(_ e: Expression) -> Bool {
        switch e.kind {
        case .intLiteral, .floatLiteral, .boolLiteral, .colorLiteral, .na, .stringLiteral:
            return true
        case .identifier(let name):
            // A global variable declared once from such a value and never
            // assigned again; not a name of a nested block or a function.
            if let (_, frame) = scope.find(name) { return frame == 0 && runConstants.contains(name) }
            return Self.isNamedConstant(name)
        case .member:
            guard let name = e.dottedName, scope.lookup(name) == nil else { return false }
            return Self.isNamedConstant(name)
        case .call(let call):
            guard let name = call.callee.dottedName, scope.lookup(name) == nil,
                Builtins.function(named: name)?.category == .input, let spec = inputs.spec(at: e.range)
            else { return false }
            return spec.kind != .source
        case .unary(_, let x):
            return isKnownBeforeFirstBar(x)
        case .binary(_, let a, let b):
            return isKnownBeforeFirstBar(a) && isKnownBeforeFirstBar(b)
        case .ternary(let c, let t, let o):
            return isKnownBeforeFirstBar(c) && isKnownBeforeFirstBar(t) && isKnownBeforeFirstBar(o)
        default:
            return false
        }
    }

    /// Records a global declaration whose value is known before the first
    /// bar (it is then such a value itself).
    func noteRunConstant(_ d: VariableDeclaration, topLevel: Bool) {
        let name = d.name.text
        guard topLevel, !reassigned.contains(name), isKnownBeforeFirstBar(d.initializer) else {
            runConstants.remove(name)
            return
        }
        runConstants.insert(name)
    }

    /// Built-in constants: `strategy.direction.long`, `color.red`, `math.pi`, ...
    static func isNamedConstant(_ name: String) -> Bool {
        name.hasPrefix("strategy.direction.") || name == "strategy.long" || name == "strategy.short"
            || BuiltinVariables.constants[name] != nil || BuiltinVariables.stringConstants[name] != nil
    }
}
