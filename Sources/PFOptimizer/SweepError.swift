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
    /// Another pfopt process holds the results folder.
    case busy(path: String, holder: String)
    /// The command was refused before starting (too big, too many workers...).
    case refused(String)
    /// Shards that cannot be merged.
    case shards(String)

    public var description: String {
        switch self {
        case .io(let path, let reason): return "\(path): \(reason)"
        case .noWorker(let message): return "cannot start the backtest engine: \(message)"
        case .windowsDoNotFit(let message): return message
        case .unsupported(let message): return message
        case .busy(let path, let holder):
            return "\(path): the results folder is in use by \(holder); wait for it to finish or set another output.dir"
        case .refused(let message): return message
        case .shards(let message): return message
        }
    }
}
