import PFData
import PineLanguage
@testable import PineEngine
import Testing

/// User-defined types, methods, enums, maps and matrices run end to end
/// (Pine source through the engine) on ten bars whose close is 1 ... 10.
/// Expected values follow the manual's rules, worked out per bar in the test.
@Suite struct UserTypeRuntimeTests {
    static let bars = ScriptHarness.bars(closes: (1...10).map(Double.init))

    static let closes = (1...10).map(Double.init)

    func plots(_ body: String, inputs: [String: InputValue] = [:]) throws -> [String: [Double]] {
        try ScriptHarness.plots(ScriptHarness.source(body), bars: Self.bars, options: RunOptions(inputs: inputs))
    }

    func same(_ a: [Double]?, _ b: [Double]) -> Bool { ScriptHarness.same(a, b) }

    /// The error a script stops with (compile or run time), as printed.
    func failure(_ body: String) -> String? { ScriptHarness.failure { try plots(body) } }

    @Test func assignmentSharesTheObjectAndCopyDoesNot() throws {
        let p = try plots("""
            type P
                float x = 1.0
                int n
            a = P.new()
            b = a
            b.x := close
            c = a.copy()
            c.x := 100
            d = P.copy(a)
            d.x += 1
            plot(a.x, "ax")
            plot(c.x, "cx")
            plot(d.x, "dx")
            plot(na(a.n) ? 1 : 0, "nan")
            """)
        #expect(same(p["ax"], Self.closes))
        #expect(same(p["cx"], Array(repeating: 100, count: 10)))
        #expect(same(p["dx"], Self.closes.map { $0 + 1 }))
        #expect(same(p["nan"], Array(repeating: 1, count: 10)))
    }

    @Test func varObjectsPersistAndHistoryIsTheSameObject() throws {
        let p = try plots("""
            type Counter
                int count = 0
            var Counter k = Counter.new()
            k.count += 1
            prev = k[1]
            plot(k.count, "k")
            plot(na(prev) ? -1 : prev.count, "prev")
            q = Counter.new(int(close))
            old = q[1]
            plot(na(old) ? -1 : old.count, "old")
            """)
        #expect(same(p["k"], (1...10).map(Double.init)))
        // `var`: the previous bar's object is the same object, so it shows today's count.
        #expect(same(p["prev"], [-1] + (2...10).map(Double.init)))
        // A new object per bar: one bar back is yesterday's object.
        #expect(same(p["old"], [-1] + (1...9).map(Double.init)))
    }

    @Test func namedArgumentsNestedObjectsAndFunctions() throws {
        let p = try plots("""
            type Inner
                float v
            type Outer
                Inner inner
                string name = "outer"
            make(float v) => Outer.new(inner = Inner.new(v))
            bump(Outer o) =>
                o.inner.v += 1
                o
            o = bump(make(close * 2))
            plot(o.inner.v, "v")
            plot(str.length(o.name), "len")
            """)
        #expect(same(p["v"], Self.closes.map { $0 * 2 + 1 }))
        #expect(same(p["len"], Array(repeating: 5, count: 10)))
    }

    @Test func arraysOfObjectsAndMethodsWithOverloads() throws {
        let p = try plots("""
            type Pivot
                float price
                int touches = 0
            method touch(Pivot this) =>
                this.touches += 1
            method touch(array<Pivot> ps) =>
                for p in ps
                    p.touch()
            method total(array<Pivot> ps) =>
                float s = 0
                for p in ps
                    s += p.price
                s
            var pivots = array.new<Pivot>()
            pivots.push(Pivot.new(close))
            if pivots.size() > 3
                pivots.shift()
            pivots.touch()
            first = pivots.first()
            plot(pivots.total(), "sum")
            plot(first.touches, "t")
            plot(array.size(pivots), "n")
            """)
        // The last three closes, and the oldest pivot kept has been touched once per bar it lived.
        #expect(same(p["sum"], Self.closes.indices.map { i in Self.closes[max(0, i - 2)...i].reduce(0, +) }))
        #expect(same(p["t"], Self.closes.indices.map { Double(min($0 + 1, 3)) }))
        #expect(same(p["n"], Self.closes.indices.map { Double(min($0 + 1, 3)) }))
    }

    @Test func enumsInSwitchTernaryAndAsMapKeys() throws {
        let p = try plots("""
            enum Dir
                up = "Up trend"
                down
            var counts = map.new<Dir, int>()
            d = close % 2 == 0 ? Dir.up : Dir.down
            counts.put(d, nz(counts.get(d)) + 1)
            v = switch d
                Dir.up => 1
                Dir.down => -1
            plot(v, "v")
            plot(counts.get(Dir.up), "ups")
            plot(counts.size(), "size")
            """)
        #expect(same(p["v"], Self.closes.map { $0.truncatingRemainder(dividingBy: 2) == 0 ? 1 : -1 }))
        #expect(same(p["ups"], [.nan] + (2...10).map { Double($0 / 2) }))
        #expect(same(p["size"], [1] + Array(repeating: 2, count: 9)))
    }

