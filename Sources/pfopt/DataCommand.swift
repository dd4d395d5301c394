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

/// `pfopt data convert FILE`.
struct DataConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert", abstract: "Convert a CSV, TSV/TXT or JSON bar file to .ohlcv.",
        discussion: """
            Writes FILE.ohlcv beside the source (or --output) and a PyneCore symbol file \
            (FILE.toml) when none exists. Prints the bars, timeframe, gaps and tick size found.
            """)

    @Argument(help: "The bar file to convert (.csv, .tsv, .txt or .json).")
    var file: String

    @Option(help: "The symbol, e.g. BTC/USDT (default: guessed from the file name).")
    var symbol: String?

    @Option(help: "The provider or exchange, e.g. bybit (default: guessed from the file name).")
    var provider: String?

    @Option(help: "Timezone of times written without an offset, e.g. Europe/London or +02:00 (default: UTC).")
    var timezone: String?

    @Option(help: "The tick size (smallest price step), e.g. 0.01 (default: the symbol file's, else detected).")
    var tick: Double?

    @Option(help: "Where to write the .ohlcv file (default: beside FILE).")
    var output: String?

    func run() throws {
        do {
            let result = try DataConverter.convert(
                sourcePath: file, outputPath: output, symbol: symbol, provider: provider, timezone: timezone,
                tick: tick, force: true)
            print("wrote \(result.ohlcvPath): \(result.bars.count) bars, timeframe \(result.timeframe?.description ?? "unknown"), \(result.gaps.count) gaps, tick \(result.tick.map { "\($0)" } ?? "unknown")")
            if let toml = result.writtenSymbolPath { print("wrote \(toml) (symbol \(result.symbol.ticker))") }
        } catch {
            ErrorOutput.write(ErrorOutput.message(for: error))
            throw ExitCode.failure
        }
    }
}

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
