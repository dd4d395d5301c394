import ArgumentParser
import Foundation
import PineEngine
import PineLanguage

/// `pfopt inspect`: a strategy's declared properties and its inputs.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect", abstract: "Show a strategy's declared properties and inputs.",
        discussion: "Parses and checks the script; on a broken or unsupported script prints the diagnostics and exits non-zero.")

    @Argument(help: "The Pine Script v6 strategy (.pine).")
    var strategy: String

    @Flag(help: "Print one JSON object ({\"declaration\": ..., \"inputs\": [...]}) instead of a table.")
    var json = false

    func run() throws {
        let source = try ScriptFile.read(strategy)
        let checked = PineFrontEnd.check(source: source, fileName: strategy)
        if !checked.diagnostics.isEmpty {
            FileHandle.standardError.write(Data((checked.renderedDiagnostics + "\n").utf8))
        }
        if checked.hasErrors { throw ExitCode.failure }
        // What a run refuses before its first bar (the engine's compile
        // errors, the declared strategy properties) is refused here too.
        do {
            let program = try PineProgram.compile(checked)
            _ = try program.strategyProperties(overrides: [:])
        } catch {
            ErrorOutput.write(ErrorOutput.message(for: error))
            throw ExitCode.failure
        }
        for warning in LookaheadCheck.warnings(in: checked.script) + ConsistencyCheck.warnings(in: checked.script) {
            FileHandle.standardError.write(Data((warning.rendered(fileName: strategy, source: source) + "\n").utf8))
        }
        let report = InspectReport(checked)
        print(json ? report.json() : report.table())
    }
}
