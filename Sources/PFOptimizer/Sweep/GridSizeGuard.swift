/// Refuses a grid search so large that it would run for years, unless the
/// user confirms it.
public enum GridSizeGuard {
    /// Grids above this many runs need confirmation (`--yes`).
    public static let limit = 10_000_000

    /// Throws when a grid plan has more than ``limit`` runs (`total` counts
    /// every fold of a walk-forward) and the user has not confirmed.
    static func check(_ planner: Planner, total: Int, confirmed: Bool) throws(SweepError) {
        guard planner.method == .grid, total > limit, !confirmed else { return }
        let shown = total == Int.max ? "more than \(Int.max)" : "\(total)"
        throw .refused(
            "the grid has \(shown) runs, more than \(limit): at a few hundred runs a second that takes longer than a day; add --yes to run it anyway, or search it with method = \"random\" and trials = 10000 (about 1 in \(max(1, total / 10_000)) of the grid)"
        )
    }
}
