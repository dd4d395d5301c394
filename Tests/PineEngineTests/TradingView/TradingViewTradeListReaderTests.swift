import Testing

/// The export reader itself: times with offsets, duplicate rows, the open last trade.
@Suite("TradingView trade-list reader")
struct TradingViewTradeListReaderTests {
    @Test func timesWithOffsetsBecomeUnixMilliseconds() {
        // 2022-01-03 09:00 UTC = 1641200400 s.
        #expect(TVExportTime.unixMs("2022-01-03T04:00:00-0500") == 1_641_200_400_000)
        #expect(TVExportTime.unixMs("2022-01-03T04:00:00-05:00") == 1_641_200_400_000)
        #expect(TVExportTime.unixMs("2022-01-03T09:00:00+0000") == 1_641_200_400_000)
        #expect(TVExportTime.unixMs("2022-01-03T09:00:00Z") == 1_641_200_400_000)
        #expect(TVExportTime.unixMs("2025-09-12T16:00:00-0400") == 1_757_707_200_000)
        #expect(TVExportTime.unixMs("not a time") == nil)
    }

    @Test func twoRowsPerTradeDuplicatesReadOnceOpenTradeSetApart() throws {
        let csv = """
            Trade #,Type,Date/Time,Signal,Price USD,Position size (qty),Position size (value),Net P&L USD,Net P&L %
            1,Entry long,2022-01-03T04:00:00-0500,Long Entry,1.13476,1,1.13476,-0.01,-0.67
            1,Exit long,2022-01-03T14:00:00-0500,Long Exit,1.1294,1,1.13476,-0.01,-0.67
            2,Entry short,2022-01-04T10:00:00-0500,Short Entry,1.1284,2.5,1.1284,-0.002,-0.15
            2,Exit short,2022-01-04T20:00:00-0500,Short Exit,1.12781,2.5,1.1284,-0.002,-0.15
            2,Entry short,2022-01-04T10:00:00-0500,Short Entry,1.1284,2.5,1.1284,-0.002,-0.15
            2,Exit short,2022-01-04T20:00:00-0500,Short Exit,1.12781,2.5,1.1284,-0.002,-0.15
            3,Entry long,2022-01-05T10:00:00-0500,L,1.13,1,1.13,0.001,0.05
            3,Exit long,2022-01-05T16:00:00-0500,Open,1.131,1,1.13,0.001,0.05
            """
        let list = try TVTradeList(csv: csv)
        #expect(list.closed.count == 2)
        let first = try #require(list.closed.first)
        #expect(first.isLong)
        #expect(first.entrySignal == "Long Entry" && first.exitSignal == "Long Exit")
        #expect(first.entryPrice == 1.13476 && first.exitPrice == 1.1294)
        #expect(first.entryTime == 1_641_200_400_000)
        #expect(first.exitTime == 1_641_236_400_000)
        #expect(first.pnlPercent == -0.67)
        let second = list.closed[1]
        #expect(!second.isLong && second.qty == 2.5 && second.number == 2)
        #expect(list.open?.number == 3)
        #expect(list.open?.entrySignal == "L")
    }

    @Test func anExitRowWithoutSignalIsTheOpenTrade() throws {
        let csv = """
            Trade #,Type,Date/Time,Signal,Price USD,Position size (qty),Position size (value),Net P&L USD,Net P&L %
            1,Entry long,2026-05-10T20:00:00-0400,L,98.8,1,98.8,-712.5,-1.44
            1,Exit long,2026-05-11T06:00:00-0400,,97.375,1,98.8,-712.5,-1.44
            """
        let list = try TVTradeList(csv: csv)
        #expect(list.closed.isEmpty)
        #expect(list.open?.exitPrice == 97.375)
    }

    @Test func theFixtureExportsParse() throws {
        let rsi = try TVStrategyFixtures.tradeList("rsi_trades.csv")
        #expect(rsi.closed.count == 193)
        #expect(rsi.open?.number == 194)
        let basic = try TVStrategyFixtures.tradeList("slippage_basic_trades.csv")
        #expect(basic.closed.map(\.exitSignal) == ["Long Exit", "Short Exit"])
        #expect(basic.open == nil)
    }
}
