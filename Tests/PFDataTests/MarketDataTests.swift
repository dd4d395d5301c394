import Foundation
import Testing

@testable import PFData

@Suite("MarketData")
struct MarketDataTests {
    @Test("loads the real feed: converts once beside it, reuses the .ohlcv, re-converts when the source is newer")
    func loadAndReuse() throws {
        let folder = try TestPaths.scratch()
        let csv = folder + "/ETHUSDT-PERP_15m.csv"
        try FileManager.default.copyItem(atPath: TestPaths.feed, toPath: csv)
        let data = try MarketData.load(path: csv)
        #expect(data.bars.count == 53_929)
        #expect(data.timeframe?.description == "15")
        #expect(data.ohlcvPath == folder + "/ETHUSDT-PERP_15m.ohlcv")
        #expect(data.symbol.ticker == "ETHUSDT")
        #expect(data.symbol.currency == "USDT")
        #expect(data.symbol.mintick == 0.01)
        #expect(data.symbol.timezone == "UTC")
        #expect(data.symbol.pointvalue == 1)
        #expect(data.symbol.openingHours.count == 7)
        #expect(data.bars.time.first == 1_729_371_600_000)
        #expect(data.bars.close.last == 2365.09)
        #expect(data.bars == (try DataImporter.loadCSV(path: csv)))
        #expect(FileManager.default.fileExists(atPath: data.ohlcvPath))
        #expect(!DataConverter.isConversionRequired(sourcePath: csv, ohlcvPath: data.ohlcvPath))

        // Reused: loading again reads the same file (a conversion would write a new one).
        func inode() throws -> Int? {
            try FileManager.default.attributesOfItem(atPath: data.ohlcvPath)[.systemFileNumber] as? Int
        }
        let first = try inode()
        _ = try MarketData.load(path: csv)
        #expect(try inode() == first)

        // A newer source is converted again.
        let text = try String(contentsOfFile: csv, encoding: .utf8)
        let lines = text.unicodeScalars.split(separator: "\n").map { String(String.UnicodeScalarView($0)) }
        let shorter = lines.dropLast(10).joined(separator: "\n") + "\n"
        try Data(shorter.utf8).write(to: URL(fileURLWithPath: csv))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 120)], ofItemAtPath: csv)
        #expect(DataConverter.isConversionRequired(sourcePath: csv, ohlcvPath: data.ohlcvPath))
        let reloaded = try MarketData.load(path: csv)
        #expect(reloaded.bars.count == 53_919)
    }

    /// A source replaced by another that keeps an older modification time
    /// (as unzip, cp -p and rsync -a leave it) is converted again: the old
    /// `.ohlcv` is not read in its place.
    @Test("a source replaced by an older-dated file is converted again")
    func olderReplacementIsConvertedAgain() throws {
        let folder = try TestPaths.scratch()
        let old = "time,open,high,low,close,volume\n2025-01-01 00:00,1,2,0.5,1.5,1\n2025-01-01 01:00,1,2,0.5,1.5,1\n"
        let csv = try TestPaths.write(old, "ETHUSDT.csv", in: folder)
        let past = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: csv)
        #expect(try MarketData.load(path: csv).bars.open == [1, 1])
        // The new file opens its second bar at 51, and carries an even older date.
        let new = "time,open,high,low,close,volume\n2025-01-01 00:00,1,2,0.5,1.5,1\n2025-01-01 01:00,51,52,0.5,1.5,1\n"
        try Data(new.utf8).write(to: URL(fileURLWithPath: csv))
        try FileManager.default.setAttributes([.modificationDate: past.addingTimeInterval(-86_400)], ofItemAtPath: csv)
        #expect(DataConverter.isConversionRequired(sourcePath: csv))
        #expect(try MarketData.load(path: csv).bars.open == [1, 51])
        #expect(!DataConverter.isConversionRequired(sourcePath: csv))
    }

    @Test("naive times in another timezone are converted apart from the UTC ones")
    func timezones() throws {
        let folder = try TestPaths.scratch()
        let csv = try TestPaths.write(
            "time,open,high,low,close,volume\n2025-01-01 02:00,1,2,0.5,1.5,1\n2025-01-01 03:00,1,2,0.5,1.5,1\n",
            "EURUSD.csv", in: folder)
        let utc = try MarketData.load(path: csv)
        let athens = try MarketData.load(path: csv, timezone: "Europe/Athens")
        #expect(utc.ohlcvPath == folder + "/EURUSD.ohlcv")
        #expect(athens.ohlcvPath == folder + "/EURUSD.tz-Europe_Athens.ohlcv")
        #expect(athens.bars.time.map { $0 + 7_200_000 } == utc.bars.time)
        #expect(try MarketData.load(path: csv).bars.time == utc.bars.time)
        #expect(throws: ImportError.self) { try MarketData.load(path: csv, timezone: "Nowhere/Land") }
    }

    @Test("uses the symbol TOML beside the data file; opens .ohlcv directly")
    func symbolFile() throws {
        let folder = try TestPaths.scratch()
        let store = makeStore(count: 30, step: 3_600_000)
        let ohlcv = folder + "/BTCUSDT.ohlcv"
        let writer = try OHLCVWriter(path: ohlcv, timeframe: try Timeframe(parsing: "60"), truncate: true)
        try writer.append(store)
        try writer.close()
        try FileManager.default.copyItem(atPath: TestPaths.fixture("bar_magnifier_60m.toml"), toPath: folder + "/BTCUSDT.toml")
        let data = try MarketData.load(path: ohlcv)
        #expect(data.bars == store)
        #expect(data.symbol.prefix == "BINANCE")
        #expect(data.symbol.timezone == "Etc/UTC")
        #expect(data.timeframe?.description == "60")
        #expect(data.gaps.isEmpty)

        #expect(throws: ImportError.self) { try MarketData.load(path: folder + "/none.csv") }
        let broken = try TestPaths.write("garbage", "broken.ohlcv", in: folder)
        #expect(throws: OHLCVFileError.self) { try MarketData.load(path: broken) }
    }

    @Test("convert writes the .ohlcv and a PyneCore symbol TOML, honouring --tick and --symbol")
    func convert() throws {
        let folder = try TestPaths.scratch()
        let csv = try TestPaths.write(
            "time,open,high,low,close,volume\n2025-01-01,1.5,2,1,1.75,10\n2025-01-02,1.75,1.8,1.7,1.8,0\n2025-01-04,1.8,1.9,1.7,1.85,3\n",
            "BYBIT_SOLUSDT_1D.csv", in: folder)
        let result = try DataConverter.convert(sourcePath: csv, tick: 0.05)
        #expect(result.timeframe?.description == "1D")
        #expect(result.gaps.count == 1 && result.gaps[0].missingBars == 1)
        #expect(result.symbol.ticker == "SOLUSDT")
        #expect(result.symbol.prefix == "BYBIT")
        #expect(result.symbol.mintick == 0.05 && result.symbol.pricescale == 20)
        let toml = try #require(result.writtenSymbolPath)
        let info = try SymbolInfo.load(path: toml)
        #expect(info == result.symbol)
        let reader = try OHLCVReader(path: result.ohlcvPath)
        #expect(reader.tickGrid == TickGrid(minmove: 1, pricescale: 20))
        #expect(reader.barStore() == result.bars)
        #expect(reader.isDense == false)
        let second = try DataConverter.convert(sourcePath: csv, symbol: "SOL/USDC")
        #expect(second.writtenSymbolPath == nil)
    }
}
