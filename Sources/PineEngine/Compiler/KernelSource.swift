import PineLanguage

/// Where a kernel reads a series from when it runs.
enum KernelSource {
    case bar(KeyPath<Runtime, [Double]>)
    case column(Column)

    func withPointer<R>(_ rt: Runtime, _ body: (UnsafePointer<Double>) throws -> R) rethrows -> R {
        switch self {
        case .bar(let path):
            return try rt[keyPath: path].withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else {
                    let empty = UnsafeMutablePointer<Double>.allocate(capacity: 1)
                    defer { empty.deallocate() }
                    return try body(empty)
                }
                return try body(base)
            }
        case .column(let c): return try body(c.data)
        }
    }
}
