import PFData
import PineLanguage
@testable import PineEngine
import Testing

/// `x[n]` on a variable holding a collection or an object is the object the
/// variable held `n` bars ago: the same object (so a `var` collection's past
/// is itself, with today's contents), or `na` before the first bar. Ten bars
/// whose close is 1 ... 10; the expected values are worked out per bar here.
@Suite struct CollectionHistoryTests {
    let runner = ScriptPlots()

    @Test func aNewArrayEachBarKeepsItsOwnContents() throws {
        // A new array per bar holding that bar's close: a[1] is yesterday's
        // array, so it holds yesterday's close; na on the first bar.
        let p = try runner.plots("""
            a = array.from(close)
            prev = a[1]
            plot(na(prev) ? -1 : array.get(prev, 0), "prev")
            plot(na(a[2]) ? -1 : a[2].get(0), "two")
            s = array.new<string>(1, str.tostring(close))
            plot(na(s[1]) ? -1 : str.tonumber(array.get(s[1], 0)), "s")
            """)
        let closes = ScriptPlots.closes
        #expect(runner.same(p["prev"], [-1] + closes.dropLast()))
        #expect(runner.same(p["two"], [-1, -1] + closes.dropLast(2)))
        #expect(runner.same(p["s"], [-1] + closes.dropLast()))
    }

    @Test func aVarArrayIsItsOwnPast() throws {
        // `var`: the same array on every bar, so a[1] shows today's contents
        // (its size today), and is na only on the first bar.
        let p = try runner.plots("""
            var a = array.new<float>()
            a.push(close)
            plot(na(a[1]) ? -1 : array.size(a[1]), "size")
            var int[] ints = array.new_int()
            ints.push(bar_index)
            plot(na(ints[1]) ? -1 : array.sum(ints[1]), "sum")
            """)
        #expect(runner.same(p["size"], [-1] + (2...10).map(Double.init)))
        // Sum of 0 ... n on bar n.
        #expect(runner.same(p["sum"], [-1] + (1...9).map { Double($0 * ($0 + 1) / 2) }))
    }

    @Test func reassignedArraysMapsMatricesAndObjects() throws {
        // `:=` replaces today's value: x[1] is what the variable held at the
        // end of the previous bar.
        let p = try runner.plots("""
            type Box
                float v
            var float[] a = na
            a := array.from(close * 2)
            var m = map.new<string, float>()
            m := map.new<string, float>()
            m.put("c", close)
            var mat = matrix.new<float>(1, 1, 0)
            mat := matrix.new<float>(1, 1, close + 100)
            var Box b = na
            b := Box.new(close)
            plot(na(a[1]) ? -1 : a[1].get(0), "a")
            plot(na(m[1]) ? -1 : m[1].get("c"), "m")
            plot(na(mat[1]) ? -1 : mat[1].get(0, 0), "mat")
            plot(na(b[1]) ? -1 : b[1].v, "b")
            """)
        let closes = ScriptPlots.closes
        #expect(runner.same(p["a"], [-1] + closes.dropLast().map { $0 * 2 }))
        #expect(runner.same(p["m"], [-1] + closes.dropLast()))
        #expect(runner.same(p["mat"], [-1] + closes.dropLast().map { $0 + 100 }))
        #expect(runner.same(p["b"], [-1] + closes.dropLast()))
    }

    @Test func historyInsideFunctionsAndOfFields() throws {
        // A function's array parameter has its own past at each call site;
        // an object field's past is recorded where it is read.
        let p = try runner.plots("""
            type Holder
                float[] items
            before(float[] xs) =>
                na(xs[1]) ? -1 : xs[1].get(0)
            h = Holder.new(array.from(close))
            plot(before(h.items), "f")
            plot(na(h.items) ? 1 : 0, "never")
            """)
        #expect(runner.same(p["f"], [-1] + ScriptPlots.closes.dropLast()))
        #expect(runner.same(p["never"], Array(repeating: 0, count: 10)))
    }

    @Test func naArraysAreNa() throws {
        // na(a) is true while the variable holds na, false once it holds an array.
        let p = try runner.plots("""
            var float[] a = na
            plot(na(a) ? 1 : 0, "before")
            if bar_index >= 4
                a := array.new<float>()
            plot(na(a) ? 1 : 0, "after")
            """)
        #expect(runner.same(p["before"], [1, 1, 1, 1, 1, 0, 0, 0, 0, 0]))
        #expect(runner.same(p["after"], [1, 1, 1, 1, 0, 0, 0, 0, 0, 0]))
    }

    @Test func readingThePastOfAnNaArrayIsALocatedError() {
        let message = runner.failure("""
            a = array.from(close)
            plot(array.size(a[1]), "x")
            """)
        #expect(message?.contains("t.pine:4") == true)
        #expect(message?.contains("was na") == true)
    }
}

/// Runs a small indicator body on ten bars (close 1 ... 10) and returns its plots.
struct ScriptPlots {
    static let bars = ScriptHarness.bars(closes: (1...10).map(Double.init))

    static let closes = (1...10).map(Double.init)

    func plots(_ body: String) throws -> [String: [Double]] {
        try ScriptHarness.plots(ScriptHarness.source(body), bars: Self.bars)
    }

    func same(_ a: [Double]?, _ b: [Double]) -> Bool { ScriptHarness.same(a, b) }

    /// The error a script stops with (compile or run time), as printed.
    func failure(_ body: String) -> String? { ScriptHarness.failure { try plots(body) } }
}
