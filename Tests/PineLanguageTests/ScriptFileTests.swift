import Foundation
import Testing

@testable import PineLanguage

@Suite("Script files")
struct ScriptFileTests {
    static func scratch(_ name: String, _ bytes: [UInt8]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pine-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a binary file is refused as not a text file, a missing one as missing")
    func binary() throws {
        let elf = try Self.scratch("a.pine", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00])
        #expect(throws: ScriptFile.ReadError.notText(elf)) { try ScriptFile.read(elf) }
        let latin1 = try Self.scratch("b.pine", Array("//@version=6\nstrategy(\"caf".utf8) + [0xE9, 0x22, 0x29])
        #expect(throws: ScriptFile.ReadError.notText(latin1)) { try ScriptFile.read(latin1) }
        // What a user reads is the thrown error's text.
        #expect {
            _ = try ScriptFile.read(elf)
        } throws: { error in
            "\(error)".hasPrefix("\(elf): not a text file")
        }
        #expect(throws: ScriptFile.ReadError.missing("/nonexistent/s.pine")) { try ScriptFile.read("/nonexistent/s.pine") }
        let good = try Self.scratch("c.pine", Array("//@version=6\nstrategy(\"é\")\n".utf8))
        #expect(try ScriptFile.read(good) == "//@version=6\nstrategy(\"é\")\n")
    }
}
