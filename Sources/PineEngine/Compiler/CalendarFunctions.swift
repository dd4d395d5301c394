import PFData
import PineLanguage

/// Calendar functions (`hour(time, timezone)` & co), `timestamp()` in its three forms and
/// `timeframe.change()`.
enum CalendarFunctions {
    static func register(into t: inout [String: BuiltinImplementation]) {
        for (name, field) in [
            ("year", { (c: CalendarFields) in c.year }), ("month", { $0.month }), ("dayofmonth", { $0.day }),
            ("dayofweek", { $0.dayOfWeek }), ("hour", { $0.hour }), ("minute", { $0.minute }),
            ("second", { $0.second }), ("weekofyear", { $0.weekOfYear }),
        ] as [(String, (CalendarFields) -> Int)] {
            t[name] = BuiltinImplementation { a in
                let f = try a.num(0)
                if a.has(1) {
                    let zone = try zoneArgument(a, 1)
                    return .num({ rt in
                        let x = try f(rt)
                        if x.isNaN { return .nan }
                        return Double(field(try zone(rt).pointee.clock.fields(PineMath.clampedInt64(x))))
                    }, .int, nil)
                }
                return .num({ rt in
                    let x = try f(rt)
                    if x.isNaN { return .nan }
                    return Double(field(rt.clock.fields(PineMath.clampedInt64(x))))
                }, .int, nil)
            }
        }
        // timestamp(dateString) / timestamp(year, month, day, hour, minute, second) /
        // timestamp(timezone, year, month, day, hour, minute, second). Slots: dateString,
        // year, month, day, hour, minute, second, timezone. A zone given with fewer than
        // seven arguments binds to the second overload with the zone in `year`.
        t["timestamp"] = BuiltinImplementation { a in
            if a.has(0) { return try dateString(a, 0) }
            let zoneSlot: Int? = a.has(7) ? 7 : (a.type(1) == .string ? 1 : nil)
            let first = zoneSlot == 1 ? 2 : 1
            let zoned = zoneSlot != nil
            let y = try a.int(first)
            let mo = try a.int(first + 1)
            let d = try a.int(first + 2)
            let h = try a.int(first + 3, default: 0)
            let mi = try a.int(first + 4, default: 0)
            let s = first + 5 <= 6 ? try a.int(first + 5, default: 0) : { _ in 0 }
            if zoned {
                let zone = try zoneArgument(a, zoneSlot ?? 7)
                return .num({ rt in
                    let (year, month, day) = (try y(rt), try mo(rt), try d(rt))
                    let (hour, minute, second) = (try h(rt), try mi(rt), try s(rt))
                    let clock = try zone(rt)
                    return Double(clock.pointee.clock.timestamp(
                        year: year, month: month, day: day, hour: hour, minute: minute, second: second))
                }, .int, nil)
            }
            return .num({ rt in
                Double(rt.clock.timestamp(
                    year: try y(rt), month: try mo(rt), day: try d(rt), hour: try h(rt), minute: try mi(rt),
                    second: try s(rt)))
            }, .int, nil)
        }
        for (name, close) in [("time", false), ("time_close", true)] {
            t[name] = BuiltinImplementation { a in
                try barTime(a, name: name, close: close)
            }
        }
        t["timeframe.change"] = BuiltinImplementation { a in
            let text = try a.str(0)
            let parsed = a.builder.arena.state { ParsedTimeframe() }
            if let constant = a.constString(0), !constant.isEmpty, Timeframe(constant) == nil {
                throw a.builder.error(a.range(0), "timeframe.change(): \"\(constant)\" is not a timeframe")
            }
            let range = a.range(0)
            return .bool({ rt in
                guard rt.barIndex > 0 else { return false }
                let name = try text(rt)
                guard let tf = parsed.pointee.timeframe(name, chartMs: rt.barDurationMs) else {
                    if name.isEmpty { return true }
                    throw rt.error("timeframe.change(): \"\(name)\" is not a timeframe", line: range.start.line, column: range.start.column)
                }
                let previous = rt.times[rt.barIndex - 1]
                return rt.clock.periodKey(rt.time, timeframe: tf) != rt.clock.periodKey(previous, timeframe: tf)
            }, nil)
        }
    }

