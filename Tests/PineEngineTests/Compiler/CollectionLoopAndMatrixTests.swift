import PineLanguage
@testable import PineEngine
import Testing

/// `for ... in` over maps and matrices, and matrices of strings, bools and
/// objects, as the manual defines them. Ten bars whose close is 1 ... 10.
@Suite struct CollectionLoopAndMatrixTests {
    let runner = ScriptPlots()

    @Test func mapLoopsVisitPairsInInsertionOrder() throws {
        // Keys put in the order c, a, b (a re-put keeps its place): the loop
        // sees c=3, a=10, b=2, so the weighted sum 1*3 + 2*10 + 3*2 = 29 and
        // the keys joined are "cab".
        let p = try runner.plots("""
            m = map.new<string, float>()
            m.put("c", 3)
            m.put("a", 1)
            m.put("b", 2)
            m.put("a", 10)
            float total = 0
            int k = 0
            string names = ""
            for [key, value] in m
                k += 1
                total += k * value
                names += key
            plot(total, "total")
            plot(names == "cab" ? 1 : 0, "order")
            counts = map.new<int, bool>()
            counts.put(7, true)
            counts.put(5, false)
            int trues = 0
            int keys = 0
            for [n, flag] in counts
                keys += n
                trues += flag ? 1 : 0
            plot(keys * 10 + trues, "ints")
            """)
        #expect(runner.same(p["total"], Array(repeating: 29, count: 10)))
        #expect(runner.same(p["order"], Array(repeating: 1, count: 10)))
        #expect(runner.same(p["ints"], Array(repeating: 121, count: 10)))
    }

    @Test func mapLoopsOfObjectsShareTheObjects() throws {
        let p = try runner.plots("""
            type Acc
                float sum = 0
            var m = map.new<string, Acc>()
            if bar_index == 0
                m.put("x", Acc.new())
                m.put("y", Acc.new(100))
            for [key, acc] in m
                acc.sum += close
            plot(m.get("x").sum, "x")
            plot(m.get("y").sum, "y")
            """)
        // The loop's value is the stored object: each bar adds close to both.
        var x = 0.0
        let xs = ScriptPlots.closes.map { x += $0; return x }
        #expect(runner.same(p["x"], xs))
        #expect(runner.same(p["y"], xs.map { $0 + 100 }))
    }

    @Test func matrixLoopsGiveEachRowAsAnArray() throws {
        // m = [[1, 2], [3, 4], [5, close]]: row sums 3, 7, 5 + close;
        // sum over rows of i * rowSum = 0*3 + 1*7 + 2*(5 + close).
        let p = try runner.plots("""
            m = matrix.new<float>(3, 2, 0)
            m.set(0, 0, 1), m.set(0, 1, 2), m.set(1, 0, 3), m.set(1, 1, 4), m.set(2, 0, 5), m.set(2, 1, close)
            float weighted = 0
            for [i, row] in m
                weighted += i * row.sum()
            float firsts = 0
            for row in m
                firsts += row.get(0)
            plot(weighted, "weighted")
            plot(firsts, "firsts")
            """)
        #expect(runner.same(p["weighted"], ScriptPlots.closes.map { 7 + 2 * (5 + $0) }))
        #expect(runner.same(p["firsts"], Array(repeating: 9, count: 10)))
    }

    @Test func aMapLoopNeedsKeyAndValue() {
        let message = runner.failure("""
            m = map.new<string, float>()
            for v in m
                x = v
            """)
        #expect(message?.contains("t.pine:4:5") == true)
        #expect(message?.contains("for [key, value] in m") == true)
    }

