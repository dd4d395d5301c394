import Foundation

/// The current time as ISO 8601 UTC to the second.
enum UTCTime {
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
