import Foundation
import PineEngine
import PineLanguage
import Testing

@testable import PFOptimizer

@Suite struct ConfigTests {
    static let base = """
        [strategy]
        script = "strat.pine"
        [strategy.inputs]
        use_stop = true
        [strategy.overrides]
        initial_capital = 100000
        commission_type = "percent"
        commission_value = 0.05
        slippage = 1

        [data]
        file = "bars.csv"
        from = "2024-02-01"
        to = 2024-06-01

        [search]
        method = "grid"
        constraints = ["fast < slow"]

        [params]
        fast = { from = 5, to = 20, step = 5 }
        "Slow Length" = { from = 10, to = 40, step = 10 }
        mult = { values = [1.5, 2.0] }

        [objective]
        rank_by = "net_profit"
        filters = ["num_trades >= 30"]

        [output]
        dir = "out"
        top = 5
        """

    /// `[strategy.overrides]` takes every key `--override` takes (plus
    /// `currency`), each decoded to the text the engine's override accepts.
    @Test func everyRunOverrideIsAConfigOverride() throws {
        let kinds = Set(StrategySection.overrideKinds.keys)
        #expect(kinds == Set(StrategyProperties.overrideKeys).union(["currency"]))
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        let text = Self.base.replacingOccurrences(
            of: "slippage = 1\n",
            with: """
                slippage = 1
                calc_on_order_fills = true
                allow_entry_in = "strategy.direction.long"
                max_position_size = 3
                risk_free_rate = -0.5
                backtest_fill_limits_assumption = 2

                """)
        let overrides = try SweepConfig.load(path: tmp.config(text)).strategy.overrides
        #expect(overrides["calc_on_order_fills"] == .bool(true))
        #expect(overrides["allow_entry_in"] == .string("long"))
        #expect(overrides["max_position_size"] == .float(3))
        #expect(overrides["risk_free_rate"] == .float(-0.5))
        #expect(overrides["backtest_fill_limits_assumption"] == .int(2))
        var properties = StrategyProperties()
        for (key, value) in overrides where key != "currency" { try properties.apply(override: key, value: value.description) }
        #expect(properties.calcOnOrderFills && properties.allowEntryIn == .long && properties.maxPositionSize == 3)
        #expect(properties.riskFreeRate == -0.5 && properties.fillLimitsAssumption == 2)
    }

