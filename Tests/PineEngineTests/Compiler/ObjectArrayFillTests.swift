import PineLanguage
@testable import PineEngine
import Testing

/// `array.fill(id, value, index_from, index_to)` on an array of objects: the
/// same object (a reference, not a copy) in every slot of the range, which
/// defaults to the whole array and is clamped to it.
@Suite struct ObjectArrayFillTests {
    let runner = ScriptPlots()

    @Test func fillPutsTheSameObjectInTheRange() throws {
        let p = try runner.plots("""
            type Box
                float v = 0
            a = array.new<Box>(4)
            a.fill(Box.new(1))
            b = Box.new(5)
            array.fill(a, b, 1, 3)
            b.v := close
            float total = 0
            for x in a
                total += x.v
            plot(total, "total")
            a.fill(na, 3, 10)
            plot(na(a.get(3)) ? 1 : 0, "clamped")
            """)
        // Slots 0 and 3 hold Box(1), slots 1 and 2 the object b, whose v is
        // then set to the close: 1 + close + close + 1. Then slot 3 alone is
        // emptied (the range 3..<10 clamped to 3..<4).
        #expect(runner.same(p["total"], ScriptPlots.closes.map { 2 + 2 * $0 }))
        #expect(runner.same(p["clamped"], Array(repeating: 1, count: 10)))
    }
}
