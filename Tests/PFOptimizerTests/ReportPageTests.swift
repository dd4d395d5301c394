import Foundation
import PineEngine
import Testing

@testable import PFOptimizer

@Suite struct ReportPageTests {
    static func largeConfig(dir: String) -> String {
        Configs.plainGrid(
            params: """
                fast = { from = 1, to = 100, step = 1 }
                slow = { from = 1, to = 100, step = 1 }
                mult = { from = 0.5, to = 5.0, step = 0.5 }
                """, dir: dir, top: 50)
    }

    /// A 100,000-run sweep: the page stays under 5 MB, embeds no address to
    /// fetch, and its heatmap data has one cell per pair of levels. Set
    /// PFOPT_LARGE_REPORT_DIR to keep the folder (the browser test loads it).
    @Test func aHundredThousandRunSweepGivesASmallSelfContainedPage() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        let dir = ProcessInfo.processInfo.environment["PFOPT_LARGE_REPORT_DIR"] ?? (tmp.path + "/large")
        let config = try SweepConfig.load(path: tmp.config(Self.largeConfig(dir: dir)), overrides: [])
        let sweep = try Sweep(config: config, evaluator: FakeEvaluator())
        let settings = RobustnessSettings(blocks: 8, sampleCapacity: 500)
        let summary = try sweep.run(SweepOptions(jobs: 2, fresh: true, robustness: settings))
        #expect(summary.ran == 100_000)
        let page = try String(contentsOfFile: dir + "/report.html", encoding: .utf8)
        #expect(page.utf8.count < 5_000_000)
        #expect(!page.contains("https://") && !page.contains("src="))
        let robustness = try String(contentsOfFile: dir + "/robustness.json", encoding: .utf8)
        // fast and slow are binned to 40 levels, mult has 10 values.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(robustness.utf8)) as? [String: Any])
        let heat = try #require(object["heatmaps"] as? [String: Any])
        let maps = try #require(heat["maps"] as? [[String: Any]])
        #expect(maps.count == 3)
        let sizes = maps.compactMap { ($0["best"] as? [Any])?.count }
        #expect(sizes == [40 * 40, 40 * 10, 40 * 10])
        let pbo = try #require(object["pbo"] as? [String: Any])
        let runs = try #require(pbo["runs"] as? Int)
        // About 500 of 100,000 runs keep their returns.
        #expect(runs > 400 && runs < 600)
    }

    @Test func pageEmbedsTheFilesAndEscapesScriptEnds() {
        let page = ReportPage.html(
            manifest: "{\"command\":\"sweep\",\"notes\":[\"a </script> b\"]}", robustness: nil,
            leaderboard: "rank,run\n1,\"a\"\"b\"\n")
        #expect(page.contains("\"leaderboard\":\"rank,run\\n1,\\\"a\\\"\\\"b\\\"\\n\""))
        #expect(page.contains("a <\\/script> b"))
        #expect(page.components(separatedBy: "</script>").count == 3)
    }

    @Test func reportOfAFolderWithoutManifestIsAnError() {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        #expect(throws: ReportError.noManifest(tmp.path)) { try ReportPage.write(directory: tmp.path) }
        #expect(throws: ReportError.notAFolder(tmp.path + "/missing")) {
            try ReportPage.write(directory: tmp.path + "/missing")
        }
    }

    /// Bytes that are not UTF-8 (0xFF never appears in UTF-8).
    static let notUTF8 = Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D])

    /// True when a file with no permissions cannot be opened here (not so
    /// for root, which reads it anyway).
    static func permissionsAreEnforced() -> Bool {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        let path = tmp.write("probe", "x")
        guard chmod(path, 0) == 0 else { return false }
        return FileManager.default.contents(atPath: path) == nil
    }

    @Test func missingSectionFilesLeaveTheirSectionsOut() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        tmp.write("manifest.json", "{\"command\":\"sweep\"}")
        try ReportPage.write(directory: tmp.path)
        let page = tmp.read(ReportPage.fileName)
        #expect(page.contains("\"robustness\":null"))
        #expect(page.contains("\"leaderboard\":null"))
    }

    /// A file that is there but is not UTF-8 text stops the report with an
    /// error naming it, instead of silently dropping its section.
    @Test(arguments: ["manifest.json", "robustness.json", "leaderboard.csv"])
    func aFileThatIsNotTextIsAnErrorNamingIt(name: String) throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        tmp.write("manifest.json", "{\"command\":\"sweep\"}")
        tmp.write("robustness.json", "{}")
        tmp.write("leaderboard.csv", "rank,run\n")
        let path = tmp.path + "/" + name
        try Self.notUTF8.write(to: URL(fileURLWithPath: path))
        let expected = ReportError.cannotRead(path: path, reason: "it is not valid UTF-8 text")
        #expect(throws: expected) { try ReportPage.write(directory: tmp.path) }
        #expect(expected.description == "cannot read \(path): it is not valid UTF-8 text")
        #expect(!FileManager.default.fileExists(atPath: tmp.path + "/" + ReportPage.fileName))
    }

    @Test func aFolderWhereASectionFileBelongsIsAnError() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        tmp.write("manifest.json", "{\"command\":\"sweep\"}")
        try FileManager.default.createDirectory(atPath: tmp.path + "/robustness.json", withIntermediateDirectories: false)
        #expect(throws: ReportError.cannotRead(path: tmp.path + "/robustness.json", reason: "it is a folder, not a file")) {
            try ReportPage.write(directory: tmp.path)
        }
    }

    /// A section file without read permission: an error naming the file and
    /// the reason on one line. Skipped where permissions are not enforced.
    @Test(.enabled(if: permissionsAreEnforced(), "file permissions are not enforced for this user"))
    func anUnreadableSectionFileIsAnErrorNamingIt() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        tmp.write("manifest.json", "{\"command\":\"sweep\"}")
        let path = tmp.write("leaderboard.csv", "rank,run\n")
        #expect(chmod(path, 0) == 0)
        defer { _ = chmod(path, 0o644) }
        do throws(ReportError) {
            try ReportPage.write(directory: tmp.path)
            Issue.record("an unreadable leaderboard.csv was left out of the report silently")
        } catch {
            guard case .cannotRead(let named, let reason) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(named == path)
            #expect(reason == String(cString: strerror(EACCES)))
            #expect(!error.description.contains("\n"))
        }
    }
}
