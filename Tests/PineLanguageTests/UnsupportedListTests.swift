import Testing
@testable import PineLanguage

/// The front end lists every unsupported feature a script uses in one pass, each where it
/// stands, instead of stopping at the first.
@Suite struct UnsupportedListTests {
    @Test func everyUnsupportedFeatureIsListedWithItsLocation() {
        let source = """
            //@version=6
            strategy("m", calc_on_every_history_tick = true)
            m = earnings.future_eps
            c = dividends.future_amount
            d = timenow
            plot(close)
            """
        let checked = PineFrontEnd.check(source: source, fileName: "m.pine")
        let errors = checked.diagnostics.filter { $0.severity == .error }
        let located = errors.map { "\($0.range.start.line):\($0.range.start.column)" }
        #expect(located == ["2:15", "3:5", "4:5", "5:5"])
        #expect(errors.allSatisfy { $0.message.contains("not supported") })
    }
}
