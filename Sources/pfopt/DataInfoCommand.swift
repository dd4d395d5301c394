import ArgumentParser
import Foundation
import PFData

/// `pfopt data info FILE`.
struct DataInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info", abstract: "Describe a bar file: bars, first/last time, interval, gaps, tick, prices.")

    @Argument(help: "The bar file (.ohlcv, .csv, .tsv, .txt or .json).")
    var file: String

    @Option(help: "Timezone of times written without an offset in a text file (default: UTC).")
    var timezone: String?

    @Flag(help: "Print one JSON object (bars, first_time, last_time in Unix ms, interval, gaps, tick, ...).")
    var json = false

    func run() throws {
        do {
            let summary = DataSummary(try MarketData.load(path: file, timezone: timezone))
            print(json ? summary.json() : summary.text())
        } catch {
            ErrorOutput.write(ErrorOutput.message(for: error))
            throw ExitCode.failure
        }
    }
}
