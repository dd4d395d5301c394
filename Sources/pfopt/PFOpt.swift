import ArgumentParser

/// The `pfopt` command: optimize the inputs of Pine Script v6 strategies.
@main
struct PFOpt: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pfopt",
        abstract: "Optimize the inputs of TradingView Pine Script v6 strategies.",
        discussion: """
            Point pfopt at a .pine strategy and a market-data file, say which inputs \
            to search, and get a ranked leaderboard, walk-forward validation, and the \
            trades and equity of the winners.
            """,
        version: PFOptVersion.string,
        subcommands: [
            SweepCommand.self, WalkForwardCommand.self, RunCommand.self,
            InspectCommand.self, DataCommand.self,
        ]
    )
}

/// The version `pfopt --version` prints.
enum PFOptVersion {
    static let string = "0.1.0"
}
