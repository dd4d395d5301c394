import ArgumentParser

/// `pfopt inspect`: placeholder until its issue lands.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect", abstract: "Show a strategy's declared properties and inputs.")

    func run() throws {
        throw ValidationError("pfopt inspect is not available in this build yet")
    }
}