    /// `time(timeframe, session, timezone)` / `time_close(...)`: the open (close) time of the
    /// bar of `timeframe` holding the current bar, or `na` when the current bar opens
    /// outside `session` (read in `timezone`, else the exchange's). On a higher timeframe the
    /// period opens with its first bar in the data.
    private static func barTime(_ a: BoundArguments, name: String, close: Bool) throws -> CompiledValue {
        if a.has(3) { throw a.builder.error(a.range(3), "\(name)() with bars_back is not supported yet") }
        if let constant = a.constString(0), !constant.isEmpty, Timeframe(constant) == nil {
            throw a.builder.error(a.range(0), "\(name)(): \"\(constant)\" is not a timeframe")
        }
        let text: StrFn = a.has(0) ? try a.str(0) : { _ in "" }
        let parsed = a.builder.arena.state { ParsedTimeframe() }
        let period = a.builder.arena.state { HigherPeriod() }
        var session: ((Runtime) throws -> SessionSpec)?
        if a.has(1) {
            if let constant = a.constString(1) {
                guard let spec = SessionSpec.parse(constant) else {
                    throw a.builder.error(a.range(1), "\(name)(): \"\(constant)\" is not a session (use \"0930-1600\" or \"0930-1600:23456\")")
                }
                session = { _ in spec }
            } else {
                let f = try a.str(1)
                let cache = a.builder.arena.state { ParsedSession() }
                let range = a.range(1)
                session = { rt in
                    let value = try f(rt)
                    guard let spec = cache.pointee.spec(value) else {
                        throw rt.error("\(name)(): \"\(value)\" is not a session", line: range.start.line, column: range.start.column)
                    }
                    return spec
                }
            }
        }
        let zone = a.has(2) ? try zoneArgument(a, 2) : nil
        let range = a.range(0)
        return .num({ rt in
            if let session {
                let spec = try session(rt)
                let fields = try zone.map { try $0(rt).pointee.clock.fields(rt.time) } ?? rt.clock.fields(rt.time)
                if !spec.contains(minute: fields.hour * 60 + fields.minute, dayOfWeek: fields.dayOfWeek) { return .nan }
            }
            let tfName = try text(rt)
            guard let tf = parsed.pointee.timeframe(tfName, chartMs: rt.barDurationMs) else {
                if !tfName.isEmpty {
                    throw rt.error("\(name)(): \"\(tfName)\" is not a timeframe", line: range.start.line, column: range.start.column)
                }
                return close ? (rt.barDurationMs > 0 ? Double(rt.time + rt.barDurationMs) : .nan) : Double(rt.time)
            }
            guard rt.barDurationMs > 0, tf.milliseconds > rt.barDurationMs else {
                return close ? (rt.barDurationMs > 0 ? Double(rt.time + rt.barDurationMs) : .nan) : Double(rt.time)
            }
            let start = period.pointee.start(in: rt, timeframe: tf)
            return Double(close ? tf.bucketEnd(startingAt: start) : start)
        }, .int, nil)
    }

    /// A `timezone` argument: the clock of that zone, built once per name. A constant
    /// zone is checked at compile time; an unknown one at run time is an error.
    private static func zoneArgument(_ a: BoundArguments, _ i: Int) throws -> (Runtime) throws -> UnsafeMutablePointer<ZoneCache> {
        if let name = a.constString(i), ZoneClock.zone(named: name) == nil {
            throw a.builder.error(
                a.range(i), "unknown time zone \"\(name)\" (use an IANA name such as \"America/New_York\" or an offset such as \"GMT+3\")")
        }
        let text = try a.str(i)
        let cache = a.builder.arena.state { ZoneCache() }
        let range = a.range(i)
        return { rt in
            let name = try text(rt)
            guard cache.pointee.select(name) else {
                throw rt.error("unknown time zone \"\(name)\"", line: range.start.line, column: range.start.column)
            }
            return cache
        }
    }

    /// `timestamp(dateString)`: folded to a constant when the string is one.
    private static func dateString(_ a: BoundArguments, _ i: Int) throws -> CompiledValue {
        if let text = a.constString(i) {
            guard let ms = TimestampText.parse(text) else {
                throw a.builder.error(a.range(i), "timestamp(): \"\(text)\" is not a date (use \"20 Feb 2020 15:30 +0200\" or \"2020-02-20T15:30:00+02:00\")")
            }
            return .constant(Double(ms), .int)
        }
        let f = try a.str(i)
        return .num({ rt in TimestampText.parse(try f(rt)).map(Double.init) ?? .nan }, .int, nil)
    }
}
