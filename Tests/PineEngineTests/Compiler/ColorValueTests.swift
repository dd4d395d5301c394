import PineLanguage
@testable import PineEngine
import Testing

/// Colors carry their red, green, blue and transparency, so `==` and the
/// `color.r/g/b/t` accessors give the manual's answers. The named constants
/// are the reference manual's hex values.
@Suite struct ColorValueTests {
    let runner = ScriptPlots()

    func constant(_ p: [String: [Double]], _ name: String) -> Double? {
        guard let v = p[name], let first = v.first, v.allSatisfy({ $0 == first || ($0.isNaN && first.isNaN) }) else { return nil }
        return first
    }

    @Test func namedColorsAreDistinctAndHaveTheManualsComponents() throws {
        // color.red is #F23645 (242, 54, 69); color.teal is #089981 (8, 153, 129).
        let p = try runner.plots("""
            plot(color.red == color.green ? 1 : 0, "same")
            plot(color.r(color.red), "r")
            plot(color.g(color.red), "g")
            plot(color.b(color.red), "b")
            plot(color.t(color.red), "t")
            plot(color.red == #F23645 ? 1 : 0, "literal")
            plot(color.teal == color.rgb(8, 153, 129) ? 1 : 0, "rgb")
            plot(color.b(color.blue), "blue")
            """)
        #expect(constant(p, "same") == 0)
        #expect(constant(p, "r") == 242)
        #expect(constant(p, "g") == 54)
        #expect(constant(p, "b") == 69)
        #expect(constant(p, "t") == 0)
        #expect(constant(p, "literal") == 1)
        #expect(constant(p, "rgb") == 1)
        #expect(constant(p, "blue") == 0xFF)  // #2962FF
    }

    @Test func transparencyAndSeriesColors() throws {
        // color.new keeps the components and sets the transparency; a series
        // color made per bar compares by value.
        let p = try runner.plots("""
            c = color.new(color.white, 40)
            plot(color.t(c), "t")
            plot(color.r(c), "r")
            plot(c == color.white ? 1 : 0, "differs")
            plot(color.new(c, 0) == color.white ? 1 : 0, "back")
            d = close > 5 ? color.green : color.red
            plot(d == color.green ? 1 : 0, "branch")
            e = color.rgb(close * 20, 0, 0, close)
            plot(color.r(e), "series_r")
            plot(color.t(e), "series_t")
            plot(color.t(#FF000000), "invisible")
            plot(na(color.new(na, 10)) ? 1 : 0, "na")
            plot(color.r(color.rgb(300, -5, 0)), "clamped")
            """)
        #expect(constant(p, "t") == 40)
        #expect(constant(p, "r") == 255)
        #expect(constant(p, "differs") == 0)
        #expect(constant(p, "back") == 1)
        #expect(runner.same(p["branch"], ScriptPlots.closes.map { $0 > 5 ? 1 : 0 }))
        #expect(runner.same(p["series_r"], ScriptPlots.closes.map { min(255, $0 * 20) }))
        #expect(runner.same(p["series_t"], ScriptPlots.closes))
        #expect(constant(p, "invisible") == 100)
        #expect(constant(p, "na") == 1)
        #expect(constant(p, "clamped") == 255)
    }

    @Test func gradientsInterpolateEachComponent() throws {
        // From rgb(0, 0, 0, 0) at 0 to rgb(200, 100, 50, 80) at 10: at close
        // (1 ... 10) each component is bottom + (top - bottom) * close / 10,
        // rounded for red, green and blue; below the range is the bottom color.
        let p = try runner.plots("""
            g = color.from_gradient(close, 0, 10, color.rgb(0, 0, 0, 0), color.rgb(200, 100, 50, 80))
            plot(color.r(g), "r")
            plot(color.g(g), "g")
            plot(color.b(g), "b")
            plot(color.t(g), "t")
            low = color.from_gradient(-5, 0, 10, color.red, color.blue)
            plot(low == color.red ? 1 : 0, "below")
            """)
        let x = ScriptPlots.closes.map { $0 / 10 }
        #expect(runner.same(p["r"], x.map { (200 * $0).rounded() }))
        #expect(runner.same(p["g"], x.map { (100 * $0).rounded() }))
        #expect(runner.same(p["b"], x.map { (50 * $0).rounded() }))
        #expect(runner.same(p["t"], x.map { 80 * $0 }))
        #expect(constant(p, "below") == 1)
    }
}
