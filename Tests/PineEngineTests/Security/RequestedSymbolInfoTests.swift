import Foundation
import PFData
import XCTest

@testable import PineEngine

/// `syminfo.*` read inside the expression of a request for another symbol
/// gives that symbol's properties (TradingView evaluates the expression in
/// the requested symbol's context); a property pfopt does not know for it
/// stops the run at the variable, naming the property and the ticker.
final class RequestedSymbolInfoTests: XCTestCase {
    private static let bars = PineParityFeed.prefix(400)

    /// A folder with `name.csv` holding `bars`, and `name.toml` when `symbol` is given.
    private func dataFile(_ name: String, symbol: SymbolInfo?) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pfopt-reqsym-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        var csv = "time,open,high,low,close,volume\n"
        let b = Self.bars
        for i in 0..<b.count {
            csv += "\(UTCCalendar.isoString(milliseconds: b.time[i])),\(b.open[i]),\(b.high[i]),\(b.low[i]),\(b.close[i]),\(b.volume[i])\n"
        }
        let path = folder.appendingPathComponent(name + ".csv").path
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        if let symbol { try symbol.save(path: folder.appendingPathComponent(name + ".toml").path) }
        return path
    }

    private func data(symbols: [String: String]) throws -> PreparedData {
        let data = try PreparedData(store: Self.bars, sourceTimeframe: Timeframe("15"))
        try data.addSymbols(symbols)
        return data
    }

    private static let eurSymbol: SymbolInfo = {
        var s = SymbolInfo(
            prefix: "KRAKEN", description: "Ether / Euro", ticker: "ETHEUR", currency: "EUR", basecurrency: "ETH",
            period: "15", type: "crypto", mintick: 0.05, pricescale: 100, minmove: 5, pointvalue: 2, mincontract: 0.001,
            timezone: "America/New_York", volumetype: "quote")
        s.session = "regular"
        return s
    }()

    func testTheRequestedSymbolsFileGivesItsProperties() throws {
        let path = try dataFile("ETHEUR", symbol: Self.eurSymbol)
        let data = try data(symbols: ["KRAKEN:ETHEUR": path])
        let plots = try ScriptHarness.run(
            ScriptHarness.source(
                """
                r(x) => request.security("KRAKEN:ETHEUR", "60", x)
                plot(r(syminfo.mintick), "tick")
                plot(r(syminfo.pointvalue), "pv")
                plot(r(syminfo.pricescale), "scale")
                plot(r(syminfo.mincontract), "minqty")
                plot(r(syminfo.currency == "EUR" and syminfo.basecurrency == "ETH" ? 1 : 0), "cur")
                plot(r(syminfo.ticker == "ETHEUR" and syminfo.tickerid == "KRAKEN:ETHEUR" and syminfo.prefix == "KRAKEN" ? 1 : 0), "ids")
                plot(r(syminfo.timezone == "America/New_York" and syminfo.description == "Ether / Euro" and syminfo.volumetype == "quote" ? 1 : 0), "text")
                plot(r(hour), "hour")
                plot(syminfo.mintick, "chartTick")
                plot(request.security(syminfo.tickerid, "60", syminfo.mintick), "ownTick")
                """), fileName: "s.pine", data: data
        ).plotSeries
        // The hour bars of the chart's 15-minute feed: lookahead_off shows the
        // last hour closed by each chart bar's close.
        let hours = SecurityTestSupport.Buckets(Self.bars, length: 3_600_000)
        let zone = try XCTUnwrap(TimeZone(identifier: "America/New_York"))
        var tick: [Double] = [], pv: [Double] = [], scale: [Double] = [], minqty: [Double] = [], one: [Double] = []
        var hour: [Double] = []
        for i in 0..<Self.bars.count {
            let k = hours.closed(i, Self.bars)
            let seen = k >= 0
            tick.append(seen ? 0.05 : .nan)
            pv.append(seen ? 2 : .nan)
            scale.append(seen ? 100 : .nan)
            minqty.append(seen ? 0.001 : .nan)
            one.append(seen ? 1 : .nan)
            if seen {
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = zone
                let date = Date(timeIntervalSince1970: Double(hours.start[k]) / 1000)
                hour.append(Double(calendar.component(.hour, from: date)))
            } else {
                hour.append(.nan)
            }
        }
        XCTAssertTrue(ScriptHarness.same(plots["tick"], tick), "\(plots["tick"]?.prefix(8) ?? [])")
        XCTAssertTrue(ScriptHarness.same(plots["pv"], pv))
        XCTAssertTrue(ScriptHarness.same(plots["scale"], scale))
        XCTAssertTrue(ScriptHarness.same(plots["minqty"], minqty))
        XCTAssertTrue(ScriptHarness.same(plots["cur"], one))
        XCTAssertTrue(ScriptHarness.same(plots["ids"], one))
        XCTAssertTrue(ScriptHarness.same(plots["text"], one))
        XCTAssertTrue(ScriptHarness.same(plots["hour"], hour), "\(plots["hour"]?.prefix(12) ?? [])")
        // The chart's own symbol keeps its own properties (no symbol file: tick 0.01).
        XCTAssertEqual(plots["chartTick"]?.last, 0.01)
        XCTAssertEqual(plots["ownTick"]?.last, 0.01)
    }

    func testWithoutASymbolFileOnlyWhatTheDataShowsIsKnown() throws {
        let path = try dataFile("SOLUSDT", symbol: nil)
        let data = try data(symbols: ["SOLUSDT": path])
        // The ticker as written, the tick of the prices, the currencies of the file name.
        let plots = try ScriptHarness.run(
            ScriptHarness.source(
                """
                plot(request.security("BINANCE:SOLUSDT", "60", syminfo.ticker == "SOLUSDT" and syminfo.tickerid == "BINANCE:SOLUSDT" ? 1 : 0), "ids")
                plot(request.security("SOLUSDT", "60", syminfo.currency == "USDT" and syminfo.basecurrency == "SOL" ? 1 : 0), "cur")
                plot(request.security("SOLUSDT", "60", syminfo.mintick), "tick")
                """), fileName: "s.pine", data: data
        ).plotSeries
        XCTAssertEqual(plots["ids"]?.last, 1)
        XCTAssertEqual(plots["cur"]?.last, 1)
        XCTAssertEqual(plots["tick"]?.last, TickAnalysis.tickSize(of: Self.bars))
        // Properties only a symbol file gives: refused where they are read.
        for (name, isText) in [
            ("syminfo.pointvalue", false), ("syminfo.type", true), ("syminfo.timezone", true),
            ("syminfo.session", true), ("syminfo.description", true), ("syminfo.mincontract", false),
        ] {
            let expression = isText ? "\(name) == \"x\" ? 0 : 1" : "na(\(name)) ? 0 : 1"
            let message =
                ScriptHarness.failure {
                    try ScriptHarness.run(
                        ScriptHarness.source("plot(request.security(\"SOLUSDT\", \"60\", \(expression)))"),
                        fileName: "s.pine", data: data)
                } ?? ""
            XCTAssertTrue(message.contains("s.pine:3:\(isText ? 40 : 43)"), message)
            XCTAssertTrue(message.contains("\(name) of SOLUSDT is unknown"), message)
            XCTAssertTrue(message.contains("SOLUSDT.toml"), message)
        }
        // The exchange is unknown unless the script writes it.
        let tickerid =
            ScriptHarness.failure {
                try ScriptHarness.run(
                    ScriptHarness.source("plot(request.security(\"SOLUSDT\", \"60\", syminfo.tickerid == \"\" ? 0 : 1))"),
                    fileName: "s.pine", data: data)
            } ?? ""
        XCTAssertTrue(tickerid.contains("syminfo.tickerid of SOLUSDT is unknown"), tickerid)
    }

    func testTextKeptWithVarFromTheChartsSymbolInfo() throws {
        let path = try dataFile("ETHEUR", symbol: Self.eurSymbol)
        let data = try data(symbols: ["KRAKEN:ETHEUR": path])
        // The chart's own other timeframe reads it as the chart does (no symbol file: an empty ticker).
        let own = try ScriptHarness.run(
            ScriptHarness.source(
                """
                var string t = syminfo.ticker
                plot(request.security(syminfo.tickerid, "60", t == "" ? 1 : 0), "own")
                """), fileName: "s.pine", data: data
        ).plotSeries
        XCTAssertEqual(own["own"]?.last, 1)
        // In another symbol's context it would be that symbol's ticker: refused there.
        let other =
            ScriptHarness.failure {
                try ScriptHarness.run(
                    ScriptHarness.source(
                        """
                        var string t = syminfo.ticker
                        plot(request.security("KRAKEN:ETHEUR", "60", t == "" ? 1 : 0))
                        """), fileName: "s.pine", data: data)
            } ?? ""
        XCTAssertTrue(other.contains("s.pine:4:46"), other)
        XCTAssertTrue(other.contains("'t' is kept with var from syminfo.* of the chart's symbol"), other)
    }
}
