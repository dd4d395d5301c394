import Foundation

extension SymbolInfo {
    /// The symbol as a symbol TOML file: `[symbol]`, then opening hours, session
    /// starts and ends (and any schedule history, corrections, extended hours
    /// and `[download]` section). Absent optional values are written as
    /// commented-out keys, so the file lists every key a user may fill in.
    public func tomlText() -> String {
        var lines = ["[symbol]"]
        func put(_ key: String, _ value: String?) {
            guard let value else {
                lines.append("#\(key) =")
                return
            }
            lines.append("\(key) = \(value)")
        }
        put("prefix", QuotedString.quoted(prefix))
        put("description", QuotedString.quoted(description))
        put("ticker", QuotedString.quoted(ticker))
        put("currency", QuotedString.quoted(currency))
        put("basecurrency", basecurrency.map(QuotedString.quoted))
        put("period", QuotedString.quoted(period))
        put("type", QuotedString.quoted(type))
        put("mintick", number(mintick))
        put("pricescale", "\(pricescale)")
        put("minmove", "\(minmove)")
        put("pointvalue", number(pointvalue))
        put("mincontract", mincontract.map(number))
        put("timezone", QuotedString.quoted(timezone))
        put("session", QuotedString.quoted(session))
        put("volumetype", QuotedString.quoted(volumetype))
        put("avg_spread", avgSpread.map(number))
        put("taker_fee", takerFee.map(number))
        put("maker_fee", makerFee.map(number))
        for key in SymbolInfo.referenceKeys {
            guard let value = referenceFields[key] else { continue }
            switch value {
            case .string(let v): put(key, QuotedString.quoted(v))
            case .int(let v): put(key, "\(v)")
            case .double(let v): put(key, number(v))
            case .bool(let v): put(key, v ? "true" : "false")
            }
        }
        let flat = sessionSchedules.last
        lines.append("")
        lines.append("# Opening hours")
        appendIntervals(flat?.openingHours ?? openingHours, table: "opening_hours", into: &lines)
        lines.append("# Session starts")
        appendSessions(flat?.sessionStarts ?? sessionStarts, table: "session_starts", into: &lines)
        lines.append("# Session ends")
        appendSessions(flat?.sessionEnds ?? sessionEnds, table: "session_ends", into: &lines)
        for variant in sessionSchedules {
            lines.append("[[session_schedules]]")
            lines.append("effective_from = \(variant.effectiveFrom)")
            for interval in variant.openingHours {
                lines.append("[[session_schedules.opening_hours]]")
                lines.append("day = \(interval.day)")
                lines.append("start = \"\(interval.start)\"")
                lines.append("end = \"\(interval.end)\"")
            }
            for start in variant.sessionStarts {
                lines.append("[[session_schedules.session_starts]]")
                lines.append("day = \(start.day)")
                lines.append("time = \"\(start.time)\"")
            }
            for end in variant.sessionEnds {
                lines.append("[[session_schedules.session_ends]]")
                lines.append("day = \(end.day)")
                lines.append("time = \"\(end.time)\"")
            }
            lines.append("")
        }
        appendCorrections(sessionCorrections, table: "session_corrections", into: &lines)
        if !extendedHours.isEmpty {
            lines.append("# Extended trading hours")
            appendIntervals(extendedHours, table: "extended_hours", into: &lines)
            appendCorrections(extendedSessionCorrections, table: "extended_session_corrections", into: &lines)
        }
        if let downloadProvider {
            lines.append("[download]")
            lines.append("provider = \(QuotedString.quoted(downloadProvider))")
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// Writes the symbol TOML to `path` (through a temporary file and a rename).
    public func save(path: String) throws {
        do {
            try AtomicFile.write(Data(tomlText().utf8), to: path)
        } catch {
            throw SymbolInfoError.io(file: path, reason: "cannot write the symbol file")
        }
    }

    private func appendIntervals(_ intervals: [TradingInterval], table: String, into lines: inout [String]) {
        for interval in intervals {
            lines.append("[[\(table)]]")
            lines.append("day = \(interval.day)")
            lines.append("start = \"\(interval.start)\"")
            lines.append("end = \"\(interval.end)\"")
            lines.append("")
        }
    }

    private func appendSessions(_ sessions: [SessionTime], table: String, into lines: inout [String]) {
        for session in sessions {
            lines.append("[[\(table)]]")
            lines.append("day = \(session.day)")
            lines.append("time = \"\(session.time)\"")
            lines.append("")
        }
    }

    private func appendCorrections(_ corrections: [SessionCorrection], table: String, into lines: inout [String]) {
        for correction in corrections {
            lines.append("[[\(table)]]")
            let hours = correction.openingHours.map { "{ start = \"\($0.start)\", end = \"\($0.end)\" }" }
            lines.append("opening_hours = [\(hours.joined(separator: ", "))]")
            lines.append("dates = [\(correction.dates.joined(separator: ", "))]")
            lines.append("")
        }
    }


    /// A TOML float: the shortest text that reads back to the same Double.
    private func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        let text = "\(value)"
        return text
    }
}
