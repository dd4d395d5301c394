import PFData
@testable import PineEngine
import Testing

/// The `array.*` statistics and searches and `str.format` patterns run from Pine
/// source; expected values are worked out by the manual's definitions.
@Suite struct ArrayFunctionTests {
    func last(_ body: String) throws -> [String: Double] {
        let c: [Double] = [1, 2, 3]
        let bars = BarStore(time: [0, 60_000, 120_000], open: c, high: c, low: c, close: c, volume: c)
        return try ScriptHarness.run(ScriptHarness.source(body), bars: bars).lastPlotValues
    }

    /// Pine defines the sums, averages and statistics of arrays only on
    /// numbers: an array of bools or strings is refused where it is passed.
    @Test func numericFunctionsRefuseOtherArrays() throws {
        let calls = [
            "array.sum(b)", "array.avg(b)", "array.median(b)", "array.range(b)", "array.max(b)", "array.min(s)",
            "array.stdev(b)", "array.variance(s)", "array.mode(b)", "array.percentrank(b, 0)",
            "array.percentile_nearest_rank(b, 50)", "array.binary_search(b, 1)", "array.covariance(b, b)",
        ]
        for call in calls {
            let body = "b = array.from(true, false, true)\ns = array.from(\"x\", \"y\")\nx = \(call)\nplot(0)"
            let message = #expect(throws: PineCompileFailure.self, "\(call)") { _ = try last(body) }
            #expect(message.map { "\($0)" }?.contains("takes an array of int or float") == true, "\(call)")
        }
        // The same calls on numbers run: the sum of 5, 1, 4 is 10.
        #expect(try last("a = array.from(5, 1, 4)\nplot(array.sum(a), \"sum\")")["sum"] == 10)
    }

    /// Arrays of strings: first/last read the ends, insert and remove move
    /// the later elements, fill sets a range. From "a", "b", "c":
    /// insert(1, "x") -> a x b c; remove(2) gives "b" -> a x c;
    /// fill("z", 1, 2) -> a z c; first "a", last "c", size 3.
    @Test func stringArraysInsertRemoveFillAndReadTheirEnds() throws {
        let p = try last("""
            s = array.from("a", "b", "c")
            s.insert(1, "x")
            removed = s.remove(2)
            s.fill("z", 1, 2)
            plot(removed == "b" ? 1 : 0, "removed")
            plot(s.first() == "a" ? 1 : 0, "first")
            plot(array.last(s) == "c" ? 1 : 0, "last")
            plot(s.get(1) == "z" ? 1 : 0, "filled")
            plot(s.size(), "size")
            """)
        #expect(p["removed"] == 1)
        #expect(p["first"] == 1)
        #expect(p["last"] == 1)
        #expect(p["filled"] == 1)
        #expect(p["size"] == 3)
    }

    @Test func statisticsSearchesAndTransforms() throws {
        let p = try last("""
            a = array.from(5.0, 1.0, 4.0, 4.0, 2.0)
            s = array.copy(a)
            array.sort(s)
            plot(array.max(a, 1), "max1")
            plot(array.min(a, 1), "min1")
            plot(array.mode(a), "mode")
            plot(array.variance(a), "var")
            plot(array.stdev(a, false), "sd")
            plot(array.percentile_nearest_rank(a, 50), "pnr")
            plot(array.percentile_linear_interpolation(a, 25), "pli")
            plot(array.percentrank(a, 0), "prank")
            plot(array.binary_search(s, 4), "bs")
            plot(array.binary_search_leftmost(s, 3), "bsl")
            plot(array.binary_search_rightmost(s, 3), "bsr")
            plot(array.join(array.from(1, 2, 3), "-") == "1-2-3" ? 1 : 0, "join")
            plot(array.get(array.sort_indices(a), 0), "si")
            plot(array.size(array.concat(array.from(1.0), array.from(2.0, 3.0))), "concat")
            plot(array.covariance(array.from(1.0, 2.0, 3.0), array.from(1.0, 2.0, 5.0)), "cov")
            plot(array.get(array.abs(array.from(-2.0, 3.0)), 0), "abs")
            plot(array.every(array.from(true, true)) and not array.some(array.from(false)) ? 1 : 0, "every")
            plot(str.length(str.format("{0,number,#.##}|{1}", 3.14159, "x")), "fmt")
            """)
        // Sorted: 1 2 4 4 5; mean 3.2; squared deviations 3.24 + 4.84 + 0.64 + 0.64 + 1.44 = 10.8.
        #expect(p["max1"] == 4)
        #expect(p["min1"] == 2)
        #expect(p["mode"] == 4)
        #expect(abs((p["var"] ?? 0) - 10.8 / 5) < 1e-12)
        #expect(abs((p["sd"] ?? 0) - (10.8 / 4).squareRoot()) < 1e-12)
        #expect(p["pnr"] == 4)  // rank ⌈0.5 · 5⌉ = 3
        #expect(p["pli"] == 2)  // position 0.25 · 4 = 1
        #expect(p["prank"] == 100)  // all four others are ≤ 5
        #expect(p["bs"] == 2)
        #expect(p["bsl"] == 1)
        #expect(p["bsr"] == 2)
        #expect(p["join"] == 1)
        #expect(p["si"] == 1)
        #expect(p["concat"] == 3)
        #expect(abs((p["cov"] ?? 0) - 4.0 / 3) < 1e-12)
        #expect(p["abs"] == 2)
        #expect(p["every"] == 1)
        #expect(p["fmt"] == 6)  // "3.14|x"
    }
}
