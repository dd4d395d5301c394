import ArgumentParser

/// `pfopt data`: placeholder until its issue lands.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data", abstract: "Convert and describe market-data files.")

    func run() throws {
        throw ValidationError("pfopt data is not available in this build yet")
    }
}
