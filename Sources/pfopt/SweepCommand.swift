import ArgumentParser

/// `pfopt sweep`: placeholder until its issue lands.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep", abstract: "Run a parameter sweep described by a TOML config.")

    func run() throws {
        throw ValidationError("pfopt sweep is not available in this build yet")
    }
}
