import Foundation
import Testing

@testable import PFData

@Suite("Import")
struct ImportTests {
    let jan1 = Int64(1_735_689_600_000)

    @Test("CSV with epoch ms, ISO times, TSV/semicolon/pipe, case-insensitive names")
    func delimited() throws {
        let folder = try TestPaths.scratch()
        let csv = try TestPaths.write(
            "Timestamp,Open,High,Low,Close,Volume\n1735689600000,1.5,2,1,1.75,10\n1735689660000,1.75,1.8,1.7,1.8,0\n",
            "a.csv", in: folder)
        let a = try DataImporter.load(path: csv)
        #expect(a.time == [jan1, jan1 + 60_000])
        #expect(a.close == [1.75, 1.8])
        let tsv = try TestPaths.write(
            "date\topen\thigh\tlow\tclose\tvolume\r\n2025-01-01T00:00:00Z\t1.5\t2\t1\t1.75\t10\r\n2025-01-01T00:01:00Z\t1.75\t1.8\t1.7\t1.8\t0\r\n",
            "a.tsv", in: folder)
        #expect(try DataImporter.load(path: tsv) == a)
        let semi = try TestPaths.write(
            "time;open;high;low;close;volume\n2025-01-01 01:00;1.5;2;1;1.75;10\n2025-01-01 01:01;1.75;1.8;1.7;1.8;0\n",
            "a.txt", in: folder)
        #expect(try DataImporter.load(path: semi, options: ImportOptions(timezone: "+01:00")) == a)
        let pipe = try TestPaths.write(
            "datetime|open|high|low|close|volume\n1735689600|1.5|2|1|1.75|10\n1735689660|1.75|1.8|1.7|1.8|0\n",
            "b.txt", in: folder)
        #expect(try DataImporter.load(path: pipe) == a)
        let split = try TestPaths.write(
            "Date,Time,Open,High,Low,Close,Volume\n2025.01.01,00:00,1.5,2,1,1.75,10\n2025.01.01,00:01,1.75,1.8,1.7,1.8,0\n",
            "mt4.csv", in: folder)
        #expect(try DataImporter.load(path: split) == a)
        let formatted = try TestPaths.write(
            "when,open,high,low,close\n01/01/25 00h00,1.5,2,1,1.75\n01/01/25 00h01,1.75,1.8,1.7,1.8\n", "f.csv", in: folder)
        let f = try DataImporter.load(
            path: formatted, options: ImportOptions(timestampColumn: "when", timestampFormat: "%d/%m/%y %Hh%M"))
        #expect(f.time == a.time && f.volume == [0, 0])
    }

    @Test("quoted fields, blank lines, CRLF and a BOM")
    func quoting() throws {
        let folder = try TestPaths.scratch()
        let text = "\u{FEFF}\"time\",\"open\",\"high\",\"low\",\"close\",\"volume\",\"note\"\r\n\r\n"
            + "\"2025-01-01 00:00:00\",\"1.5\",2,1,1.75,10,\"a, b\"\r\n,,,,,,\r\n"
            + "\"2025-01-01 00:01:00\",1.75,1.8,1.7,1.8,0,\"\"\r\n"
        let path = try TestPaths.write(text, "q.csv", in: folder)
        let store = try DataImporter.load(path: path)
        #expect(store.time == [jan1, jan1 + 60_000])
        #expect(store.open == [1.5, 1.75])
        #expect(store.volume == [10, 0])
    }

