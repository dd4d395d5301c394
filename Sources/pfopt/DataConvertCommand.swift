import ArgumentParser
import Foundation
import PFData

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
