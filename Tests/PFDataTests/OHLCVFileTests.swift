import Foundation
import Testing

@testable import PFData

@Suite("OHLCV files")
struct OHLCVFileTests {
    @Test("v2 write then read gives identical values, standard 36-byte records")
    func roundTrip() throws {
        let folder = try TestPaths.scratch()
        let path = folder + "/bars.ohlcv"
        let store = makeStore(count: 1_000)
        let writer = try OHLCVWriter(path: path, timeframe: try Timeframe(parsing: "1"), truncate: true)
        try writer.append(store)
        #expect(writer.analyzedTickSize == 0.01)
        try writer.close()
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        #expect(size == 64 + 6 * 24 + 1_000 * 36)
        let reader = try OHLCVReader(path: path)
        #expect(reader.version == 2)
        #expect(reader.count == 1_000)
        #expect(reader.timeframe?.description == "1")
        #expect(reader.isDense == true)
        #expect(reader.tickGrid == TickGrid(minmove: 1, pricescale: 100))
        #expect(reader.barStore() == store)
        #expect(reader.startTimestamp == store.time[0])
        #expect(reader.endTimestamp == store.time[999])
        #expect(try reader.read(at: 500) == store[bar: 500])
        #expect(reader.size(from: store.time[10], to: store.time[19]) == 10)
        #expect(reader.positions(from: store.time[10] + 1, to: nil) == 11..<1_000)
        #expect(reader.bars(from: store.time[998]).count == 2)
        #expect(throws: OHLCVFileError.self) { try reader.read(at: 1_000) }
    }

    @Test("off-grid prices are stored as absolute f64 and still read back exactly")
    func promotion() throws {
        let folder = try TestPaths.scratch()
        let path = folder + "/offgrid.ohlcv"
        var bars = (0..<50).map { makeStore(count: 50)[bar: $0] }
        bars[7].high = bars[7].high + 0.001234567  // not on the 0.01 grid
        bars[9].close = ((bars[9].open + 100_000_000.37) * 100).rounded() / 100  // on the grid, but too far for an f32 delta
        bars[9].high = bars[9].close
        bars[9].low = min(bars[9].low, bars[9].open)
        let store = BarStore(bars: bars)
        let writer = try OHLCVWriter(
            path: path, timeframe: try Timeframe(parsing: "1"), tickGrid: TickGrid(mintick: 0.01), truncate: true)
        try writer.append(store)
        try writer.close()
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        #expect(size == 64 + 6 * 24 + 50 * 44)  // high and close promoted to f64: 36 + 4 + 4
        #expect(try OHLCVReader(path: path).barStore() == store)
    }

    @Test("gaps clear the no-gaps flag; seek, truncate and order errors")
    func writerEditing() throws {
        let folder = try TestPaths.scratch()
        let path = folder + "/edit.ohlcv"
        let store = makeStore(count: 10)
        let writer = try OHLCVWriter(path: path, timeframe: try Timeframe(parsing: "1"), truncate: true)
        for i in 0..<10 where i != 4 { try writer.write(store[bar: i]) }
        #expect(throws: OHLCVFileError.self) { try writer.write(store[bar: 2]) }  // earlier than the last
        try writer.close()
        let gapped = try OHLCVReader(path: path)
        #expect(gapped.isDense == false)
        #expect(gapped.count == 9)

        let again = try OHLCVWriter(path: path)
        #expect(again.count == 9)
        #expect(again.timeframe?.description == "1")
        again.seek(toTimestamp: store.time[5])
        #expect(again.position == 4)
        again.truncate()
        #expect(again.count == 4)
        try again.write(store[bar: 4])
        try again.seek(to: 2)
        #expect(throws: OHLCVFileError.self) { try again.write(store[bar: 6]) }  // not before the next record
        try again.seek(to: 5)
        for i in 5..<10 { try again.write(store[bar: i]) }
        try again.close()
        let full = try OHLCVReader(path: path)
        #expect(full.isDense == true)
        #expect(full.barStore() == store)
    }

