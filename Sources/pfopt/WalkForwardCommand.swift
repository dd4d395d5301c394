import ArgumentParser

/// `pfopt walkforward`: placeholder until its issue lands.
struct WalkForwardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "walkforward", abstract: "Walk-forward validation of a sweep.")

    func run() throws {
        throw ValidationError("pfopt walkforward is not available in this build yet")
    }
}
