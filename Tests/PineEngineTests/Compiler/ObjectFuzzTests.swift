import Foundation
import PFData
@testable import PineEngine
import PineLanguage
import Testing

/// Seeded random programs over objects and collections (user types, arrays of
/// objects, maps, matrices, methods, na objects, hostile indices): each
/// compiles and runs, or stops with a one-line error naming the script and a
/// line; none crashes the process.
@Suite struct ObjectFuzzTests {
    @Test func randomObjectProgramsNeverCrash() throws {
        let data = try PineParityFeed.prepared(120)
        var generator = SeededRandom(state: 20_261_207)
        var ran = 0
        var stopped = 0
        for _ in 0..<400 {
            var lines = [
                "//@version=6", "indicator(\"f\")",
                "type Node", "    float v = 0.0", "    int n", "    Node next",
                "method bump(Node this, float d) =>", "    this.v += d", "    this",
                "var nodes = array.new<Node>()", "var m = map.new<string, float>()",
                "var mx = matrix.new<float>(2, 2, 1.0)", "Node cur = na",
            ]
            for _ in 0..<(3 + generator.next(6)) { lines.append(generator.objectStatement()) }
            lines.append("plot(nodes.size() + m.size() + mx.rows())")
            let source = lines.joined(separator: "\n") + "\n"
            do {
                let program = try PineProgram.compile(source: source, fileName: "f.pine")
                _ = try ScriptRunner(program: program, data: data).run(RunOptions(), recordPlots: true)
                ran += 1
            } catch {
                let message = "\(error)"
                #expect(message.contains("f.pine:"), "\(source)\n\(message)")
                if let e = error as? ScriptRuntimeError {
                    #expect(e.line > 2 && e.barIndex >= 0, "\(source)\n\(message)")
                }
                stopped += 1
            }
        }
        // Both paths are exercised: the generator is hostile (na objects, bad
        // indices, singular matrices), so most programs stop with a located error.
        #expect(ran > 25)
        #expect(stopped > 100)
    }
}

extension SeededRandom {
    mutating func index() -> String {
        pick(["0", "1", "-1", "2", "bar_index % 3", "nodes.size()", "nodes.size() - 1", "100001", "na"])
    }

    mutating func scalar() -> String {
        pick(["close", "1.5", "-2", "na", "bar_index", "m.get(\"a\")", "nz(m.get(\"b\"))", "mx.get(0, 0)", "1e300"])
    }

    mutating func objectStatement() -> String {
        switch next(22) {
        case 0: return "nodes.push(Node.new(\(scalar()), 1))"
        case 1: return "nodes.push(cur)"
        case 2: return "cur := Node.new(v = \(scalar()))"
        case 3: return "cur := nodes.size() > 0 ? nodes.get(\(index())) : na"
        case 4: return "x\(next(1000)) = cur.v"
        case 5: return "cur.v += \(scalar())"
        case 6: return "if nodes.size() > 3\n    nodes.shift()"
        case 7: return "m.put(\"\(pick(["a", "b", "c"]))\", \(scalar()))"
        case 8: return "m.remove(\"\(pick(["a", "b"]))\")"
        case 9: return "mx.set(\(index()), \(index()), \(scalar()))"
        case 10: return "mx.add_row(\(index()))"
        case 11: return "y\(next(1000)) = mx.det()"
        case 12: return "z\(next(1000)) = mx.inv().get(0, 0)"
        case 13: return "for n in nodes\n    n.bump(\(scalar()))"
        case 14: return "w\(next(1000)) = nodes.size() > 0 ? nodes.get(\(index())).bump(1).v : 0"
        case 15: return "c\(next(1000)) = Node.copy(Node.new(\(scalar())))"
        case 16: return "nodes.remove(\(index()))"
        case 17: return "cur.next := Node.new()"
        case 18: return "q\(next(1000)) = na(cur) ? 0 : cur.next.v"
        case 19: return "mx := mx.mult(mx.transpose())"
        case 20: return "k\(next(1000)) = array.size(m.keys()) + array.size(mx.eigenvalues())"
        default: return "nodes.insert(\(index()), Node.new())"
        }
    }
}
