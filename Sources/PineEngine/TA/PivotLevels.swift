/// The eleven levels of `ta.pivot_point_levels`, in Pine's array order
/// `[P, R1, S1, R2, S2, R3, S3, R4, S4, R5, S5]`; levels a system does not define are `na`.
public struct PivotLevels: Sendable, Equatable {
    public var p = Double.nan
    public var r1 = Double.nan
    public var s1 = Double.nan
    public var r2 = Double.nan
    public var s2 = Double.nan
    public var r3 = Double.nan
    public var s3 = Double.nan
    public var r4 = Double.nan
    public var s4 = Double.nan
    public var r5 = Double.nan
    public var s5 = Double.nan

    public init() {}

    /// Level `index` in Pine's order (0 = P); `na` out of range.
    public subscript(index: Int) -> Double {
        switch index {
        case 0: return p
        case 1: return r1
        case 2: return s1
        case 3: return r2
        case 4: return s2
        case 5: return r3
        case 6: return s3
        case 7: return r4
        case 8: return s4
        case 9: return r5
        case 10: return s5
        default: return .nan
        }
    }
}
