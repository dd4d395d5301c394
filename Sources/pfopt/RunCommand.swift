import ArgumentParser

/// `pfopt run`: placeholder until its issue lands.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run one backtest of a strategy.")

    func run() throws {
        throw ValidationError("pfopt run is not available in this build yet")
    }
}
