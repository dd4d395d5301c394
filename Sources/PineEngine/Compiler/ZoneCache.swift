import PFData
import PineLanguage

/// The clock of a time zone argument, rebuilt only when the zone's name changes.
struct ZoneCache {
    private var name: String?
    private var valid = true
    /// The clock of the selected zone.
    var clock = ZoneClock(identifier: nil)

    /// Selects zone `zone`; false when the name is not a time zone.
    mutating func select(_ zone: String) -> Bool {
        if zone != name {
            name = zone
            valid = ZoneClock.zone(named: zone) != nil
            clock = ZoneClock(identifier: zone)
        }
        return valid
    }
}