    @Test("follows the descriptors of a non-standard layout (delta chains, f32 absolute, extra column)")
    func customLayout() throws {
        let columns = [
            OHLCVColumn(role: 0, dtype: 2, base: 255, offset: 0, name: "timestamp"),
            OHLCVColumn(role: 2, dtype: 6, base: 255, offset: 8, name: "high"),
            OHLCVColumn(role: 1, dtype: 5, base: 2, offset: 16, name: "open"),
            OHLCVColumn(role: 3, dtype: 5, base: 1, offset: 20, name: "low"),
            OHLCVColumn(role: 4, dtype: 6, base: 255, offset: 24, name: "close"),
            OHLCVColumn(role: 5, dtype: 5, base: 255, offset: 32, name: "volume"),
            OHLCVColumn(role: 255, dtype: 6, base: 255, offset: 36, name: "funding"),
        ]
        let layout = OHLCVLayout(
            headerSize: 64 + 7 * 24, recordSize: 44, columns: columns, flags: 0, recordCount: 2,
            firstTimestamp: 1_000, lastTimestamp: 61_000, intervalValue: 1, intervalUnit: 2, minmove: 0,
            pricescale: 0)
        var bytes = layout.headerBytes()
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        // Bar 1: high 12, open 12 - 2 = 10, low 10 - 1.5 = 8.5, close 11, volume 5.
        put(Int64(1_000)); put((12.0).bitPattern); put(Float(-2).bitPattern); put(Float(-1.5).bitPattern)
        put((11.0).bitPattern); put(Float(5).bitPattern); put((0.01).bitPattern)
        // Bar 2: high 13.25, open 13.25 - 0.25 = 13, low 13 - 1 = 12, close 12.5, volume 0.5.
        put(Int64(61_000)); put((13.25).bitPattern); put(Float(-0.25).bitPattern); put(Float(-1).bitPattern)
        put((12.5).bitPattern); put(Float(0.5).bitPattern); put((0.02).bitPattern)
        let folder = try TestPaths.scratch()
        let path = folder + "/custom.ohlcv"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let store = try OHLCVReader(path: path).barStore()
        #expect(store.open == [10, 13])
        #expect(store.high == [12, 13.25])
        #expect(store.low == [8.5, 12])
        #expect(store.close == [11, 12.5])
        #expect(store.volume == [5, 0.5])
    }

    @Test("reads legacy v1 files and skips their gap fillers")
    func legacy() throws {
        let folder = try TestPaths.scratch()
        let path = folder + "/legacy.ohlcv"
        var bytes: [UInt8] = []
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        let rows: [(UInt32, [Float])] = [
            (1_700_000_000, [10, 12, 9, 11, 5]), (1_700_000_060, [11, 11, 11, 11, -1]),
            (1_700_000_120, [11, 13, 10.5, 12.25, 7]),
        ]
        for (t, values) in rows {
            put(t)
            for v in values { put(v.bitPattern) }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let reader = try OHLCVReader(path: path)
        #expect(reader.version == 1)
        #expect(reader.count == 3)
        #expect(reader.timeframe?.description == "1")
        let store = reader.barStore()
        #expect(store.time == [1_700_000_000_000, 1_700_000_120_000])
        #expect(store.low == [9, 10.5])
        #expect(store.close == [11, 12.25])
        #expect(reader.bars(skipGaps: false).count == 3)
    }

    @Test("corrupt files are one-line errors naming the file and byte offset")
    func corrupt() throws {
        let folder = try TestPaths.scratch()
        let good = folder + "/good.ohlcv"
        let writer = try OHLCVWriter(path: good, timeframe: try Timeframe(parsing: "1"), truncate: true)
        try writer.append(makeStore(count: 20))
        try writer.close()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: good))