    @Test func matricesOfStrings() throws {
        // 2×2 of "a"; set (1, 0) to "b"; add the row ["c", "d"] at the end;
        // transpose (2×3): row 0 is "a", "b", "c". Sorting the 3×2 matrix by
        // column 0 descending puts "c" first.
        let p = try runner.plots("""
            m = matrix.new<string>(2, 2, "a")
            m.set(1, 0, "b")
            m.add_row(m.rows(), array.from("c", "d"))
            t = m.transpose()
            plot(t.rows() * 10 + t.columns(), "shape")
            plot(array.join(t.row(0), "") == "abc" ? 1 : 0, "row")
            m.sort(0, order.descending)
            plot(m.get(0, 0) == "c" and m.get(2, 0) == "a" ? 1 : 0, "sorted")
            string joined = ""
            for row in m
                joined += array.join(row, "")
            plot(joined == "cdbaaa" ? 1 : 0, "loop")
            s = matrix.new<string>(1, 2)
            plot(s.get(0, 1) == "" ? 1 : 0, "empty")
            """)
        #expect(runner.same(p["shape"], Array(repeating: 23, count: 10)))
        #expect(runner.same(p["row"], Array(repeating: 1, count: 10)))
        #expect(runner.same(p["sorted"], Array(repeating: 1, count: 10)))
        #expect(runner.same(p["loop"], Array(repeating: 1, count: 10)))
        #expect(runner.same(p["empty"], Array(repeating: 1, count: 10)))
    }

    @Test func matricesOfBoolsAndObjects() throws {
        let p = try runner.plots("""
            type Cell
                float v
            b = matrix.new<bool>(2, 2, false)
            b.set(0, 1, close > 5)
            plot(b.get(0, 1) ? 1 : 0, "bool")
            m = matrix.new<Cell>(2, 2)
            plot(na(m.get(1, 1)) ? 1 : 0, "na")
            shared = Cell.new(close)
            m.fill(shared)
            m.get(0, 0).v += 1
            // every element is the same object: the change shows everywhere
            plot(m.get(1, 1).v, "shared")
            col = m.col(1)
            plot(col.size(), "col")
            m.remove_row(0)
            plot(m.rows(), "rows")
            float total = 0
            for row in m.copy()
                for c in row
                    total += c.v
            plot(total, "loop")
            """)
        #expect(runner.same(p["bool"], ScriptPlots.closes.map { $0 > 5 ? 1 : 0 }))
        #expect(runner.same(p["na"], Array(repeating: 1, count: 10)))
        #expect(runner.same(p["shared"], ScriptPlots.closes.map { $0 + 1 }))
        #expect(runner.same(p["col"], Array(repeating: 2, count: 10)))
        #expect(runner.same(p["rows"], Array(repeating: 1, count: 10)))
        #expect(runner.same(p["loop"], ScriptPlots.closes.map { 2 * ($0 + 1) }))
    }

    @Test func functionCallsBindByTheRegistrysSignature() throws {
        // Named arguments and defaults come from the registry: sort by column 1
        // descending, fill rows 1..<2 only (the default to_row would be all rows).
        let p = try runner.plots("""
            m = matrix.new<float>(rows = 2, columns = 2, initial_value = 0)
            matrix.set(m, 0, 1, 1)
            matrix.set(m, 1, 1, 2)
            matrix.sort(m, column = 1, order = order.descending)
            plot(matrix.get(m, 0, 1), "first")
            matrix.fill(m, 7, from_row = 1, to_row = 2)
            plot(matrix.get(m, 0, 0) + matrix.get(m, 1, 0), "filled")
            k = map.new<string, int>()
            map.put(id = k, key = "a", value = 3)
            plot(map.get(k, "a"), "map")
            """)
        #expect(runner.same(p["first"], Array(repeating: 2, count: 10)))
        #expect(runner.same(p["filled"], Array(repeating: 7, count: 10)))
        #expect(runner.same(p["map"], Array(repeating: 3, count: 10)))
        let message = runner.failure("""
            m = matrix.new<float>(1, 1)
            matrix.fill(m, 1, from_rows = 0)
            """)
        #expect(message?.contains("t.pine:4:19") == true)
    }

    @Test func numericFunctionsAreRefusedForStringsAndObjects() {
        let strings = runner.failure("""
            m = matrix.new<string>(2, 2, "a")
            x = m.det()
            """)
        #expect(strings?.contains("t.pine:4:5") == true)
        #expect(strings?.contains("needs a matrix of numbers, not matrix<string>") == true)
        let objects = runner.failure("""
            type Cell
                float v
            m = matrix.new<Cell>(1, 1)
            m.sort()
            """)
        #expect(objects?.contains("t.pine:6:1") == true)
        #expect(objects?.contains("not matrix<Cell>") == true)
        let wrong = runner.failure("""
            m = matrix.new<string>(1, 1)
            m.set(0, 0, 1.5)
            """)
        #expect(wrong?.contains("t.pine:4:13") == true)
    }
}
