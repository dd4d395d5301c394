import Foundation
import PFOptimizer
import Testing

/// The header `pfopt export` writes is the one the C target is built with,
/// byte for byte (it is embedded from that file, not kept as a second copy).
@Suite struct ABIHeaderTests {
    @Test func exportedHeaderIsTheSourceHeader() throws {
        let path = RepositoryPaths.root.appendingPathComponent("Sources/CPFABI/include/pfopt_abi.h")
        let source = try Data(contentsOf: path)
        #expect(source.count > 1_000)
        #expect(LibraryExporter.headerText == source)
    }
}
