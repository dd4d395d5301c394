/// The version `pfopt --version` prints and the journal records.
enum PFOptVersion {
    static let string = "0.2.0"
}
