@testable import PineEngine
import Testing

/// `map.*` as the reference manual defines it: unique keys, `put` replacing a
/// value in place and returning the old one, `remove` returning the removed
/// value, keys and values in insertion order, 50,000 pairs at most.
@Suite struct PineMapTests {
    @Test func putGetReplaceKeepsInsertionOrder() throws {
        let m = PineMap<Double>()
        #expect(try m.put(.text("b"), 2) == nil)
        #expect(try m.put(.text("a"), 1) == nil)
        #expect(try m.put(.text("c"), 3) == nil)
        // Putting an existing key returns the old value and keeps the key's place.
        #expect(try m.put(.text("b"), 20) == 2)
        #expect(m.keys == [.text("b"), .text("a"), .text("c")])
        #expect(m.values == [20, 1, 3])
        #expect(m.get(.text("a")) == 1)
        #expect(m.get(.text("zz")) == nil)
        #expect(m.count == 3)
    }

    @Test func removeKeepsTheOrderOfTheRest() throws {
        let m = PineMap<String>()
        for (i, k) in [5.0, 1, 4, 2].enumerated() { try m.put(.of(k), "v\(i)") }
        #expect(m.remove(.of(1)) == "v1")
        #expect(m.remove(.of(1)) == nil)
        #expect(m.keys == [.of(5), .of(4), .of(2)])
        #expect(m.get(.of(2)) == "v3")
        try m.put(.of(1), "again")
        #expect(m.keys.last == .of(1))
        #expect(m.contains(.of(4)))
        #expect(!m.contains(.of(3)))
    }

    @Test func naKeysAreOneKeyAndZeroHasOneSign() throws {
        let m = PineMap<Double>()
        try m.put(.of(.nan), 1)
        try m.put(.of(Double(sign: .minus, exponent: 0, significand: .nan)), 2)
        try m.put(.of(0), 3)
        try m.put(.of(-0.0), 4)
        #expect(m.count == 2)
        #expect(m.get(.of(.nan)) == 2)
        #expect(m.get(.of(0)) == 4)
    }

    @Test func copyIsShallowAndIndependent() throws {
        let m = PineMap<Double>()
        try m.put(.text("x"), 1)
        let c = m.copy()
        try c.put(.text("y"), 2)
        try m.put(.text("x"), 10)
        #expect(m.count == 1)
        #expect(c.count == 2)
        #expect(c.get(.text("x")) == 1)
    }

    @Test func putAllAppendsNewKeysAndReplacesExisting() throws {
        let a = PineMap<Double>()
        let b = PineMap<Double>()
        try a.put(.text("k1"), 1)
        try a.put(.text("k2"), 2)
        try b.put(.text("k2"), 20)
        try b.put(.text("k3"), 30)
        try a.putAll(b)
        #expect(a.keys == [.text("k1"), .text("k2"), .text("k3")])
        #expect(a.values == [1, 20, 30])
    }

    @Test func clearEmptiesAndTheMapIsReusable() throws {
        let m = PineMap<Double>()
        for k in 0..<10 { try m.put(.of(Double(k)), Double(k)) }
        m.clear()
        #expect(m.count == 0)
        #expect(m.get(.of(3)) == nil)
        try m.put(.of(3), 7)
        #expect(m.keys == [.of(3)])
    }

    @Test func fiftyThousandPairsAtMost() throws {
        let m = PineMap<Double>()
        for k in 0..<50_000 { try m.put(.of(Double(k)), 0) }
        #expect(throws: CollectionError.self) { try m.put(.of(-1), 0) }
        // Replacing a value of a full map is fine.
        #expect(try m.put(.of(7), 1) == 0)
    }
}
