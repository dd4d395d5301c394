/// A statement closure carried in an array without losing its native
/// calling convention.
struct Step {
    let run: ExecFn
    init(_ run: @escaping ExecFn) { self.run = run }
}
