import Foundation
import PFData

/// A `str.format_time` formatter (TradingView's `yyyy-MM-dd HH:mm` patterns), rebuilt only
/// when the pattern or the zone changes.
struct TimeFormatCache {
    private var key: String?
    private var made: DateFormatter?

    mutating func formatter(_ pattern: String, zone: String) -> DateFormatter? {
        let k = pattern + "\u{0}" + zone
        if k != key {
            key = k
            if let tz = ZoneClock.zone(named: zone) ?? (zone == "UTC" ? TimeZone(secondsFromGMT: 0) : nil) {
                let f = DateFormatter()
                f.locale = Locale(identifier: "en_US_POSIX")
                f.timeZone = tz
                f.dateFormat = pattern
                made = f
            } else {
                made = nil
            }
        }
        return made
    }
}
