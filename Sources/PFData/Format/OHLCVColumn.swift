/// One column descriptor of a v2 file.
struct OHLCVColumn: Sendable, Equatable {
    var role: UInt8
    var dtype: UInt8
    var base: UInt8
    var offset: Int
    var name: String
}
