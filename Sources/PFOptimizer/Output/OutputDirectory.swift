import Foundation
import PineLanguage

/// File operations on a sweep's output directory.
enum OutputDirectory {
    static func create(_ path: String) throws(SweepError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .io(path: path, reason: "cannot create the output directory: \(FileErrorText.describe(error, path: path))")
        }
    }

    /// Removes files pfopt wrote earlier (never anything else).
    static func remove(_ names: [String], in directory: String) {
        for name in names {
            let path = directory + "/" + name
            if FileManager.default.fileExists(atPath: path) { try? FileManager.default.removeItem(atPath: path) }
        }
    }

    static func write(_ text: String, to path: String) throws(SweepError) {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw .io(path: path, reason: FileErrorText.describe(error, path: path))
        }
    }

    /// The config and data fingerprints a journal is tied to: the config
    /// tables that change what runs do (`sections`) plus the script's text;
    /// the data file and symbol file bytes.
    static func fingerprints(_ config: SweepConfig, sections: [String]) -> (config: String, data: String) {
        var c = Fingerprint()
        for key in sections {
            c.add(key)
            c.add(config.document.value(at: [key])?.canonicalText ?? "-")
        }
        c.add(Fingerprint.file(config.strategy.scriptPath))
        // The libraries the script imports are part of what it runs.
        if let source = try? String(contentsOfFile: config.strategy.scriptPath, encoding: .utf8) {
            for file in LibraryLinker.importedFiles(source: source, scriptFile: config.strategy.scriptPath) {
                c.add(Fingerprint.file(file))
            }
        }
        var d = Fingerprint()
        d.add(Fingerprint.file(config.data.file))
        if let symbol = config.data.symbol { d.add(Fingerprint.file(symbol)) }
        return (c.hex, d.hex)
    }
}
