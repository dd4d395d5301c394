import PineLanguage
import XCTest

@testable import PineEngine

/// Where a script reads the future through `lookahead_on`.
final class LookaheadCheckTests: XCTestCase {
    func testOnlyLookaheadOnWithoutAnOffsetIsReported() throws {
        let source = """
            //@version=6
            indicator("x")
            a = request.security(syminfo.tickerid, "D", close)
            b = request.security(syminfo.tickerid, "D", close[1], lookahead = barmerge.lookahead_on)
            c = request.security(syminfo.tickerid, "D", close, lookahead = barmerge.lookahead_on)
            [d, e] = request.security(syminfo.tickerid, "D", [high[1], low], barmerge.gaps_off, barmerge.lookahead_on)
            plot(a + b + c)
            """
        let program = try PineProgram.compile(source: source, fileName: "x.pine")
        let warnings = program.warnings
        XCTAssertEqual(warnings.count, 2)
        XCTAssertTrue(warnings[0].hasPrefix("x.pine:5:52: warning: request.security with lookahead_on"), warnings[0])
        XCTAssertTrue(warnings[1].hasPrefix("x.pine:6:85: warning:"), warnings[1])
    }
}
