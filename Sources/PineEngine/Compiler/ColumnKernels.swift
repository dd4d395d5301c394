import PineLanguage

/// Tight loops for the commonest pure `ta.*` calls whose sources are bar
/// series or other columns and whose lengths are constant for the run
/// (literals or inputs): the whole column is computed without a closure call
/// per bar. Same states, same per-bar order, so the same values as the
/// closure path.
enum ColumnKernels {
    typealias Source = UnsafePointer<Double>
    typealias Out = UnsafeMutablePointer<Double>

    /// `f(source, length)` kernels.
    static let sourceLength: [String: @Sendable (Source, Int, Out, Int) -> Void] = [
        "ta.sma": { s, len, o, n in var st = SumState(); st.fill(s, count: n, length: len, divisor: Double(len), into: o) },
        "ta.ema": { s, len, o, n in var st = EMAState(); for i in 0..<n { o[i] = st.update(s[i], length: len) } },
        "ta.rma": { s, len, o, n in var st = RMAState(); for i in 0..<n { o[i] = st.update(s[i], length: len) } },
        "ta.wma": { s, len, o, n in var st = WMAState(); for i in 0..<n { o[i] = st.update(s[i], length: len) } },
        "ta.rsi": { s, len, o, n in var st = RSIState(); for i in 0..<n { o[i] = st.update(s[i], length: len) } },
        "ta.cci": { s, len, o, n in var st = CCIState(); for i in 0..<n { o[i] = st.update(s[i], length: len) } },
        "ta.highest": { s, len, o, n in var st = HighestState(); for i in 0..<n { o[i] = st.update(s[i], length: len) } },
        "ta.lowest": { s, len, o, n in var st = LowestState(); for i in 0..<n { o[i] = st.update(s[i], length: len) } },
        "ta.stdev": { s, len, o, n in var st = StdevState(); for i in 0..<n { o[i] = st.update(s[i], length: len) } },
        "ta.hma": { s, len, o, n in var st = HMAState(); for i in 0..<n { o[i] = st.update(s[i], length: len) } },
    ]

    /// `f(a, b)` kernels returning bools (stored as 0/1).
    static let pair: [String: @Sendable (Source, Source, Out, Int) -> Void] = [
        "ta.crossover": { a, b, o, n in var st = CrossoverState(); for i in 0..<n { o[i] = st.update(a[i], b[i]) ? 1 : 0 } },
        "ta.crossunder": { a, b, o, n in var st = CrossunderState(); for i in 0..<n { o[i] = st.update(a[i], b[i]) ? 1 : 0 } },
        "ta.cross": { a, b, o, n in var st = CrossState(); for i in 0..<n { o[i] = st.update(a[i], b[i]) ? 1 : 0 } },
    ]
}
