import Foundation

/// `report.html`: one self-contained page built from a results folder's
/// `manifest.json`, `robustness.json` and `leaderboard.csv`. The files are
/// embedded as they are; a small script of the page's own draws them as
/// inline SVG. Nothing is fetched from anywhere, so the page works offline.
public enum ReportPage {
    /// The page's file name in a results folder.
    public static let fileName = "report.html"

    /// The page for the given file contents (nil: the file is absent).
    public static func html(manifest: String, robustness: String?, leaderboard: String?) -> String {
        var data = "{\"manifest\":" + manifest.trimmingCharacters(in: .whitespacesAndNewlines)
        data += ",\"robustness\":" + (robustness?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "null")
        data += ",\"leaderboard\":" + (leaderboard.map { QuotedJSON.string($0) } ?? "null") + "}"
        // "</" cannot end the script element when written "<\/" (the same JSON string).
        data = data.replacingOccurrences(of: "</", with: "<\\/")
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>pfopt report</title>
            <style>\(ReportScript.style)</style>
            </head><body>
            <header><h1>pfopt report</h1></header>
            <main id="main"></main>
            <script type="application/json" id="pfopt-data">\(data)</script>
            <script>\(ReportScript.code)</script>
            </body></html>

            """
    }

    /// Builds `report.html` in `directory` from the files there.
    public static func write(directory: String) throws(ReportError) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notAFolder(directory)
        }
        guard let manifest = try readIfPresent("manifest.json", in: directory) else { throw .noManifest(directory) }
        let page = html(
            manifest: manifest, robustness: try readIfPresent("robustness.json", in: directory),
            leaderboard: try readIfPresent("leaderboard.csv", in: directory))
        let path = directory + "/" + fileName
        do {
            try page.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw .cannotWrite(path: path, reason: (error as NSError).localizedDescription)
        }
    }

    /// The text of `name` in `directory`, or nil when there is no such file.
    /// A file that is there but cannot be read as UTF-8 text is an error:
    /// leaving its section out of the page would hide it.
    static func readIfPresent(_ name: String, in directory: String) throws(ReportError) -> String? {
        let path = directory + "/" + name
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { throw .cannotRead(path: path, reason: "it is a folder, not a file") }
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            // Tell an unreadable file from one that is not UTF-8 text.
            do {
                _ = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw .cannotRead(path: path, reason: oneLine(error))
            }
            throw .cannotRead(path: path, reason: "it is not valid UTF-8 text")
        }
    }

    /// Why a read failed, on one line: the system's reason ("Permission
    /// denied") when the error carries one, else the error's description.
    private static func oneLine(_ error: any Error) -> String {
        let error = error as NSError
        if let posix = error.userInfo[NSUnderlyingErrorKey] as? POSIXError {
            return String(cString: strerror(posix.code.rawValue))
        }
        return error.localizedDescription.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
