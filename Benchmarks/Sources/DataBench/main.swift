// DataBench: the data layer's speed targets.
//   1. open + decode the 53,929-bar ETH/USDT 15m .ohlcv (target: median < 5 ms)
//   2. convert a generated 1,000,000-row CSV to .ohlcv (target: >= 1M rows/s)
// Run: swift run -c release --package-path Benchmarks --scratch-path .build-databench DataBench
import Foundation
import PFData

func milliseconds(_ start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
}

/// CPU time of this process in milliseconds (what the code costs, whatever else runs on the machine).
func cpuMilliseconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) * 1000 + Double(spec.tv_nsec) / 1_000_000
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
let feed = root.appendingPathComponent("sweeps/data/ETHUSDT-PERP_15m.csv").path
let work = FileManager.default.temporaryDirectory.appendingPathComponent("pfopt-databench-\(getpid())")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: work) }

// 1. Open + decode.
let feedOHLCV = work.appendingPathComponent("ETHUSDT-PERP_15m.ohlcv").path
_ = try DataConverter.convert(sourcePath: feed, outputPath: feedOHLCV, force: true, writeSymbolFile: false)
var decodeTimes: [Double] = []
var decodeCPU: [Double] = []
var checksum = 0.0
for _ in 0..<200 {
    let start = DispatchTime.now()
    let cpu = cpuMilliseconds()
    let store = try OHLCVReader(path: feedOHLCV).barStore()
    decodeCPU.append(cpuMilliseconds() - cpu)
    decodeTimes.append(milliseconds(start))
    checksum += store.close[store.count - 1]
}
let decodeMedian = median(decodeTimes)
print(String(format: "open+decode 53,929-bar .ohlcv: median %.3f ms wall (%.3f ms CPU), min %.3f ms, %d runs (target < 5 ms) %@",
    decodeMedian, median(decodeCPU), decodeTimes.min() ?? 0, decodeTimes.count, decodeMedian < 5 ? "PASS" : "FAIL"))

// 1b. What checking every bar on open adds (validatedBarStore vs barStore).
var plainCPU: [Double] = []
var checkedCPU: [Double] = []
for _ in 0..<200 {
    let reader = try OHLCVReader(path: feedOHLCV)
    var cpu = cpuMilliseconds()
    let plain = reader.barStore()
    plainCPU.append(cpuMilliseconds() - cpu)
    cpu = cpuMilliseconds()
    let checked = try reader.validatedBarStore()
    checkedCPU.append(cpuMilliseconds() - cpu)
    checksum += plain.close[0] + checked.close[0]
}
print(String(format: "decode %.3f ms CPU, decode + bar validation %.3f ms CPU (medians of 200): validation adds %.3f ms",
    median(plainCPU), median(checkedCPU), median(checkedCPU) - median(plainCPU)))

// 2. Convert a generated 1,000,000-row CSV.
let rows = 1_000_000
let csvPath = work.appendingPathComponent("BTCUSDT_1m.csv").path
var text = "timestamp,open,high,low,close,volume\n"
text.reserveCapacity(rows * 60)
var price = 4_000_000  // cents
var t: Int64 = 1_600_000_000_000
struct XorShift {
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    mutating func next() -> Int {
        seed ^= seed << 13
        seed ^= seed >> 7
        seed ^= seed << 17
        return Int(seed % 1000)
    }
}
var random = XorShift()
func cents(_ v: Int) -> String { "\(v / 100).\(v % 100 < 10 ? "0" : "")\(v % 100)" }
for _ in 0..<rows {
    let open = price
    let close = max(100, open + random.next() - 500)
    let high = max(open, close) + random.next() / 10
    let low = max(1, min(open, close) - random.next() / 10)
    text += "\(t),\(cents(open)),\(cents(high)),\(cents(low)),\(cents(close)),\(random.next()).\(random.next() % 100)\n"
    price = close
    t += 60_000
}
try Data(text.utf8).write(to: URL(fileURLWithPath: csvPath))
var convertTimes: [Double] = []
var convertCPU: [Double] = []
for run in 0..<7 {
    let out = work.appendingPathComponent("out\(run).ohlcv").path
    let start = DispatchTime.now()
    let cpu = cpuMilliseconds()
    let result = try DataConverter.convert(sourcePath: csvPath, outputPath: out, force: true, writeSymbolFile: false)
    convertCPU.append(cpuMilliseconds() - cpu)
    convertTimes.append(milliseconds(start))
    checksum += Double(result.bars.count)
}
let convertMedian = median(convertTimes)
let rate = Double(rows) / (convertMedian / 1000)
let cpuRate = Double(rows) / (median(convertCPU) / 1000)
print(String(format: "convert 1,000,000-row CSV: median %.1f ms wall = %.2fM rows/s (CPU %.1f ms = %.2fM rows/s), %d runs (target >= 1M rows/s) %@",
    convertMedian, rate / 1_000_000, median(convertCPU), cpuRate / 1_000_000, convertTimes.count, rate >= 1_000_000 ? "PASS" : "FAIL"))
if checksum.isNaN { print("unexpected checksum") }
