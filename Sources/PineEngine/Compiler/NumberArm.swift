import PineLanguage

/// A number closure carried in an array with its native calling convention.
struct NumberArm {
    let value: NumFn
    init(_ value: @escaping NumFn) { self.value = value }
}