    @Test func enumInputsTakeATitleOrAMemberName() throws {
        let script = """
            enum Signal
                long = "Long only"
                short = "Short only"
                both
            mode = input.enum(Signal.short, "Mode")
            plot(mode == Signal.long ? 1 : mode == Signal.short ? 2 : 3, "m")
            """
        let program = try PineProgram.compile(source: "//@version=6\nindicator(\"t\")\n" + script, fileName: "t.pine")
        let spec = try #require(program.inputs.first)
        #expect(spec.kind == .string)
        #expect(spec.defaultValue == .string("Short only"))
        #expect(spec.options == [.string("Long only"), .string("Short only"), .string("both")])
        #expect(try plots(script)["m"]?.last == 2)
        #expect(try plots(script, inputs: ["Mode": .string("Long only")])["m"]?.last == 1)
        #expect(try plots(script, inputs: ["mode": .string("long")])["m"]?.last == 1)
        #expect(try plots(script, inputs: ["mode": .string("both")])["m"]?.last == 3)
        #expect(throws: InputValueError.self) { try plots(script, inputs: ["mode": .string("sideways")]) }
        do {
            _ = try plots(script, inputs: ["mode": .string("sideways")])
        } catch {
            #expect("\(error)".contains("Long only, Short only, both"))
        }
    }

    @Test func mapsKeepInsertionOrder() throws {
        let p = try plots("""
            m = map.new<string, float>()
            m.put("b", 1)
            m.put("a", 2)
            old = m.put("b", close)
            keys = m.keys()
            plot(old, "old")
            plot(array.get(m.values(), 0), "first")
            plot(array.get(keys, 1) == "a" ? 1 : 0, "order")
            removed = map.remove(m, "b")
            plot(removed, "removed")
            plot(m.contains("b") ? 1 : 0, "contains")
            plot(m.size(), "size")
            """)
        #expect(same(p["old"], Array(repeating: 1, count: 10)))
        #expect(same(p["first"], Self.closes))
        #expect(same(p["order"], Array(repeating: 1, count: 10)))
        #expect(same(p["removed"], Self.closes))
        #expect(same(p["contains"], Array(repeating: 0, count: 10)))
        #expect(same(p["size"], Array(repeating: 1, count: 10)))
    }

    @Test func mapsOfObjectsShareTheObjects() throws {
        let p = try plots("""
            type Level
                float price
                int hits = 0
            var levels = map.new<string, Level>()
            if bar_index == 0
                levels.put("first", Level.new(close))
            lv = levels.get("first")
            lv.hits += 1
            missing = levels.get("none")
            plot(levels.get("first").hits, "hits")
            plot(na(missing) ? 1 : 0, "missing")
            plot(array.size(levels.values()), "n")
            """)
        // The map holds the object itself: each bar's increment is seen through the map.
        #expect(same(p["hits"], (1...10).map(Double.init)))
        #expect(same(p["missing"], Array(repeating: 1, count: 10)))
        #expect(same(p["n"], Array(repeating: 1, count: 10)))
    }

    @Test func matricesRun() throws {
        let p = try plots("""
            m = matrix.new<float>(2, 2, 0)
            m.set(0, 0, 1)
            m.set(0, 1, 2)
            m.set(1, 0, 3)
            m.set(1, 1, close)
            t = m.transpose()
            plot(m.det(), "det")
            plot(t.get(0, 1), "t01")
            plot(matrix.get(m.mult(m), 1, 1), "sq11")
            plot(m.rows() * 10 + m.columns(), "shape")
            """)
        // det [[1, 2], [3, c]] = c − 6; (m·m)[1][1] = 3·2 + c·c.
        #expect(same(p["det"], Self.closes.map { $0 - 6 }))
        #expect(same(p["t01"], Array(repeating: 3, count: 10)))
        #expect(same(p["sq11"], Self.closes.map { 6 + $0 * $0 }))
        #expect(same(p["shape"], Array(repeating: 22, count: 10)))
    }

    @Test func runtimeErrorsAreLocated() {
        let outOfRange = failure("""
            type P
                float x
            a = array.new<P>()
            a.push(P.new(1))
            plot(a.get(bar_index).x)
            """)
        #expect(outOfRange?.contains("t.pine:7:") == true)
        #expect(outOfRange?.contains("array index 1 is out of bounds") == true)
        #expect(outOfRange?.contains("bar 1") == true)
        let naObject = failure("""
            type P
                float x
            P p = na
            plot(p.x)
            """)
        #expect(naObject?.contains("t.pine:6:") == true)
        #expect(naObject?.contains("na object") == true)
    }

    @Test func typeErrorsAreLocatedAtCompileTime() {
        let field = failure("""
            type P
                float x
            p = P.new(1)
            plot(p.y)
            """)
        #expect(field?.contains("t.pine:6:6") == true)
        #expect(field?.contains("type 'P' has no field 'y'") == true)
        let method = failure("""
            type P
                float x
            method grow(P this) => this.x += 1
            s = "text"
            s.grow()
            plot(close)
            """)
        #expect(method?.contains("t.pine:7:") == true)
        #expect(method?.contains("grow") == true)
        let wrongField = failure("""
            type P
                float x
            p = P.new(1)
            p.x := "text"
            plot(close)
            """)
        #expect(wrongField?.contains("t.pine:6:") == true)
        let label = failure("""
            type P
                float x
            p = P.new(y = 1)
            plot(close)
            """)
        #expect(label?.contains("t.pine:5:11") == true)
        #expect(label?.contains("has no field 'y'") == true)
    }
}
