import PFData
@testable import PineEngine
import PineLanguage
import Testing

/// The support checker (PineLanguage's registry) and the engine must agree
/// on which built-in functions exist: every function the checker accepts is
/// run by the engine;
/// every function the engine runs is known to the checker.
@Suite struct BuiltinRegistryAgreementTests {
    @Test func everyCheckedFunctionIsRunOrExplicitlyRejected() {
        let engine = Set(BuiltinLibrary.functions.keys).union(BuiltinLibrary.declarations)
        let missing = Set(Builtins.functions.keys).subtracting(engine).sorted()
        #expect(missing.isEmpty, "accepted by the checker, unknown to the engine: \(missing.joined(separator: ", "))")
    }

    @Test func everyEngineFunctionIsKnownToTheChecker() {
        let extra = Set(BuiltinLibrary.functions.keys).subtracting(Builtins.functions.keys).sorted()
        #expect(extra.isEmpty, "run by the engine, unknown to the checker: \(extra.joined(separator: ", "))")
    }

    /// Every built-in variable the checker accepts compiles in the engine and reads a value
    /// (numbers, bools and strings through a plot; the opaque constants as arguments).
    @Test func everyCheckedVariableCompilesAndRuns() throws {
        let bars = BarStore(
            time: [0, 900_000, 1_800_000], open: [1, 2, 3], high: [2, 3, 4], low: [0.5, 1.5, 2.5], close: [1.5, 2.5, 3.5],
            volume: [10, 20, 30])
        let data = try PreparedData(store: bars, sourceTimeframe: Timeframe("15"))
        var failures: [String] = []
        for (name, variable) in Builtins.variables.sorted(by: { $0.key < $1.key }) {
            let use: String
            switch variable.type {
            case "string": use = "x = str.length(\(name))\nplot(x)"
            case "bool": use = "x = \(name) ? 1 : 0\nplot(x)"
            case "float", "int": use = "x = \(name)\nplot(x)"
            case "color": use = "plot(close, color = \(name))"
            case "sort_order": use = "a = array.from(2.0, 1.0)\narray.sort(a, \(name))\nplot(array.get(a, 0))"
            default: use = "x = \(name)\nplot(close)"
            }
            let source = "//@version=6\nstrategy(\"v\")\n" + use + "\n"
            do {
                let program = try PineProgram.compile(source: source, fileName: "v.pine")
                _ = try ScriptRunner(program: program, data: data).run(RunOptions(), recordPlots: true)
            } catch {
                failures.append("\(name): \(error)")
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// Symbol and timeframe information reaches the script from the symbol file and the data.
    @Test func symbolAndTimeframeVariablesReadTheData() throws {
        let source = """
            //@version=6
            indicator("s")
            plot(str.length(syminfo.tickerid), "tickerid")
            plot(str.length(timeframe.period), "period")
            plot(timeframe.multiplier, "multiplier")
            plot(timeframe.isintraday ? 1 : 0, "intraday")
            plot(syminfo.pricescale, "pricescale")
            plot(syminfo.tickerid == "BINANCE:ETHUSDT" ? 1 : 0, "exact")
            plot(timeframe.period == "60" ? 1 : 0, "sixty")
            """
        let symbol = SymbolInfo(prefix: "BINANCE", ticker: "ETHUSDT", currency: "USDT", period: "15", mintick: 0.01)
        let bars = BarStore(
            time: (0..<8).map { Int64($0) * 900_000 }, open: Array(repeating: 1, count: 8),
            high: Array(repeating: 2, count: 8), low: Array(repeating: 0.5, count: 8), close: Array(repeating: 1.5, count: 8),
            volume: Array(repeating: 1, count: 8))
        let market = MarketData(
            bars: bars, timeframe: Timeframe("15"), symbol: symbol, sourcePath: "x.csv", ohlcvPath: "x.ohlcv", gaps: [])
        let data = try PreparedData(market: market, scriptTimeframe: "60")
        let program = try PineProgram.compile(source: source, fileName: "s.pine")
        let result = try ScriptRunner(program: program, data: data).run(RunOptions(), recordPlots: true)
        let last = result.lastPlotValues
        #expect(last["tickerid"] == 15)
        #expect(last["period"] == 2)
        #expect(last["multiplier"] == 60)
        #expect(last["intraday"] == 1)
        #expect(last["pricescale"] == 100)
        #expect(last["exact"] == 1)
        #expect(last["sixty"] == 1)
    }

    @Test func drawingNamespacesAreNoOpsOnBothSides() throws {
        let source = """
            //@version=6
            indicator("drawings")
            var label l = na
            l := label.new(bar_index, high, "x")
            line.new(bar_index, low, bar_index + 1, high)
            x = ta.sma(close, 3)
            plot(x)
            """
        let checked = PineFrontEnd.check(source: source, fileName: "d.pine")
        #expect(!checked.hasErrors, "\(checked.renderedDiagnostics)")
        let program = try PineProgram.compile(source: source, fileName: "d.pine")
        #expect(program.plotTitles == ["plot_0"])
    }

    @Test func unsupportedBuiltinFailsAtCompileTimeWithItsName() {
        let source = """
            //@version=6
            strategy("risk")
            x = request.financial(syminfo.tickerid, "EBITDA", "FQ")
            """
        #expect {
            _ = try PineProgram.compile(source: source, fileName: "r.pine")
        } throws: { error in
            "\(error)".contains("request.financial") && "\(error)".contains("r.pine:3")
        }
    }

    /// The account is in the symbol's currency (another one is refused), so conversions are
    /// the identity; `strategy.default_entry_qty` sizes like an entry would.
    @Test func conversionsAndDefaultEntryQuantity() throws {
        let source = """
            //@version=6
            strategy("q", initial_capital = 10000, default_qty_type = strategy.percent_of_equity, default_qty_value = 50)
            plot(strategy.default_entry_qty(200), "qty")
            plot(strategy.convert_to_account(123.5) + strategy.convert_to_symbol(1), "conv")
            """
        let bars = BarStore(
            time: [0, 900_000, 1_800_000], open: [1, 2, 3], high: [2, 3, 4], low: [0.5, 1.5, 2.5], close: [1.5, 2.5, 3.5],
            volume: [10, 20, 30])
        let data = try PreparedData(store: bars, sourceTimeframe: Timeframe("15"))
        let result = try ScriptRunner(program: try PineProgram.compile(source: source, fileName: "q.pine"), data: data)
            .run(RunOptions(), recordPlots: true)
        #expect(result.plots.first { $0.title == "qty" }?.values.last == 25)
        #expect(result.plots.first { $0.title == "conv" }?.values.last == 124.5)
    }
}
