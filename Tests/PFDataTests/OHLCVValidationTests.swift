import Foundation
import Testing

@testable import PFData

/// Writes a valid standard-layout `.ohlcv` file of `makeStore` bars and
/// lets a test damage its bytes.
struct DamagedOHLCV {
    let path: String
    let store: BarStore
    var bytes: [UInt8]
    static let header = 64 + 6 * 24
    static let record = 36

    init(count: Int = 40) throws {
        path = try TestPaths.scratch("ohlcv-check") + "/bars.ohlcv"
        store = makeStore(count: count)
        let writer = try OHLCVWriter(path: path, timeframe: try Timeframe(parsing: "1"), truncate: true)
        try writer.append(store)
        try writer.close()
        bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        precondition(bytes.count == Self.header + count * Self.record, "expected the compact 36-byte layout")
    }

    /// Byte offset of field `offset` (0 time, 8 open, 16/20/24 high/low/close deltas, 28 volume) of bar `i`.
    static func at(_ i: Int, _ offset: Int) -> Int { header + i * record + offset }

    mutating func put<T: FixedWidthInteger>(_ value: T, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { for (k, b) in $0.enumerated() { bytes[offset + k] = b } }
    }
    mutating func putF64(_ value: Double, at offset: Int) { put(value.bitPattern, at: offset) }
    mutating func putF32(_ value: Float, at offset: Int) { put(value.bitPattern, at: offset) }

    func save() throws { try Data(bytes).write(to: URL(fileURLWithPath: path)) }

    /// The error opening the file gives, as text (nil when it opens).
    func openError() throws -> String? {
        try save()
        do {
            _ = try BarStore.load(ohlcvPath: path)
            return nil
        } catch {
            return String(describing: error)
        }
    }
}

@Suite("OHLCV bar validation")
struct OHLCVValidationTests {
    static func iso(_ t: Int64) -> String { UTCCalendar.isoString(milliseconds: t) }

    @Test("a NaN open is refused with the bar's index and time")
    func nanOpen() throws {
        var f = try DamagedOHLCV()
        f.putF64(.nan, at: DamagedOHLCV.at(7, 8))
        let message = try #require(try f.openError())
        #expect(message == "\(f.path): bar 7 (\(Self.iso(f.store.time[7]))): open is NaN")
    }

    @Test("an infinite high delta and an infinite volume are refused")
    func infinite() throws {
        var f = try DamagedOHLCV()
        f.putF32(.infinity, at: DamagedOHLCV.at(3, 16))
        #expect(try f.openError() == "\(f.path): bar 3 (\(Self.iso(f.store.time[3]))): high is infinite")
        var g = try DamagedOHLCV()
        g.putF64(.infinity, at: DamagedOHLCV.at(12, 28))
        #expect(try g.openError() == "\(g.path): bar 12 (\(Self.iso(g.store.time[12]))): volume is not a finite number")
    }

    @Test("high below low is refused")
    func highBelowLow() throws {
        var f = try DamagedOHLCV()
        let open = f.store.open[5]
        // high = open - 1, low = open - 0.5: high is below low.
        f.putF32(-1, at: DamagedOHLCV.at(5, 16))
        f.putF32(-0.5, at: DamagedOHLCV.at(5, 20))
        let message = try #require(try f.openError())
        #expect(message.hasPrefix("\(f.path): bar 5 (\(Self.iso(f.store.time[5]))): high \(open - 1) is below low \(open - 0.5)"))
    }

    @Test("zero and negative prices are refused")
    func nonPositive() throws {
        var f = try DamagedOHLCV()
        // open 0 with zero deltas: every price is 0.
        f.putF64(0, at: DamagedOHLCV.at(9, 8))
        for o in [16, 20, 24] { f.putF32(0, at: DamagedOHLCV.at(9, o)) }
        #expect(try f.openError() == "\(f.path): bar 9 (\(Self.iso(f.store.time[9]))): open is not positive (0.0)")
        var g = try DamagedOHLCV()
        g.putF64(-2, at: DamagedOHLCV.at(0, 8))
        for o in [16, 20, 24] { g.putF32(0, at: DamagedOHLCV.at(0, o)) }
        #expect(try g.openError() == "\(g.path): bar 0 (\(Self.iso(g.store.time[0]))): open is not positive (-2.0)")
    }

    @Test("duplicate and unsorted timestamps are refused")
    func order() throws {
        var f = try DamagedOHLCV()
        f.put(f.store.time[10], at: DamagedOHLCV.at(11, 0))
        #expect(try f.openError() == "\(f.path): bar 11 (\(Self.iso(f.store.time[10]))): duplicate time (bar 10 has the same)")
        var g = try DamagedOHLCV()
        g.put(g.store.time[2], at: DamagedOHLCV.at(20, 0))
        let message = try #require(try g.openError())
        #expect(message.hasPrefix("\(g.path): bar 20 (\(Self.iso(g.store.time[2]))): time is earlier than bar 19's"))
    }

    @Test("a gap in a file whose header declares it gap-free is refused")
    func denseClaim() throws {
        var f = try DamagedOHLCV()
        // Bar 30 two minutes after bar 29 (still sorted, still before bar 31).
        let shifted = f.store.time[30] + 30_000
        f.put(shifted, at: DamagedOHLCV.at(30, 0))
        let message = try #require(try f.openError())
        #expect(message.hasPrefix("\(f.path): bar 30 (\(Self.iso(shifted))): 90000 ms after the bar before"))
    }

    @Test("the loader used by run and sweep refuses a bad bar too")
    func marketData() throws {
        var f = try DamagedOHLCV()
        f.putF64(.nan, at: DamagedOHLCV.at(1, 8))
        try f.save()
        #expect(throws: OHLCVFileError.self) { try MarketData.load(path: f.path) }
    }

    @Test("the importer refuses a zero price as the .ohlcv reader does")
    func importerZero() throws {
        let folder = try TestPaths.scratch()
        let csv = try TestPaths.write(
            "timestamp,open,high,low,close,volume\n1735689600000,1,2,0,1.5,1\n", "zero.csv", in: folder)
        #expect(throws: ImportError.badBar(file: csv, line: 2, reason: "low is not positive (0.0)")) {
            try DataImporter.load(path: csv, options: ImportOptions())
        }
    }
}
