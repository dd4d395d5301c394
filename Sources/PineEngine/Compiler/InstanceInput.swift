import PineLanguage

/// One input of an instance: its specification and the cell its value is read from
/// (nil until a call site reads it).
struct InstanceInput {
    var spec: InputSpec
    var cell: UnsafeMutablePointer<Double>?
    var text: UnsafeMutablePointer<String>?
}
