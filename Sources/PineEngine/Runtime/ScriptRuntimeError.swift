import Foundation

/// An error raised while a script runs: it names the script's line and the
/// bar (index and time) on which it happened.
public struct ScriptRuntimeError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The script file name (as given to the compiler).
    public var file: String
    public var line: Int
    public var column: Int
    /// What went wrong, in a trader's words.
    public var message: String
    /// The script bar on which it happened (-1 when not in a bar).
    public var barIndex: Int
    /// The bar's open time, Unix ms.
    public var barTime: Int64

    public init(file: String, line: Int, column: Int, message: String, barIndex: Int = -1, barTime: Int64 = 0) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.barIndex = barIndex
        self.barTime = barTime
    }

    public var description: String {
        var text = "\(file):\(line):\(column): runtime error: \(message)"
        if barIndex >= 0 {
            text += " (bar \(barIndex), \(Self.format(time: barTime)))"
        }
        return text
    }

    static func format(time ms: Int64) -> String {
        let date = Date(timeIntervalSince1970: Double(ms) / 1000)
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