    @Test func decodesEverySection() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        let path = tmp.config(Self.base)
        let config = try SweepConfig.load(path: path)
        #expect(config.strategy.scriptPath == tmp.path + "/strat.pine")
        #expect(config.data.file == tmp.path + "/bars.csv")
        #expect(config.data.from == 1_706_745_600_000)
        #expect(config.data.to == 1_717_200_000_000)
        #expect(config.strategy.overrides["commission_type"] == .string("percent"))
        #expect(config.strategy.overrides["slippage"] == .int(1))
        #expect(config.params.map(\.key) == ["fast", "Slow Length", "mult"])
        #expect(config.output.directory == tmp.path + "/out")
        #expect(config.output.top == 5)
        let setup = config.engineSetup()
        #expect(setup.tradeFrom == 1_706_745_600_000)
        #expect(setup.scriptPath == tmp.path + "/strat.pine")
    }

    @Test func unknownKeyNamesKeyAndLine() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        let text = Self.base.replacingOccurrences(of: "top = 5", with: "top = 5\ncolour = \"red\"")
        let path = tmp.config(text)
        do {
            _ = try SweepConfig.load(path: path)
            Issue.record("expected an error")
        } catch {
            #expect(error.key == "output.colour")
            #expect(error.line == 32)
            #expect(error.description.contains(":32: output.colour: unknown key"))
        }
    }

    @Test func unknownKeyInsideInlineTable() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        let text = Self.base.replacingOccurrences(of: "mult = { values = [1.5, 2.0] }", with: "mult = { value = [1.5, 2.0] }")
        let path = tmp.config(text)
        #expect(throws: ConfigError.self) { try SweepConfig.load(path: path) }
        do { _ = try SweepConfig.load(path: path) } catch {
            #expect(error.line == 23)
            #expect(error.key == "params.mult")
        }
    }

    @Test func badOverrideValueAndType() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        for (replace, key, line) in [
            ("slippage = 1", "strategy.overrides.slippage", 9),
            ("commission_type = \"percent\"", "strategy.overrides.commission_type", 7),
        ] {
            let bad = replace.hasPrefix("slippage") ? "slippage = -1" : "commission_type = \"bogus\""
            let path = tmp.config(Self.base.replacingOccurrences(of: replace, with: bad))
            do {
                _ = try SweepConfig.load(path: path)
                Issue.record("expected an error for \(bad)")
            } catch {
                #expect(error.key == key)
                #expect(error.line == line)
            }
        }
    }

    @Test func syntaxErrorHasLineAndColumn() {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        let path = tmp.config("[strategy]\nscript = \"a.pine\"\n[data\n")
        do {
            _ = try SweepConfig.load(path: path)
            Issue.record("expected an error")
        } catch {
            if case .syntax(_, let line, _, _) = error { #expect(line == 3) } else { Issue.record("\(error)") }
        }
    }

    @Test func setOverridesValues() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        let path = tmp.config(Self.base)
        let config = try SweepConfig.load(
            path: path, overrides: ["search.seed=7", "output.top=3", "params.fast.to=30", "search.method=random",
                                    "search.trials=9"])
        #expect(config.search.seed == 7)
        #expect(config.output.top == 3)
        #expect(config.search.method == .random)
        #expect(config.search.trials == 9)
        if case .range(_, let to, _, _) = config.params[0].domain { #expect(to == .int(30)) } else { Issue.record("range") }
        do {
            _ = try SweepConfig.load(path: path, overrides: ["output.top=0"])
            Issue.record("expected an error")
        } catch {
            #expect(error.key == "output.top (from --set)")
            #expect(error.line == nil)
        }
        #expect(throws: ConfigError.self) { try SweepConfig.load(path: path, overrides: ["no-equals"]) }
    }

    @Test func paramsValidatedAgainstInputs() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        let evaluator = FakeEvaluator()
        let cases: [(String, String, String, Int)] = [
            ("fast = { from = 5, to = 20, step = 5 }", "fastt = { from = 5, to = 20 }", "params.fastt", 21),
            ("fast = { from = 5, to = 20, step = 5 }", "fast = { from = 0, to = 20 }", "params.fast.from", 21),
            ("fast = { from = 5, to = 20, step = 5 }", "fast = { from = 5, to = 20.5 }", "params.fast.to", 21),
            ("mult = { values = [1.5, 2.0] }", "mult = { values = [1.5, \"x\"] }", "params.mult.values[1]", 23),
            ("mult = { values = [1.5, 2.0] }", "mode = { values = [\"A\", \"C\"] }", "params.mode.values[1]", 23),
            ("use_stop = true", "use_stop = 3", "strategy.inputs.use_stop", 4),
            ("use_stop = true", "fast = 3", "params.fast", 21),
        ]
        for (from, to, key, line) in cases {
            let path = tmp.config(Self.base.replacingOccurrences(of: from, with: to))
            let config = try SweepConfig.load(path: path)
            do {
                _ = try Sweep(config: config, evaluator: evaluator)
                Issue.record("expected an error for \(to)")
            } catch {
                #expect(error.key == key, "\(to): \(error)")
                #expect(error.line == line, "\(to): \(error)")
            }
        }
    }

    @Test func unknownMetricInFilterIsRejected() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        let path = tmp.config(Self.base.replacingOccurrences(of: "num_trades >= 30", with: "num_trade >= 30"))
        let config = try SweepConfig.load(path: path)
        do {
            _ = try Sweep(config: config, evaluator: FakeEvaluator())
            Issue.record("expected an error")
        } catch {
            #expect(error.key == "objective.filters[0]")
            #expect(error.line == 27)
            #expect(error.description.contains("did you mean num_trades?"))
        }
    }

    @Test func keyLocatorFindsNestedKeys() {
        let text = """
            # comment = 1
            [a]
            x = 1 # trailing
            "quoted key" = { p = 1, q = { r = 2 } }
            [a.b]
            y = "s = t"
            """
        let l = TOMLKeyLocator(text: text)
        #expect(l.line(of: ["a"]) == 2)
        #expect(l.line(of: ["a", "x"]) == 3)
        #expect(l.line(of: ["a", "quoted key", "q", "r"]) == 4)
        #expect(l.line(of: ["a", "b", "y"]) == 6)
        #expect(l.line(of: ["a", "b", "zz"]) == 5)
        #expect(l.line(of: ["s"]) == nil)
    }

    @Test func walkForwardAndDataErrorsNameTheKey() throws {
        let tmp = TempDirectory()
        defer { tmp.cleanup() }
        let cases: [(String, String, Int)] = [
            ("[walkforward]\nin_sample = \"120x\"\nout_of_sample = \"30d\"\n", "walkforward.in_sample", 33),
            ("[walkforward]\nin_sample = \"120d\"\n", "walkforward.out_of_sample", 32),
            ("[walkforward]\nmode = \"sliding\"\nin_sample = \"1y\"\nout_of_sample = \"1M\"\n", "walkforward.mode", 33),
            ("[walkforward]\nin_sample = \"1y\"\nout_of_sample = \"0d\"\n", "walkforward.out_of_sample", 34),
        ]
        for (table, key, line) in cases {
            let path = tmp.config(Self.base + "\n" + table)
            do {
                _ = try SweepConfig.load(path: path)
                Issue.record("expected an error for \(table)")
            } catch {
                #expect(error.key == key, "\(error)")
                #expect(error.line == line, "\(error)")
            }
        }
        let ok = try SweepConfig.load(path: tmp.config(Self.base + "\n[walkforward]\nmode = \"anchored\"\nin_sample = \"5000 bars\"\nout_of_sample = \"2w\"\ngap = \"1d\"\n"))
        #expect(ok.walkForward == WalkForwardSection(mode: .anchored, inSample: .bars(5000), outOfSample: .weeks(2), gap: .days(1)))
        #expect(ok.walkForward?.step == .weeks(2))
        let badDate = tmp.config(Self.base.replacingOccurrences(of: "from = \"2024-02-01\"", with: "from = \"yesterday\""))
        do {
            _ = try SweepConfig.load(path: badDate)
            Issue.record("expected an error")
        } catch {
            #expect(error.key == "data.from")
            #expect(error.line == 13)
        }
        let reversed = tmp.config(Self.base.replacingOccurrences(of: "from = \"2024-02-01\"", with: "from = \"2024-07-01\""))
        #expect(throws: ConfigError.self) { try SweepConfig.load(path: reversed) }
    }
}
