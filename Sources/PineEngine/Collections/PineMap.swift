/// A Pine map: a reference to key-value pairs kept in the order their keys
/// were first put (putting an existing key replaces its value in place).
/// `Value` is the storage of the value type: `Double` for numbers and bools,
/// `String`, or an object reference.
final class PineMap<Value> {
    /// TradingView's limit: 100,000 elements, counting keys and values, so 50,000 pairs.
    static var maximumPairs: Int { 50_000 }

    // A map is used by one engine instance, one bar at a time, and no
    // access to its storage calls back into it: no dynamic exclusivity checks.
    @exclusivity(unchecked) private(set) var keys: [MapKey] = []
    @exclusivity(unchecked) private(set) var values: [Value] = []
    @exclusivity(unchecked) private var slots: [MapKey: Int] = [:]

    init() {}

    /// The number of key-value pairs.
    var count: Int { keys.count }

    /// The value under `key`, or nil when the map has no such key.
    func get(_ key: MapKey) -> Value? {
        guard let i = slots[key] else { return nil }
        return values[i]
    }

    func contains(_ key: MapKey) -> Bool { slots[key] != nil }

    /// Puts `value` under `key` and returns the value it replaces (nil for a new key).
    @discardableResult
    func put(_ key: MapKey, _ value: Value) throws -> Value? {
        if let i = slots[key] {
            let old = values[i]
            values[i] = value
            return old
        }
        if keys.count >= PineMap.maximumPairs {
            throw CollectionError.tooLarge(what: "a map", count: (keys.count + 1) * 2, limit: PineMap.maximumPairs * 2)
        }
        slots[key] = keys.count
        keys.append(key)
        values.append(value)
        return nil
    }

    /// Removes `key` and returns its value (nil when it was absent); the other
    /// pairs keep their order.
    @discardableResult
    func remove(_ key: MapKey) -> Value? {
        guard let i = slots.removeValue(forKey: key) else { return nil }
        let old = values[i]
        keys.remove(at: i)
        values.remove(at: i)
        if i < keys.count {
            for j in i..<keys.count { slots[keys[j]] = j }
        }
        return old
    }

    /// Empties the map, keeping its storage for reuse.
    func clear() {
        keys.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        slots.removeAll(keepingCapacity: true)
    }

    /// A shallow copy: a new map with the same pairs in the same order.
    func copy() -> PineMap<Value> {
        let c = PineMap<Value>()
        c.keys = keys
        c.values = values
        c.slots = slots
        return c
    }

    /// Puts every pair of `other`, in its order (`map.put_all`).
    func putAll(_ other: PineMap<Value>) throws {
        for (k, v) in zip(other.keys, other.values) { try put(k, v) }
    }
}
