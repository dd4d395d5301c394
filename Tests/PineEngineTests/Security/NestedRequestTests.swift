import PFData
import XCTest

@testable import PineEngine

/// A request inside the expression of another one is refused where the inner
/// call is, naming where the outer expression starts.
final class NestedRequestTests: XCTestCase {
    func testNestedRequestsAreRefusedWithTheirLocations() {
        let data = { try PreparedData(store: PineParityFeed.prefix(100), sourceTimeframe: Timeframe("15")) }
        let direct =
            ScriptHarness.failure {
                try ScriptHarness.run(
                    ScriptHarness.source(
                        "plot(request.security(syminfo.tickerid, \"60\", request.security(syminfo.tickerid, \"240\", close)))"),
                    fileName: "n.pine", data: data())
            } ?? ""
        XCTAssertTrue(direct.contains("n.pine:3:47"), direct)
        XCTAssertTrue(direct.contains("request.security inside the expression of another request"), direct)
        XCTAssertTrue(direct.contains("starts at line 3, column 47"), direct)
        let throughFunction =
            ScriptHarness.failure {
                try ScriptHarness.run(
                    ScriptHarness.source(
                        """
                        daily() => request.security_lower_tf(syminfo.tickerid, "15", close)
                        plot(request.security(syminfo.tickerid, "60", daily().size()))
                        """), fileName: "n.pine", data: data())
            } ?? ""
        XCTAssertTrue(throughFunction.contains("n.pine:3:12"), throughFunction)
        XCTAssertTrue(throughFunction.contains("request.security_lower_tf inside the expression of another request"), throughFunction)
        XCTAssertTrue(throughFunction.contains("starts at line 4, column 47"), throughFunction)
    }
}
