import PineLanguage

/// Choices between statement closures and between number closures, built
/// without generics: a closure that passes through a generic parameter or a
/// bare array element is wrapped in a reabstraction thunk (one more indirect
/// call each time it runs); these keep every arm's native calling convention.
extension InstanceBuilder {
    /// `if c1 a1 else if c2 a2 ... else other` over statements: nested
    /// two-way choices, or a loop over the arms for a long `else if` ladder.
    static func selectStatement(_ conditions: [Condition], _ arms: [Step], _ other: ExecFn?) -> ExecFn {
        let otherIsEmpty = other == nil
        let other = orNothing(other)
        if conditions.count > Self.nestedArmLimit {
            let ladder = zip(conditions, arms).map { StatementArm(condition: $0.0, arm: $0.1) }
            return { rt in
                for a in ladder where try a.condition.test(rt) { return try a.arm.run(rt) }
                return try other(rt)
            }
        }
        var result = other
        for k in conditions.indices.reversed() {
            let test = conditions[k].test
            let run = arms[k].run
            if k == conditions.count - 1, otherIsEmpty {
                // No `else`: nothing to call when the condition is false.
                result = { rt in try test(rt) ? run(rt) : .normal }
                continue
            }
            let otherwise = result
            result = { rt in try test(rt) ? run(rt) : otherwise(rt) }
        }
        return result
    }

    /// The same choice between number closures (`c ? x : y`, an `if` giving a number).
    static func selectNumber(_ conditions: [Condition], _ arms: [NumberArm], _ other: @escaping NumFn) -> NumFn {
        if conditions.count > Self.nestedArmLimit {
            let ladder = zip(conditions, arms).map { NumberLadderArm(condition: $0.0, arm: $0.1) }
            return { rt in
                for a in ladder where try a.condition.test(rt) { return try a.arm.value(rt) }
                return try other(rt)
            }
        }
        var result = other
        for k in conditions.indices.reversed() {
            let test = conditions[k].test
            let value = arms[k].value
            let otherwise = result
            result = { rt in try test(rt) ? value(rt) : otherwise(rt) }
        }
        return result
    }

    /// A block compiled in its own scope; a block with no statements does nothing.
    func compileBody(_ block: Block) throws -> ExecFn {
        scope.push()
        defer { scope.pop() }
        if let run = try compileStatements(block) { return run }
        return { _ in .normal }
    }

    /// `withScope` for a statement closure, without passing it through a generic result.
    func withScope(_ body: () throws -> ExecFn) rethrows -> ExecFn {
        scope.push()
        defer { scope.pop() }
        return try body()
    }
}

private struct StatementArm {
    let condition: Condition
    let arm: Step
}

private struct NumberLadderArm {
    let condition: Condition
    let arm: NumberArm
}

/// The statement closure, or one that does nothing when there is none: the
/// standard `??` would wrap the closure in reabstraction thunks (a generic
/// function's value) that stay in it for every call.
func orNothing(_ run: ExecFn?) -> ExecFn {
    if let run { return run }
    return { _ in .normal }
}
