import PineLanguage

/// A condition closure carried in an array with its native calling convention.
struct Condition {
    let test: BoolFn
    init(_ test: @escaping BoolFn) { self.test = test }
}
