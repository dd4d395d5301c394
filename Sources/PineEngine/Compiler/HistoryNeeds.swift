import PineLanguage

/// How much history each variable name needs: the largest constant offset
/// it is read at, or `dynamicOffset` when an offset is computed at run time.
struct HistoryNeeds: Sendable {
    static let dynamicOffset = -1
    /// Ring size for offsets only known at run time: the whole history limit.
    static let dynamicCapacity = ScriptLimits.maxHistory + 1

    private(set) var byName: [String: Int] = [:]

    init(script: Script) {
        var needs: [String: Int] = [:]
        SyntaxWalk.expressions(in: script.statements) { e in
            guard case .index(let base, let offset) = e.kind, case .identifier(let name) = base.kind else { return }
            let n: Int
            if case .intLiteral(let k) = offset.kind { n = k } else { n = HistoryNeeds.dynamicOffset }
            if let old = needs[name] {
                needs[name] = (old == HistoryNeeds.dynamicOffset || n == HistoryNeeds.dynamicOffset) ? HistoryNeeds.dynamicOffset : max(old, n)
            } else {
                needs[name] = n
            }
        }
        byName = needs
    }

    /// The ring capacity for a variable, or nil when its past is never read.
    func capacity(for name: String) -> Int? {
        guard let n = byName[name] else { return nil }
        return n == HistoryNeeds.dynamicOffset ? HistoryNeeds.dynamicCapacity : min(n, ScriptLimits.maxHistory) + 1
    }
}
