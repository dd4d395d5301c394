@testable import PineEngine
import Testing

/// `na(x)` of an array, a map, a matrix or an object is true exactly when
/// the reference is `na`, whatever expression gives it: a variable, a
/// ternary, a function result, a field, an element of an array of objects.
/// An `na` array can be passed around (assigned, returned, stored in a
/// field) like any reference; only an operation on it is a runtime error.
/// Ten bars whose close is 1 ... 10 (`bar_index` 0 ... 9); each expected
/// series is worked out per bar from the script's own conditions.
@Suite struct NaReferenceTests {
    let run = UserTypeRuntimeTests()
    static let bars = 0..<10

    func flags(_ isNa: (Int) -> Bool) -> [Double] { Self.bars.map { isNa($0) ? 1 : 0 } }

    @Test func naOfArraysFromAnyExpression() throws {
        let p = try run.plots("""
            type Q
                array<float> a
            var array<float> none = na
            var array<string> words = str.split("a,b", ",")
            array<float> t = bar_index % 2 == 0 ? none : array.new<float>()
            plot(na(t) ? 1 : 0, "ternary")
            plot(na(bar_index % 3 == 0 ? na : array.from(1.0)) ? 1 : 0, "ternaryLiteral")
            f() => bar_index % 3 == 0 ? none : array.new<float>(1)
            plot(na(f()) ? 1 : 0, "function")
            g() => none
            plot(na(g()) ? 1 : 0, "functionVariable")
            w() => bar_index % 4 == 1 ? words : na
            plot(na(w()) ? 1 : 0, "strings")
            var objects = array.new<Q>()
            if bar_index == 0
                objects.push(Q.new(na))
                objects.push(Q.new(array.new<float>()))
            plot(na(objects.get(bar_index % 2).a) ? 1 : 0, "elementField")
            q = Q.new(bar_index < 5 ? na : array.from(2.0))
            plot(na(q.a) ? 1 : 0, "field")
            plot(na(q.a) ? -1 : array.get(q.a, 0), "fieldValue")
            """)
        #expect(p["ternary"] == flags { $0 % 2 == 0 })
        #expect(p["ternaryLiteral"] == flags { $0 % 3 == 0 })
        #expect(p["function"] == flags { $0 % 3 == 0 })
        #expect(p["functionVariable"] == flags { _ in true })
        #expect(p["strings"] == flags { $0 % 4 != 1 })
        #expect(p["elementField"] == flags { $0 % 2 == 0 })
        #expect(p["field"] == flags { $0 < 5 })
        #expect(p["fieldValue"] == Self.bars.map { $0 < 5 ? -1 : 2 })
    }

    @Test func naOfMapsMatricesAndObjectsFromAnyExpression() throws {
        let p = try run.plots("""
            type P
                float x
            type Holder
                P p
                map<string, float> m
            var m = map.new<string, float>()
            P p = bar_index % 2 == 0 ? na : P.new(1)
            plot(na(p) ? 1 : 0, "object")
            plot(na(bar_index % 3 == 0 ? na : matrix.new<float>(2, 2)) ? 1 : 0, "matrix")
            h = bar_index % 2 == 1 ? Holder.new(na, na) : Holder.new(P.new(1), m)
            plot(na(h.p) ? 1 : 0, "fieldObject")
            plot(na(h.m) ? 1 : 0, "fieldMap")
            fp() => bar_index < 4 ? na : P.new(3)
            plot(na(fp()) ? 1 : 0, "function")
            var ps = array.new<P>()
            if bar_index == 0
                ps.push(na)
                ps.push(P.new(2))
            plot(na(ps.get(bar_index % 2)) ? 1 : 0, "element")
            """)
        #expect(p["object"] == flags { $0 % 2 == 0 })
        #expect(p["matrix"] == flags { $0 % 3 == 0 })
        #expect(p["fieldObject"] == flags { $0 % 2 == 1 })
        #expect(p["fieldMap"] == flags { $0 % 2 == 1 })
        #expect(p["function"] == flags { $0 < 4 })
        #expect(p["element"] == flags { $0 % 2 == 0 })
    }

    @Test func anOperationOnANaArrayIsALocatedRuntimeError() {
        let size = run.failure("""
            var array<float> none = na
            a = bar_index < 3 ? array.from(1.0) : none
            plot(array.size(a))
            """)
        #expect(size?.contains("t.pine:5:17") == true, "\(size ?? "")")
        #expect(size?.contains("the array is na") == true)
        #expect(size?.contains("bar 3") == true)
        let loop = run.failure("""
            f() => bar_index < 2 ? array.from(1.0) : na
            s = 0.0
            for x in f()
                s += x
            plot(s)
            """)
        #expect(loop?.contains("t.pine:5:10") == true, "\(loop ?? "")")
        #expect(loop?.contains("the array is na") == true)
        #expect(loop?.contains("bar 2") == true)
    }
}
