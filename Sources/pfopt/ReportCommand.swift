import ArgumentParser
import PFOptimizer

/// `pfopt report`: rebuild a results folder's report.html.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Rebuild report.html in a sweep's or walk-forward's results folder.",
        discussion: """
            Reads manifest.json, robustness.json and leaderboard.csv in DIR and writes DIR/report.html: \
            one self-contained page that opens offline in any browser.
            """)

    @Argument(help: "The results folder (a sweep's or walk-forward's output.dir).")
    var directory: String

    func run() throws {
        try ReportPage.write(directory: directory)
        print("wrote \(directory)/\(ReportPage.fileName)")
    }
}
