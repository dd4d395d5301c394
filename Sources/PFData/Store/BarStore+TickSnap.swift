extension BarStore {
    /// The bars with open, high, low and close rounded to the nearest
    /// multiple of `mintick` (volume and times unchanged).
    public func snappedToTick(_ mintick: Double) -> BarStore {
        func snap(_ column: [Double]) -> [Double] {
            column.map { $0.isFinite ? ($0 / mintick).rounded() * mintick : $0 }
        }
        return BarStore(time: time, open: snap(open), high: snap(high), low: snap(low), close: snap(close), volume: volume)
    }
}
