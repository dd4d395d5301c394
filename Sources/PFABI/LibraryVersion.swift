/// The version a pfopt strategy library reports through `pf_version_get`.
enum LibraryVersion {
    static let major = 0
    static let minor = 1
    static let patch = 0
    /// The `commit_sha` text: pfopt libraries start it with "pfopt", which is
    /// how pfopt's own sweeps recognise a library that understands its extra
    /// config keys and overrides.
    static let tag: StaticString = "pfopt-0.1.0"
}
