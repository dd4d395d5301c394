import ArgumentParser
import Foundation
import PFOptimizer
import PineEngine

/// `pfopt export`: a strategy as a shared library speaking the strategy ABI (version 2).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export a strategy as a shared library (C ABI version 2).",
        discussion: """
            Writes a .so exporting pf_abi_version, strategy_create, run_backtest_full and the rest of \
            the interface in pfopt_abi.h (written beside it), with the script embedded: \
            strategy_create("{}") runs it. Inputs are set by title with strategy_set_input. The \
            library is a copy of libpfopt_abi.so from pfopt's build folder and loads without a \
            Swift toolchain.
            """)

    @Argument(help: "The Pine Script v6 strategy (.pine).")
    var script: String

    @Option(name: .shortAndLong, help: "The library to write (NAME.so).")
    var output: String

    @Option(name: .customLong("set"), help: "Fix an input in the library by variable name or title: NAME=VALUE (repeatable).")
    var sets: [String] = []

    @Option(help: "The base library to copy (default: libpfopt_abi.so beside pfopt).")
    var baseLibrary: String?

    func run() throws {
        do {
            let exporter = LibraryExporter(
                scriptPath: script, outputPath: output, sets: sets,
                baseLibraryPath: baseLibrary ?? LibraryExporter.baseLibraryBesideExecutable())
            try exporter.export()
            print("wrote \(output) (ABI version 2) and \(exporter.headerPath)")
        } catch {
            ErrorOutput.write(ErrorOutput.message(for: error))
            throw ExitCode.failure
        }
    }
}
