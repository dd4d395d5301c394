/// A `.ohlcv` file that could not be read or written.
public enum OHLCVFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file cannot be opened, mapped or written.
    case io(file: String, reason: String)
    /// The file is corrupt or not an OHLCV file; `offset` is the byte where it goes wrong.
    case corrupt(file: String, offset: Int, reason: String)
    /// A bar cannot be written (bad value, or out of time order).
    case invalidBar(file: String, time: Int64, reason: String)
    /// A position or timestamp outside the file.
    case outOfRange(file: String, reason: String)
    /// A stored bar breaks the bar rules (`index` is 0-based).
    case badBar(file: String, index: Int, time: Int64, reason: String)

    public var description: String {
        switch self {
        case .io(let file, let reason): return "\(file): \(reason)"
        case .corrupt(let file, let offset, let reason): return "\(file): byte \(offset): \(reason)"
        case .invalidBar(let file, let time, let reason):
            return "\(file): bar at \(UTCCalendar.isoString(milliseconds: time)): \(reason)"
        case .outOfRange(let file, let reason): return "\(file): \(reason)"
        case .badBar(let file, let index, let time, let reason):
            return "\(file): bar \(index) (\(UTCCalendar.isoString(milliseconds: time))): \(reason)"
        }
    }
}