        let truncated = folder + "/truncated.ohlcv"
        try bytes.prefix(bytes.count - 10).write(to: URL(fileURLWithPath: truncated))
        do {
            _ = try OHLCVReader(path: truncated)
            Issue.record("a truncated file was accepted")
        } catch let error as OHLCVFileError {
            #expect(error.description.hasPrefix(truncated + ": byte 24: record count 20 is beyond the file"))
        }

        var badMagic = bytes
        badMagic[1] = 0x51
        let magicPath = folder + "/magic.ohlcv"
        try badMagic.prefix(100).write(to: URL(fileURLWithPath: magicPath))
        #expect(throws: OHLCVFileError.self) { try OHLCVReader(path: magicPath) }

        let csvPath = try TestPaths.write("timestamp,open\n1,2\n", "renamed.ohlcv", in: folder)
        do {
            _ = try OHLCVReader(path: csvPath)
            Issue.record("a CSV file was accepted as .ohlcv")
        } catch let error as OHLCVFileError {
            #expect(error.description.contains("bad magic"))
        }

        let empty = try TestPaths.write("", "empty.ohlcv", in: folder)
        #expect(throws: OHLCVFileError.corrupt(file: empty, offset: 0, reason: "the file is empty")) {
            try OHLCVReader(path: empty)
        }
        #expect(throws: OHLCVFileError.self) { try OHLCVReader(path: folder + "/missing.ohlcv") }
    }

    @Test("any corrupted header byte gives an error or a valid read, never a crash")
    func headerCorruption() throws {
        let folder = try TestPaths.scratch()
        let good = folder + "/good.ohlcv"
        let writer = try OHLCVWriter(path: good, timeframe: try Timeframe(parsing: "1"), truncate: true)
        try writer.append(makeStore(count: 8))
        try writer.close()
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: good)))
        let headerEnd = 64 + 6 * 24
        var rejected = 0
        let path = folder + "/fuzz.ohlcv"
        for offset in 0..<headerEnd {
            for value: UInt8 in [0x00, 0x07, 0xFF] where bytes[offset] != value {
                var copy = bytes
                copy[offset] = value
                try Data(copy).write(to: URL(fileURLWithPath: path))
                do {
                    let reader = try OHLCVReader(path: path)
                    let store = reader.barStore()
                    #expect(store.count == reader.count)
                } catch is OHLCVFileError {
                    rejected += 1
                }
            }
        }
        #expect(rejected > headerEnd)
    }

    @Test("a failed write leaves the previous file intact")
    func atomicWrite() throws {
        let folder = try TestPaths.scratch()
        let path = folder + "/keep.ohlcv"
        let writer = try OHLCVWriter(path: path, timeframe: try Timeframe(parsing: "1"), truncate: true)
        try writer.append(makeStore(count: 5))
        try writer.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let bad = try OHLCVWriter(path: path)
        var bar = bad.bars[bar: 4]
        bar.time += 60_000
        bar.high = bar.low - 1
        #expect(throws: OHLCVFileError.self) { try bad.write(bar) }
        try bad.close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("exports CSV and JSON")
    func exports() throws {
        let folder = try TestPaths.scratch()
        let path = folder + "/x.ohlcv"
        let store = makeStore(count: 3)
        let writer = try OHLCVWriter(path: path, timeframe: try Timeframe(parsing: "1"), truncate: true)
        try writer.append(store)
        try writer.close()
        let reader = try OHLCVReader(path: path)
        try reader.exportCSV(to: folder + "/x.csv")
        try reader.exportJSON(to: folder + "/x.json", asDates: true)
        #expect(try DataImporter.loadCSV(path: folder + "/x.csv") == store)
        #expect(try DataImporter.loadJSON(path: folder + "/x.json") == store)
        let text = try String(contentsOfFile: folder + "/x.json", encoding: .utf8)
        #expect(text.contains("\"time\": \"2024-01-01T00:00:00Z\""))
    }
}