    @Test("a failed conversion writes nothing")
    func nothingHalfWritten() throws {
        let folder = try TestPaths.scratch()
        let good = "timestamp,open,high,low,close,volume\n1735689600000,1,2,0.5,1.5,1\n1735689660000,1,2,0.5,1.5,1\n"
        let path = try TestPaths.write(good + "1735689720000,1,2,x,1.5,1\n", "BTCUSDT.csv", in: folder)
        #expect(throws: ImportError.self) { try DataConverter.convert(sourcePath: path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["BTCUSDT.csv"])
        // An existing good .ohlcv survives a failed re-conversion untouched.
        try Data(good.utf8).write(to: URL(fileURLWithPath: path))
        let first = try DataConverter.convert(sourcePath: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: first.ohlcvPath))
        try Data((good + "1735689600000,1,2,0.5,1.5,1\n").utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: ImportError.self) { try DataConverter.convert(sourcePath: path, force: true) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: first.ohlcvPath)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["BTCUSDT.csv", "BTCUSDT.ohlcv", "BTCUSDT.toml"])
    }

    @Test("JSON arrays, wrapped arrays and arrays of arrays")
    func json() throws {
        let folder = try TestPaths.scratch()
        let plain = try TestPaths.write(
            #"[{"time": 1735689600000, "open": 1.5, "high": 2, "low": 1, "close": 1.75, "volume": 10},"#
                + #"{"time": "2025-01-01T00:01:00Z", "open": "1.75", "high": 1.8, "low": 1.7, "close": 1.8, "volume": 0}]"#,
            "p.json", in: folder)
        let a = try DataImporter.load(path: plain)
        #expect(a.time == [jan1, jan1 + 60_000])
        #expect(a.open == [1.5, 1.75])
        let wrapped = try TestPaths.write(
            #"{"status": "ok", "candles": [{"Timestamp": 1735689600, "O": 1.5, "H": 2, "L": 1, "C": 1.75, "V": 10},"#
                + #"{"Timestamp": 1735689660, "O": 1.75, "H": 1.8, "L": 1.7, "C": 1.8, "V": 0}]}"#,
            "w.json", in: folder)
        #expect(try DataImporter.load(path: wrapped) == a)
        let arrays = try TestPaths.write(
            #"{"data": [[1735689600000, "1.5", "2", "1", "1.75", "10"], [1735689660000, "1.75", "1.8", "1.7", "1.8", "0"]]}"#,
            "k.json", in: folder)
        #expect(try DataImporter.load(path: arrays) == a)
    }

    @Test("bad input: one-line errors naming the file and line")
    func badInput() throws {
        let folder = try TestPaths.scratch()
        let header = "timestamp,open,high,low,close,volume\n"
        let ok = "1735689600000,1,2,0.5,1.5,1\n"
        let cases: [(String, String, String)] = [
            ("empty", "", "the file holds no bars"),
            ("header only", header, "the file holds no bars"),
            ("missing column", "timestamp,open,high,close,volume\n1,1,1,1,1\n", "missing column \"low\""),
            ("no time", "open,high,low,close\n1,2,0.5,1\n", "missing column \"timestamp\""),
            ("non-numeric", header + ok + "1735689660000,1,abc,0.5,1.5,1\n", ":3: column \"high\": not a number: \"abc\""),
            ("empty cell", header + "1735689600000,1,2,,1.5,1\n", ":2: column \"low\": empty cell"),
            ("NaN", header + "1735689600000,nan,2,0.5,1.5,1\n", ":2: open is NaN"),
            ("inf", header + "1735689600000,1,inf,0.5,1.5,1\n", ":2: high is infinite"),
            ("negative", header + "1735689600000,1,2,-0.5,1.5,1\n", ":2: low is not positive"),
            ("high < low", header + "1735689600000,1,0.4,0.5,1,1\n", ":2: high 0.4 is below low 0.5"),
            ("unsorted", header + "1735689660000,1,2,0.5,1.5,1\n" + ok, ":3: time 2025-01-01T00:00:00Z is earlier than line 2"),
            ("duplicate", header + ok + ok, ":3: duplicate time 2025-01-01T00:00:00Z (also on line 2)"),
            ("bad time", header + "yesterday,1,2,0.5,1.5,1\n", ":2: column \"timestamp\": not a time: \"yesterday\""),
            ("short row", header + "1735689600000,1,2\n", ":2: the row has 3 fields"),
        ]
        for (index, (label, text, expected)) in cases.enumerated() {
            let path = try TestPaths.write(text, "bad\(index).csv", in: folder)
            do {
                _ = try DataImporter.load(path: path)
                Issue.record("\(label): accepted")
            } catch let error as ImportError {
                let message = error.description
                #expect(message.hasPrefix(path), "\(label): \(message)")
                #expect(message.contains(expected), "\(label): \(message)")
                #expect(!message.contains("\n"), "\(label)")
            }
        }
        let badJSON = try TestPaths.write("{\"oops\": 3}", "bad.json", in: folder)
        #expect(throws: ImportError.self) { try DataImporter.load(path: badJSON) }
        let notJSON = try TestPaths.write("[{]", "bad2.json", in: folder)
        #expect(throws: ImportError.self) { try DataImporter.load(path: notJSON) }
    }

    @Test("detects interval, gaps and tick")
    func detection() throws {
        let store = makeStore(count: 100, step: 900_000)
        var times = store.time
        times.remove(at: 50)
        times.remove(at: 50)
        let detected = IntervalDetection.detect(times)
        #expect(detected.timeframe?.description == "15")
        #expect(detected.gaps == [DataGap(afterIndex: 49, lastTime: times[49], nextTime: times[50], missingBars: 2)])
        #expect(TickAnalysis.tickSize(of: store) == 0.01)
        let coarse = BarStore(time: [0, 60_000], open: [100.25, 100.5], high: [101, 101.75], low: [99.5, 100], close: [100.5, 101], volume: [1, 1])
        #expect(TickAnalysis.tickSize(of: coarse) == 0.25)
        let months = [1, 2, 3, 4].map { UTCCalendar.milliseconds(year: 2024, month: Int64($0), day: 1) }
        #expect(IntervalDetection.detect(months).timeframe?.description == "1M")
        #expect(IntervalDetection.detect([0]).timeframe == nil)
    }
}
