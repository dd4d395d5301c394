import Foundation
import PFData
@testable import PineEngine
import PineLanguage
import Testing

/// Seeded random scripts over built-ins with hostile arguments (huge, negative, na, zero
/// lengths and offsets): each compiles and runs, or stops with a one-line error naming the
/// script; none crashes the process. (20,000 scripts of other seeds were run once by hand.)
@Suite struct EngineFuzzTests {
    @Test func randomScriptsNeverCrash() throws {
        let data = try PineParityFeed.prepared(200)
        var generator = SeededRandom(state: 20_261_123)
        var ran = 0
        var stopped = 0
        for _ in 0..<1000 {
            let expression = generator.number(4)
            let source = "//@version=6\nindicator(\"f\")\nv = \(expression)\nplot(v)\nfloat w = na\nif v > 0\n    w := ta.sma(v, 3)\nplot(w)\n"
            do {
                let program = try PineProgram.compile(source: source, fileName: "f.pine")
                _ = try ScriptRunner(program: program, data: data).run(RunOptions(), recordPlots: true)
                ran += 1
            } catch {
                let message = "\(error)"
                #expect(message.contains("f.pine:"), "\(expression): \(message)")
                #expect(!message.contains("\n"), "\(expression): \(message)")
                stopped += 1
            }
        }
        // Both paths are exercised: most scripts run, the hostile ones stop.
        #expect(ran > 600)
        #expect(stopped > 0)
    }
}

/// The scripts' building blocks.
extension SeededRandom {
    mutating func length() -> String {
        pick(["0", "1", "2", "5", "14", "-3", "int(1e300)", "int(-1e300)", "100001", "bar_index % 7", "na", "int(close) % 9"])
    }

    mutating func number(_ depth: Int) -> String {
        if depth <= 0 || next(4) == 0 {
            return pick(["close", "open", "high", "low", "volume", "bar_index", "0", "1", "-1", "2.5", "1e300",
                         "-1e300", "1e-300", "na", "14", "3"])
        }
        let x = number(depth - 1)
        let y = number(depth - 1)
        let l = length()
        switch next(56) {
        case 0: return "(-\(x))"
        case 1: return "math.abs(\(x))"
        case 2: return "math.sqrt(\(x))"
        case 3: return "math.log(\(x))"
        case 4: return "int(\(x))"
        case 5: return "nz(\(x))"
        case 6: return "math.round(\(x), \(l))"
        case 7: return "(\(x) + \(y))"
        case 8: return "(\(x) / \(y))"
        case 9: return "(\(x) % \(y))"
        case 10: return "math.pow(\(x), \(y))"
        case 11: return "ta.sma(\(x), \(l))"
        case 12: return "ta.ema(\(x), \(l))"
        case 13: return "ta.highest(\(x), \(l))"
        case 14: return "ta.stdev(\(x), \(l))"
        case 15: return "ta.change(\(x), \(l))"
        case 16: return "ta.valuewhen(\(x) > \(y), \(x), \(l))"
        case 17: return "ta.percentile_nearest_rank(\(x), \(l), \(y))"
        case 18: return "ta.linreg(\(x), \(l), \(l))"
        case 19: return "\(x)[\(l)]"
        case 20: return "str.length(str.tostring(\(x)))"
        case 21: return "str.length(str.substring(\"hello\", \(l), \(length())))"
        case 22: return "array.get(array.from(\(x), \(y)), \(l))"
        case 23: return "array.size(array.slice(array.from(\(x), \(y), \(x)), \(l), \(length())))"
        case 24: return "ta.barssince(\(x) > \(y))"
        case 25: return "ta.wma(\(x), \(l))"
        case 26: return "ta.alma(\(x), \(l), \(y), \(x))"
        case 27: return "ta.rsi(\(x), \(l))"
        case 28: return "ta.cci(\(x), \(l))"
        case 29: return "ta.correlation(\(x), \(y), \(l))"
        case 30: return "ta.percentrank(\(x), \(l))"
        case 31: return "ta.median(\(x), \(l))"
        case 32: return "ta.mode(\(x), \(l))"
        case 33: return "ta.cog(\(x), \(l))"
        case 34: return "ta.rci(\(x), \(l))"
        case 35: return "nz(ta.pivothigh(\(x), \(l), \(length())))"
        case 36: return "ta.swma(\(x))"
        case 37: return "ta.vwma(\(x), \(l))"
        case 38: return "ta.hma(\(x), \(l))"
        case 39: return "ta.tsi(\(x), \(l), \(length()))"
        case 40: return "ta.variance(\(x), \(l))"
        case 41: return "ta.roc(\(x), \(l))"
        case 42: return "math.sum(\(x), \(l))"
        case 43: return "ta.highestbars(\(x), \(l))"
        case 44: return "(ta.crossover(\(x), \(y)) ? 1 : 0)"
        case 45: return "str.length(str.format(\"{0} {1}\", \(x), \(y)))"
        case 46: return "str.length(str.tostring(\(x), \"#.##\"))"
        case 47: return "math.round_to_mintick(\(x))"
        case 48: return "math.random(\(x), \(y), 7)"
        case 49: return "array.sum(array.new_float(\(l), \(x)))"
        case 50: return "array.median(array.from(\(x), \(y), \(x)))"
        case 51: return "ta.percentile_linear_interpolation(\(x), \(l), \(y))"
        case 52: return "ta.mfi(\(x), \(l))"
        case 53: return "ta.cum(\(x))"
        case 54: return "timestamp(\(x), \(y), 1, 0, 0)"
        default: return "math.max(\(x), \(y))"
        }
    }
}
