import Testing

@testable import PFOptimizer

@Suite struct ExpressionTests {
    let names = ["a", "b", "net_profit_pct", "max_equity_drawdown_pct", "mode"]

    func eval(_ text: String, _ values: [ExpressionValue]) throws -> ExpressionValue {
        let e = try MetricExpression(text, variables: names)
        return e.evaluate { values[$0] }
    }

    @Test func arithmeticAndPrecedence() throws {
        let v: [ExpressionValue] = [.number(3), .number(4), .number(30), .number(10), .text("EMA")]
        #expect(try eval("a + b * 2", v) == .number(11))
        #expect(try eval("(a + b) * 2", v) == .number(14))
        #expect(try eval("-a ^ 2", v) == .number(-9))
        #expect(try eval("2 ^ 3 ^ 2", v) == .number(512))
        #expect(try eval("b % a", v) == .number(1))
        #expect(try eval("net_profit_pct / max_equity_drawdown_pct", v) == .number(3))
        #expect(try eval("max(a, b, 2) + min(a, b) + abs(-2)", v) == .number(9))
        #expect(try eval("1e3 + 1_000", v) == .number(2000))
    }

    @Test func logicAndComparisons() throws {
        let v: [ExpressionValue] = [.number(3), .number(4), .number(.nan), .number(10), .text("EMA")]
        #expect(try eval("a < b and b <= 4", v).isTrue)
        #expect(try eval("a > b || not (a == 3)", v).isTrue == false)
        #expect(try eval("!(a != 3) && true", v).isTrue)
        #expect(try eval("net_profit_pct > 0", v).isTrue == false)
        #expect(try eval("net_profit_pct <= 0", v).isTrue == false)
        #expect(try eval("na(net_profit_pct)", v).isTrue)
        #expect(try eval("nz(net_profit_pct, -1)", v) == .number(-1))
        #expect(try eval("mode == \"EMA\"", v).isTrue)
        #expect(try eval("mode != 'SMA'", v).isTrue)
    }

    @Test func errorsNameTheColumn() {
        #expect(throws: ExpressionError(column: 5, message: "unknown name \"c\"")) {
            try MetricExpression("a + c", variables: names)
        }
        #expect(throws: ExpressionError.self) { try MetricExpression("a +", variables: names) }
        // A former metric name says what it is called now.
        do {
            _ = try MetricExpression("sharpe_tv > 1", variables: names)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.hasPrefix("sharpe_tv is now called sharpe_monthly (the annualised ratio of monthly returns"))
        }
        #expect(throws: ExpressionError.self) { try MetricExpression("a = b", variables: names) }
        #expect(throws: ExpressionError.self) { try MetricExpression("foo(a)", variables: names) }
        #expect(throws: ExpressionError.self) { try MetricExpression("(a", variables: names) }
        #expect(throws: ExpressionError.self) { try MetricExpression("", variables: names) }
        do {
            _ = try MetricExpression("net_profit_pc > 1", variables: names)
        } catch {
            #expect(error.message.contains("did you mean net_profit_pct?"))
        }
    }
}
