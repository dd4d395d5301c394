import Foundation
import PFData

/// A `str.match` pattern, compiled once per distinct text.
struct RegexCache {
    private var pattern: String?
    private var compiled: NSRegularExpression?

    mutating func regex(_ text: String) -> NSRegularExpression? {
        if text != pattern {
            pattern = text
            compiled = try? NSRegularExpression(pattern: text)
        }
        return compiled
    }
}
