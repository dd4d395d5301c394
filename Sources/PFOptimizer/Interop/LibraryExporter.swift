import CPFABI
import Foundation
import PineEngine
import PineLanguage

/// `pfopt export`: a copy of pfopt's strategy library (`libpfopt_abi.so`)
/// carrying one script and its fixed inputs, with `pfopt_abi.h` beside it.
public struct LibraryExporter: Sendable {
    /// The base library's file name in pfopt's build folder.
    public static let baseLibraryName = "libpfopt_abi.so"

    public var scriptPath: String
    public var outputPath: String
    /// `NAME=VALUE` fixed inputs (variable name or title).
    public var sets: [String]
    /// The base library to copy.
    public var baseLibraryPath: String

    public init(scriptPath: String, outputPath: String, sets: [String], baseLibraryPath: String) {
        self.scriptPath = scriptPath
        self.outputPath = outputPath
        self.sets = sets
        self.baseLibraryPath = baseLibraryPath
    }

    /// The base library beside the running pfopt executable.
    public static func baseLibraryBesideExecutable() -> String {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first ?? "pfopt"
        return URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent(baseLibraryName).path
    }

    /// The bytes of `pfopt_abi.h`, the header pfopt is built with (embedded in the build).
    public static var headerText: Data {
        guard let text = pfopt_abi_header_text() else { return Data() }
        return Data(bytes: text, count: strlen(text))
    }

    /// The header's path: `pfopt_abi.h` in the library's folder.
    public var headerPath: String {
        URL(fileURLWithPath: outputPath).deletingLastPathComponent().appendingPathComponent("pfopt_abi.h").path
    }

    /// Compiles the script (so errors show now, with their line), validates
    /// the inputs, and writes the library and the header. Returns the payload.
    @discardableResult
    public func export() throws -> ExportPayload {
        let source: String
        do {
            source = try String(contentsOfFile: scriptPath, encoding: .utf8)
        } catch {
            throw ExportError.unreadable(scriptPath)
        }
        let program = try PineProgram.compile(source: source, fileName: scriptPath)
        if let first = LibraryLinker.imports(in: PineParser.parse(source: source, fileName: scriptPath).script).first {
            throw ExportError.importsLibraries(scriptPath, path: first.path)
        }
        guard program.isStrategy else { throw ExportError.notAStrategy(scriptPath) }
        var inputs: [String: String] = [:]
        for item in sets {
            let (key, text) = try RunSetup.assignment(item, flag: "--set")
            let (spec, _) = try RunSetup.input(key, .text(text), of: program)
            inputs[spec.name] = text
        }
        guard FileManager.default.fileExists(atPath: baseLibraryPath),
            let base = FileManager.default.contents(atPath: baseLibraryPath)
        else {
            throw ExportError.baseLibraryMissing(baseLibraryPath)
        }
        let payload = ExportPayload(
            fileName: URL(fileURLWithPath: scriptPath).lastPathComponent, source: source, inputs: inputs)
        var bytes = base
        bytes.append(contentsOf: try payload.trailer())
        try write(bytes, to: outputPath, executable: true)
        try write(Self.headerText, to: headerPath, executable: false)
        return payload
    }

    private func write(_ data: Data, to path: String, executable: Bool) throws {
        // Write beside the target and rename, so a library a process has
        // loaded is replaced, not overwritten under it.
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(
            atPath: temporary, contents: data, attributes: [.posixPermissions: executable ? 0o755 : 0o644])
        else {
            throw ExportError.write(path: path, reason: "cannot create the file")
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw ExportError.write(path: path, reason: reason)
        }
    }
}
