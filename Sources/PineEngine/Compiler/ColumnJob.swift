/// One step of filling the pure series before the bar loop: the closure that
/// computes `outputs` for every bar, and what those values depend on.
struct ColumnJob {
    /// Fills `outputs` for bars `0..<rt.barCount`.
    let run: (Runtime) throws -> Void
    /// The columns the job writes.
    let outputs: [Column]
    /// The input cells whose values, with the bars, decide `outputs`
    /// (in a fixed order): the job's result may be shared between runs with
    /// equal values. Nil when it is not worth keeping (cheap) or cannot be
    /// keyed (it reads a text input).
    let cacheInputs: [UnsafeMutablePointer<Double>]?
}
