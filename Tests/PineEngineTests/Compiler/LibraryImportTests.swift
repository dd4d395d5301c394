import Foundation
import PFData
import PFTestSupport
import PineLanguage
@testable import PineEngine
import Testing

/// `import user/name/version as alias`: a library saved beside the script
/// (libraries/user/name/version.pine) is linked in and runs like the
/// script's own code. Expected values are worked out per bar from the
/// library's definitions.
@Suite struct LibraryImportTests {
    /// Ten bars: open = close - 0.25, high = close + 0.5, low = close - 0.5, close 1 ... 10.
    static let bars: BarStore = {
        let c = (1...10).map(Double.init)
        return BarStore(
            time: (0..<10).map { Int64($0) * 60_000 }, open: c.map { $0 - 0.25 }, high: c.map { $0 + 0.5 },
            low: c.map { $0 - 0.5 }, close: c, volume: Array(repeating: 100, count: 10))
    }()

    static let library = """
        //@version=6
        // Helpers for the tests of library linking.
        library("testlib", overlay = true)

        half(float x, float k) => x * k / 2

        export mid(float h, float l, float k = 1.0) => half(h + l, k)

        export type Box
            float top
            float bottom

        export method height(Box this) => this.top - this.bottom

        export enum Side
            up = "Up"
            down = "Down"

        export sideOf(float a, float b) => a >= b ? Side.up : Side.down

        export avg(float x, int n) => ta.sma(x, n)

        export counter() =>
            var int n = 0
            n += 1
            n

        plot(close)
        """

    func folder(_ script: String, library: String? = LibraryImportTests.library) throws -> (ScratchFolder, String) {
        let folder = try ScratchFolder(label: "pfopt-library")
        if let library { try folder.write("libraries/tester/testlib/1.pine", library) }
        let path = try folder.write("main.pine", script)
        return (folder, path)
    }

    func plots(_ body: String) throws -> [String: [Double]] {
        let (folder, path) = try folder("//@version=6\nindicator(\"t\")\nimport tester/testlib/1 as lib\n" + body)
        defer { folder.remove() }
        let program = try PineProgram.compile(source: try String(contentsOfFile: path, encoding: .utf8), fileName: path)
        let data = try PreparedData(store: Self.bars, sourceTimeframe: Timeframe("1"))
        let result = try ScriptRunner(program: program, data: data).run(RunOptions(), recordPlots: true)
        return result.plotSeries
    }

    func same(_ a: [Double]?, _ b: [Double]) -> Bool { ScriptHarness.same(a, b) }

    @Test func exportedFunctionsTypesMethodsAndEnumsRun() throws {
        let p = try plots("""
            b = lib.Box.new(high, low)
            plot(lib.mid(high, low), "mid")
            plot(lib.mid(high, low, 2), "mid2")
            plot(b.height(), "height")
            plot(lib.sideOf(close, open) == lib.Side.up ? 1 : 0, "up")
            """)
        let c = (1...10).map(Double.init)
        #expect(same(p["mid"], c))  // (c + 0.5 + c - 0.5) / 2
        #expect(same(p["mid2"], c.map { 2 * $0 }))
        #expect(same(p["height"], Array(repeating: 1, count: 10)))
        #expect(same(p["up"], Array(repeating: 1, count: 10)))  // close > open on every bar
    }

    @Test func eachCallSiteOfALibraryFunctionKeepsItsOwnState() throws {
        let p = try plots("""
            plot(lib.avg(close, 2), "a2")
            plot(lib.avg(open, 3), "a3")
            plot(lib.counter(), "n1")
            plot(lib.counter() * 10, "n2")
            """)
        let c = (1...10).map(Double.init)
        let a2 = c.indices.map { i in i < 1 ? Double.nan : (c[i] + c[i - 1]) / 2 }
        let a3 = c.indices.map { i in i < 2 ? Double.nan : (c[i] + c[i - 1] + c[i - 2]) / 3 - 0.25 }
        #expect(same(p["a2"], a2))
        #expect(same(p["a3"], a3))
        #expect(same(p["n1"], c))
        #expect(same(p["n2"], c.map { $0 * 10 }))
    }

    @Test func theScriptsOwnNamesDoNotClashWithTheLibrarys() throws {
        // `half` and `mid` in the script are the script's; the library's are its own.
        let p = try plots("""
            half(x) => x + 1000
            mid = 7.0
            plot(lib.mid(high, low) + mid, "v")
            plot(half(1), "s")
            """)
        #expect(same(p["v"], (1...10).map { Double($0) + 7 }))
        #expect(same(p["s"], Array(repeating: 1001, count: 10)))
    }

    func errors(_ script: String, library: String? = LibraryImportTests.library) throws -> String {
        let (folder, path) = try folder(script, library: library)
        defer { folder.remove() }
        let checked = PineFrontEnd.check(source: try String(contentsOfFile: path, encoding: .utf8), fileName: path)
        return checked.renderedDiagnostics
    }

    @Test func aMissingLibrarySaysWhereToSaveItsSource() throws {
        let out = try errors("//@version=6\nindicator(\"t\")\nimport tester/other/3 as o\nplot(o.f(close))\n")
        #expect(out.contains("main.pine:3:1: error: import tester/other/3: pfopt needs the library's source"))
        #expect(out.contains("libraries/tester/other/3.pine"))
        #expect(out.components(separatedBy: "error:").count == 2)  // one error, no follow-on errors
    }

    @Test func aNameTheLibraryDoesNotExportIsRefused() throws {
        let out = try errors("//@version=6\nindicator(\"t\")\nimport tester/testlib/1 as lib\nplot(lib.half(close, 2))\n")
        #expect(out.contains("main.pine:4:6: error: 'half' is not exported by the library tester/testlib/1"))
    }

    @Test func anErrorInsideTheLibraryIsShownInTheLibrarysFile() throws {
        let broken = Self.library.replacingOccurrences(of: "ta.sma(x, n)", with: "ta.nosuch(x, n)")
        let out = try errors("//@version=6\nindicator(\"t\")\nimport tester/testlib/1 as lib\nplot(lib.avg(close, 2))\n", library: broken)
        let line = broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("ta.nosuch") }.map { $0 + 1 }
        #expect(line != nil)
        #expect(out.contains("libraries/tester/testlib/1.pine:\(line ?? 0):"))
        #expect(out.contains("ta.nosuch"))
    }

    @Test func aFileThatIsNotALibraryIsRefused() throws {
        let out = try errors(
            "//@version=6\nindicator(\"t\")\nimport tester/testlib/1 as lib\nplot(lib.f(close))\n",
            library: "//@version=6\nindicator(\"x\")\nf(x) => x\n")
        #expect(out.contains("is not a library: it has indicator()"))
    }
}
