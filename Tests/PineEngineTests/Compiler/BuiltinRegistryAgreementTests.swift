@testable import PineEngine
import PineLanguage
import Testing

/// The support checker (PineLanguage's registry) and the engine must agree
/// on which built-in functions exist: every function the checker accepts is
/// either run by the engine or rejected by it at compile time with a reason;
/// every function the engine runs is known to the checker.
@Suite struct BuiltinRegistryAgreementTests {
    @Test func everyCheckedFunctionIsRunOrExplicitlyRejected() {
        let engine = Set(BuiltinLibrary.functions.keys).union(BuiltinLibrary.rejected.keys)
            .union(BuiltinLibrary.declarations)
        let missing = Set(Builtins.functions.keys).subtracting(engine).sorted()
        #expect(missing.isEmpty, "accepted by the checker, unknown to the engine: \(missing.joined(separator: ", "))")
    }

    @Test func everyEngineFunctionIsKnownToTheChecker() {
        let extra = Set(BuiltinLibrary.functions.keys).subtracting(Builtins.functions.keys).sorted()
        #expect(extra.isEmpty, "run by the engine, unknown to the checker: \(extra.joined(separator: ", "))")
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

    @Test func rejectedBuiltinFailsAtCompileTimeWithItsName() {
        let source = """
            //@version=6
            strategy("risk")
            strategy.convert_to_account(1.0)
            """
        #expect {
            _ = try PineProgram.compile(source: source, fileName: "r.pine")
        } throws: { error in
            "\(error)".contains("strategy.convert_to_account") && "\(error)".contains("r.pine:3")
        }
    }
}
