import Foundation
import PFData
import PineEngine
import PineLanguage

/// Errors setting up the engine for a sweep.
public enum EngineEvaluatorError: Error, CustomStringConvertible {
    case unreadableScript(String)
    case notAStrategy(String)

    public var description: String {
        switch self {
        case .unreadableScript(let p): return "\(p): cannot read the strategy file"
        case .notAStrategy(let p): return "\(p): the script is an indicator, not a strategy: a sweep needs strategy(...)"
        }
    }
}
