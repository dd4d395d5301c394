import ArgumentParser
import Foundation
import PFData

/// `pfopt data`: convert market-data files to `.ohlcv` and describe them.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data", abstract: "Convert and describe market-data files.",
        discussion: """
            pfopt reads PyneCore's .ohlcv files, and CSV, TSV/TXT or JSON bar files, which it \
            converts once to .ohlcv beside them (re-converted only when the source changes).
            """,
        subcommands: [DataConvertCommand.self, DataInfoCommand.self, DataExportCommand.self])
}
