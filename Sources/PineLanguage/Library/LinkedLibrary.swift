/// A library linked into a script: where its source came from and the
/// names it gives the script.
struct LinkedLibrary: Sendable {
    /// The import path as written: `user/name/version`.
    var path: String
    /// The file its source was read from.
    var file: String
    /// Prepended to each of its top-level names in the linked script:
    /// `user/name/version::`, which no Pine identifier can clash with.
    var prefix: String
    /// The names it exports (functions, types, enums, constants).
    var exported: Set<String>
    /// Its declarations, renamed, in source order.
    var statements: Block
}
