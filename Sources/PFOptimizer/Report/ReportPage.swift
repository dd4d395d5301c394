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
        func read(_ name: String) -> String? {
            try? String(contentsOfFile: directory + "/" + name, encoding: .utf8)
        }
        guard let manifest = read("manifest.json") else { throw .noManifest(directory) }
        let page = html(manifest: manifest, robustness: read("robustness.json"), leaderboard: read("leaderboard.csv"))
        let path = directory + "/" + fileName
        do {
            try page.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw .cannotWrite(path: path, reason: (error as NSError).localizedDescription)
        }
    }
}
