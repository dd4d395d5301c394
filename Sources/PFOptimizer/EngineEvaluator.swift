import PineEngine
import PineLanguage

/// Adapts pfopt's engine to `BacktestEvaluator`. (Owned by the lead; being
/// wired to the engine.)
public struct EngineEvaluator: BacktestEvaluator {
    public let inputs: [InputSpec]
    public let barTimes: [Int64]

    public init(setup: EngineSetup) throws {
        throw EngineEvaluatorError.unavailable
    }

    public func makeWorker() throws -> any BacktestWorker {
        throw EngineEvaluatorError.unavailable
    }
}

/// Errors setting up the engine for a sweep.
public enum EngineEvaluatorError: Error, CustomStringConvertible {
    case unavailable

    public var description: String {
        switch self {
        case .unavailable: return "the backtest engine is not available in this build yet"
        }
    }
}
