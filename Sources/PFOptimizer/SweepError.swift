/// A sweep that cannot go on (as opposed to one failed run, which is recorded).
public enum SweepError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Reading or writing an output file failed.
    case io(path: String, reason: String)
    /// No engine worker could be made.
    case noWorker(String)
    /// The walk-forward windows do not fit the data.
    case windowsDoNotFit(String)
    /// The config asks for something the command does not do.
    case unsupported(String)

    public var description: String {
        switch self {
        case .io(let path, let reason): return "\(path): \(reason)"
        case .noWorker(let message): return "cannot start the backtest engine: \(message)"
        case .windowsDoNotFit(let message): return message
        case .unsupported(let message): return message
        }
    }
}
