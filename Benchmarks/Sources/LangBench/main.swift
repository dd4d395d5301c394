// LangBench: parse + check a 1,000-line Pine v6 strategy (target: under 10 ms).
// Run with: swift run -c release --package-path Benchmarks LangBench
import Dispatch
import PineLanguage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU time of this thread in milliseconds: unaffected by other processes on a busy machine.
func threadCPUMilliseconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) * 1e3 + Double(ts.tv_nsec) / 1e6
}

/// A realistic strategy of at least `lines` lines: inputs, indicators, a user
/// function with a loop, switch, if/else chains, ternaries and orders, repeated
/// with fresh names.
func makeScript(lines target: Int) -> String {
    var lines = [
        "//@version=6",
        "strategy(\"LangBench\", overlay=true, initial_capital=100000, default_qty_type=strategy.percent_of_equity,",
        "     default_qty_value=10, commission_type=strategy.commission.percent, commission_value=0.05)",
        "",
    ]
    var block = 0
    while lines.count < target {
        let n = block
        lines += [
            "// block \(n)",
            "len\(n) = input.int(\(10 + n % 40), \"Length \(n)\", minval=2, maxval=200, step=1, group=\"Block \(n)\")",
            "mult\(n) = input.float(\(1.5 + Double(n % 5) / 10), \"Mult \(n)\", minval=0.1, step=0.1)",
            "useShort\(n) = input.bool(\(n % 2 == 0), \"Shorts \(n)\")",
            "score\(n)(float src, int len) =>",
            "    float ups = 0.0",
            "    for i = 0 to len - 1",
            "        ups += src[i] > nz(src[i + 1], src[i]) ? 1.0 : -1.0",
            "    ups / len",
            "basis\(n) = ta.sma(close, len\(n))",
            "[mid\(n), upper\(n), lower\(n)] = ta.bb(close, len\(n), mult\(n))",
            "rsi\(n) = ta.rsi(close, math.max(2, len\(n) / 2))",
            "trend\(n) = switch",
            "    close > upper\(n) => 1",
            "    close < lower\(n) => -1",
            "    => 0",
            "var int state\(n) = 0",
            "if ta.crossover(close, basis\(n)) and rsi\(n) < 70 and score\(n)(close, 8) > 0",
            "    state\(n) := 1",
            "    strategy.entry(\"L\(n)\", strategy.long, comment=\"up \" + str.tostring(len\(n)))",
            "else if ta.crossunder(close, basis\(n)) and useShort\(n)",
            "    state\(n) := -1",
            "    strategy.entry(\"S\(n)\", strategy.short, qty=1, limit=close * (1 + mult\(n) / 100))",
            "else",
            "    state\(n) := trend\(n) != 0 ? trend\(n) : state\(n)",
            "strategy.exit(\"X\(n)\", from_entry=\"L\(n)\", profit=100, loss=50, comment=\"exit \(n)\")",
            "",
        ]
        block += 1
    }
    return lines.joined(separator: "\n") + "\n"
}

let source = makeScript(lines: 1000)
let lineCount = source.split(separator: "\n", omittingEmptySubsequences: false).count - 1
let check = PineFrontEnd.check(source: source, fileName: "bench.pine")
guard !check.hasErrors else {
    print(check.renderedDiagnostics)
    fatalError("the benchmark script does not check cleanly")
}

var samples: [Double] = []
var cpuSamples: [Double] = []
var statements = 0
for _ in 0..<100 {
    let cpuStart = threadCPUMilliseconds()
    let start = DispatchTime.now().uptimeNanoseconds
    let checked = PineFrontEnd.check(source: source, fileName: "bench.pine")
    let end = DispatchTime.now().uptimeNanoseconds
    cpuSamples.append(threadCPUMilliseconds() - cpuStart)
    statements += checked.script.statements.count
    samples.append(Double(end - start) / 1e6)
}
cpuSamples.sort()
samples.sort()
func ms(_ v: Double) -> String {
    let thousandths = Int(v * 1000 + 0.5)
    let fraction = String(thousandths % 1000)
    return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
}
let median = samples[samples.count / 2]
var parseSamples: [Double] = []
for _ in 0..<100 {
    let start = DispatchTime.now().uptimeNanoseconds
    let parsed = PineParser.parse(source: source, fileName: "bench.pine")
    let end = DispatchTime.now().uptimeNanoseconds
    statements += parsed.script.statements.count
    parseSamples.append(Double(end - start) / 1e6)
}
parseSamples.sort()
print("LangBench: \(lineCount) lines, \(source.utf8.count) bytes, \(check.inputs.count) inputs, \(check.script.statements.count) top-level statements")
print("parse + check: median \(ms(median)) ms, min \(ms(samples[0])) ms, max \(ms(samples[samples.count - 1])) ms (target < 10 ms)")
print("parse + check, thread CPU time: median \(ms(cpuSamples[cpuSamples.count / 2])) ms")
print("parse alone: median \(ms(parseSamples[parseSamples.count / 2])) ms")
print(median < 10 ? "PASS" : "FAIL (wall clock; compare the CPU time on a busy machine)")
