import ArgumentParser
import Foundation

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
            InspectCommand.self, DataCommand.self, ReportCommand.self, MergeCommand.self, SlurmCommand.self,
            ExportCommand.self,
        ]
    )

    /// Parses the command line and runs the subcommand. Every failure ends
    /// the same way: one line on standard error (`pfopt: error: ...`, or the
    /// compiler's `file:line:col: error: ...` with the source line) and a
    /// non-zero exit; help and version requests print as usual.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            exit(withParseError: error, arguments: arguments)
        }
        do {
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch where exitCode(for: error) != .failure {
            // Help requested, or a command-line error found while running.
            exit(withParseError: error, arguments: arguments)
        } catch {
            ErrorOutput.write(ErrorOutput.message(for: error))
            Foundation.exit(ExitCode.failure.rawValue)
        }
    }

    /// A command line that does not parse: help and version requests exit
    /// as ArgumentParser prints them; anything else is one error line that
    /// names the subcommand's help.
    private static func exit(withParseError error: any Error, arguments: [String]) -> Never {
        let code = exitCode(for: error)
        if code == .success { exit(withError: error) }
        let text = fullMessage(for: error)
        let first = text.split(separator: "\n").first.map(String.init) ?? text
        let message = first.hasPrefix("Error: ") ? String(first.dropFirst("Error: ".count)) : first
        let names = Set(configuration.subcommands.map { $0._commandName })
        let subcommand = arguments.first.flatMap { names.contains($0) ? " \($0)" : nil } ?? ""
        ErrorOutput.write("pfopt: error: \(message) (see 'pfopt\(subcommand) --help')")
        Foundation.exit(code.rawValue)
    }
}
