import Foundation
import Testing

@testable import PFData

@Suite("SymbolInfo")
struct SymbolInfoTests {
    @Test("loads PyneCore's TOML (crypto, 24x7)")
    func loadCrypto() throws {
        let info = try SymbolInfo.load(path: TestPaths.fixture("bar_magnifier_60m.toml"))
        #expect(info.prefix == "BINANCE")
        #expect(info.ticker == "BTCUSDT")
        #expect(info.currency == "USDT")
        #expect(info.basecurrency == "BTC")
        #expect(info.period == "60")
        #expect(info.type == "crypto")
        #expect(info.mintick == 0.01)
        #expect(info.pricescale == 100)
        #expect(info.minmove == 1)
        #expect(info.pointvalue == 1)
        #expect(info.timezone == "Etc/UTC")
        #expect(info.openingHours.count == 7)
        #expect(info.openingHours.allSatisfy { $0.start == .midnight && $0.end == .midnight })
        #expect(info.sessionStarts.map(\.day) == Array(0...6))
        #expect(info.sessionEnds.count == 7)
    }

    @Test("loads PyneCore's TOML (forex sessions, float minmove)")
    func loadForex() throws {
        let info = try SymbolInfo.load(path: TestPaths.fixture("vwap.toml"))
        #expect(info.timezone == "US/Eastern")
        #expect(info.mintick == 0.00001)
        #expect(info.pricescale == 100_000)
        #expect(info.minmove == 1)
        #expect(info.avgSpread == 0.00008096)
        #expect(info.openingHours.count == 10)
        #expect(info.openingHours[1] == TradingInterval(day: 0, start: TimeOfDay("17:05:00")!, end: .midnight))
        #expect(info.sessionStarts.last == SessionTime(day: 6, time: TimeOfDay("17:00:00")!))
        #expect(info.sessionEnds.count == 5)
    }

    @Test("save then load gives the same symbol")
    func roundTrip() throws {
        let folder = try TestPaths.scratch()
        var info = try SymbolInfo.load(path: TestPaths.fixture("vwap.toml"))
        info.mincontract = 0.001
        info.takerFee = 0.0004
        info.referenceFields["country"] = .string("US")
        info.downloadProvider = "capitalcom:EURUSD@15"
        info.sessionCorrections = [
            SessionCorrection(
                dates: ["2025-12-24", "2025-12-31"],
                openingHours: [ClockRange(start: .midnight, end: TimeOfDay("13:00:00")!)])
        ]
        let path = folder + "/EURUSD.toml"
        try info.save(path: path)
        let back = try SymbolInfo.load(path: path)
        #expect(back == info)
    }

    @Test("unknown keys, missing keys and wrong types are errors naming the key")
    func strict() throws {
        let base = try String(contentsOfFile: TestPaths.fixture("bar_magnifier_60m.toml"), encoding: .utf8)
        let unknown = base.replacingOccurrences(of: "volumetype = \"base\"", with: "volumetype = \"base\"\nlotsize = 3")
        #expect(throws: SymbolInfoError.unknownKey(file: "x.toml", key: "symbol.lotsize")) {
            try SymbolInfo.parse(toml: unknown, file: "x.toml")
        }
        let missing = base.replacingOccurrences(of: "mintick = 0.01000000\n", with: "")
        #expect(throws: SymbolInfoError.missingKey(file: "x.toml", key: "symbol.mintick")) {
            try SymbolInfo.parse(toml: missing, file: "x.toml")
        }
        let wrong = base.replacingOccurrences(of: "pricescale = 100", with: "pricescale = \"100\"")
        #expect(throws: SymbolInfoError.wrongType(file: "x.toml", key: "symbol.pricescale", expected: "a whole number")) {
            try SymbolInfo.parse(toml: wrong, file: "x.toml")
        }
        let badDay = base.replacingOccurrences(of: "day = 6\nstart", with: "day = 7\nstart")
        #expect(throws: SymbolInfoError.self) { try SymbolInfo.parse(toml: badDay, file: "x.toml") }
        do {
            _ = try SymbolInfo.parse(toml: "[symbol\nprefix = 1", file: "x.toml")
            Issue.record("malformed TOML was accepted")
        } catch let error as SymbolInfoError {
            guard case .syntax(let file, let line, _, _) = error else {
                Issue.record("expected a syntax error, got \(error)")
                return
            }
            #expect(file == "x.toml" && line == 1)
        }
    }

    @Test("tick grids and file-name guesses")
    func gridAndGuess() {
        #expect(TickGrid(mintick: 0.01) == TickGrid(minmove: 1, pricescale: 100))
        #expect(TickGrid(mintick: 0.05) == TickGrid(minmove: 1, pricescale: 20))
        #expect(TickGrid(mintick: 0.03) == TickGrid(minmove: 3, pricescale: 100))
        #expect(TickGrid(mintick: 2.5) == TickGrid(minmove: 25, pricescale: 10))
        #expect(TickGrid(mintick: 0.000075) == TickGrid(minmove: 75, pricescale: 1_000_000))
        #expect(TickGrid(mintick: 0) == nil)

        let btc = SymbolGuess(fileName: "data/BTCUSDT.csv")
        #expect(btc.symbol == "BTC/USDT" && btc.provider == nil)
        let bybit = SymbolGuess(fileName: "BYBIT_ETHUSDT_1h.csv")
        #expect(bybit.symbol == "ETH/USDT" && bybit.provider == "bybit")
        let perp = SymbolGuess(fileName: "ETHUSDT-PERP_15m.csv")
        #expect(perp.symbol == "ETH/USDT" && perp.ticker == "ETHUSDT" && perp.type == "crypto")
        let fx = SymbolGuess(fileName: "EURUSD_1D.csv")
        #expect(fx.symbol == "EUR/USD" && fx.type == "forex")
    }
}
