import ArgumentParser
import Foundation
import PFOptimizer
import PineEngine

/// `pfopt run`: one backtest of a strategy, with a summary and its files.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run one backtest of a strategy.",
        discussion: """
            Prints a summary (trades, net profit, profit factor, max drawdown, Sharpe). With --out, \
            writes trades.csv, equity.csv, metrics.json and plots.csv into that folder. Symbol \
            information comes from --symbol, else from a PyneCore TOML beside the data file with \
            the same name, else defaults (tick from the data, point value 1, UTC).
            """)

    @Argument(help: "The Pine Script v6 strategy (.pine).")
    var script: String?

    @Option(help: "Run a strategy library (C ABI version 2, .so) instead of a script; --set names inputs by title.")
    var library: String?

    @Option(help: "The market data: .ohlcv, or .csv/.tsv/.txt/.json (converted and cached).")
    var data: String

    @Option(help: "A PyneCore symbol TOML (mintick, pointvalue, timezone...).")
    var symbol: String?

    @Option(help: "The script timeframe, e.g. 60 or 1D (default: the data's); bars are aggregated.")
    var timeframe: String?

    @Option(name: .customLong("set"), help: "Set an input by variable name or title: NAME=VALUE (repeatable).")
    var sets: [String] = []

    @Option(name: .customLong("override"), help: "Replace a strategy() property: KEY=VALUE, e.g. commission_value=0.1 (repeatable).")
    var overrides: [String] = []

    @Option(help: "Bar magnifier: off, real, uniform, cosine, triangle, endpoints, front_loaded, back_loaded.")
    var magnifier: String = "off"

    @Option(help: "Samples per bar for a synthetic magnifier (at least 2; endpoints needs 4 to match TradingView).")
    var samples: Int = 4

    @Option(help: "Accept orders only from this time (ISO date/time or Unix ms); earlier bars warm up.")
    var tradeFrom: String?

    @Option(help: "Stop the run before this time.")
    var tradeTo: String?

    @Option(help: "Feed no bar before this time (ISO date/time or Unix ms): earlier bars are not fed at all, as on a TradingView chart that starts there.")
    var historyFrom: String?

    @Option(help: "Currency rates when the strategy's currency differs from the symbol's: a file of the pair's bars (e.g. EURUSD_1D.csv).")
    var fx: String?

    @Option(help: "A constant currency rate instead: 1 unit of the strategy's currency in the symbol's (EUR strategy on a USD symbol: 1.08).")
    var fxRate: Double?

    @Option(name: .customLong("symbol-data"), help: "Data for another symbol request.security reads: TICKER=FILE (repeatable).")
    var symbolData: [String] = []

    @Option(help: "Write trades.csv, equity.csv, metrics.json and plots.csv here.")
    var out: String?

    @Flag(help: "Print the metrics as JSON instead of the summary.")
    var json = false

    func run() throws {
        if let library {
            guard script == nil else { throw ValidationError("give a script or --library, not both") }
            return try runLibrary(library)
        }
        guard let script else { throw ValidationError("missing the strategy: give a .pine script or --library") }
        do {
            let single = try SingleRun(
                SingleRun.Request(
                    scriptPath: script, dataPath: data, symbolPath: symbol, timeframe: timeframe, sets: sets,
                    overrides: overrides, magnifier: magnifier, samples: samples, tradeFrom: tradeFrom, tradeTo: tradeTo,
                    fx: fx, fxRate: fxRate, symbolData: symbolData, historyFrom: historyFrom))
            for warning in single.program.warnings { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
            let result = try single.run()
            if let out {
                do {
                    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                    try RunArtifacts.write(result, to: out, tick: single.data.mintick)
                } catch {
                    throw SweepError.io(path: out, reason: "cannot write the run's files: \(FileErrorText.describe(error, path: out + "/trades.csv"))")
                }
            }
            if json {
                print(ReportWriter.metricsJSON(result.report))
            } else {
                print(RunSummary(result: result, title: single.program.declared.title, notes: single.program.runNotes).text)
                if let out { print("wrote \(out)/trades.csv, equity.csv, metrics.json, plots.csv") }
            }
        } catch {
            ErrorOutput.write(ErrorOutput.message(for: error))
            throw ExitCode.failure
        }
    }

    private func runLibrary(_ path: String) throws {
        do {
            let libraryRun = try LibraryRun(
                libraryPath: path, dataPath: data, symbolPath: symbol, timeframe: timeframe, sets: sets,
                overrides: overrides, magnifier: magnifier, samples: samples, tradeFrom: tradeFrom, tradeTo: tradeTo)
            let outcome = try libraryRun.run(writingTo: out)
            let names = MetricCatalog.flatNames
            for name in ["num_trades", "net_profit", "profit_factor", "max_equity_drawdown", "sharpe_monthly"] {
                if let i = names.firstIndex(of: name), i < outcome.metrics.count {
                    print(name.padding(toLength: 20, withPad: " ", startingAt: 0) + String(outcome.metrics[i]))
                }
            }
            if let out { print("wrote \(out)/trades.csv, equity.csv, metrics.json") }
        } catch {
            ErrorOutput.write(ErrorOutput.message(for: error))
            throw ExitCode.failure
        }
    }
}
