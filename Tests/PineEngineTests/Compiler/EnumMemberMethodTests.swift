import PineLanguage
@testable import PineEngine
import Testing

/// A user method called on an enum member written as `Enum.member`, as on
/// any other value of the enum's type.
@Suite struct EnumMemberMethodTests {
    let runner = ScriptPlots()

    @Test func aMethodCalledOnAWrittenMember() throws {
        let p = try runner.plots("""
            enum Dir
                up
                down
            method flip(Dir d) => d == Dir.up ? Dir.down : Dir.up
            method sign(Dir d, float x) => d == Dir.up ? x : -x
            plot(Dir.up.flip() == Dir.down ? 1 : 0, "flip")
            plot(Dir.down.sign(close), "sign")
            """)
        #expect(runner.same(p["flip"], Array(repeating: 1, count: 10)))
        #expect(runner.same(p["sign"], ScriptPlots.closes.map { -$0 }))
    }

    @Test func anUnknownMethodOnAMemberIsALocatedError() {
        let message = runner.failure("""
            enum Dir
                up
            x = Dir.up.nothing()
            """)
        #expect(message?.contains("t.pine:5:5") == true)
    }
}
