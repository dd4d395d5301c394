import ArgumentParser
import Foundation
import PFData

/// `pfopt data export FILE OUTPUT`.
struct DataExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the bars of a .ohlcv file as CSV or JSON.",
        discussion: "The format follows OUTPUT's extension (.csv or .json); times are Unix ms unless --dates.")

    @Argument(help: "The .ohlcv file to read.")
    var file: String

    @Argument(help: "The CSV or JSON file to write.")
    var output: String

    @Flag(help: "Write times as ISO 8601 UTC dates instead of Unix milliseconds.")
    var dates = false

    func run() throws {
        do {
            let reader = try OHLCVReader(path: file)
            if output.lowercased().hasSuffix(".json") {
                try reader.exportJSON(to: output, asDates: dates)
            } else {
                try reader.exportCSV(to: output, asDates: dates)
            }
            print("wrote \(output): \(reader.count) bars")
        } catch {
            ErrorOutput.write(ErrorOutput.message(for: error))
            throw ExitCode.failure
        }
    }
}
