import CLibical
import Planning

public enum BusyCalendarError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file is not well-formed iCalendar; `line` is 1-based, counted in the file as given.
    case malformed(file: String, line: Int, message: String)
    case unknownTimezone(file: String, name: String)

    public var description: String {
        switch self {
        case .malformed(let file, let line, let message): "\(file): line \(line): \(message)"
        case .unknownTimezone(let file, let name): "\(file): неизвестный часовой пояс плана «\(name)»"
        }
    }
}

/// Reads the busy times of an iCalendar file (a school's own calendar) into the plan's local time.
///
/// - VEVENTs, with RRULE/RDATE/EXDATE recurrences expanded by libical; instances replaced by a
///   RECURRENCE-ID override are taken from the override. TRANSP:TRANSPARENT and STATUS:CANCELLED
///   events are not busy.
/// - All-day items (VALUE=DATE) span whole local days up to their exclusive DTEND; timed items
///   with a TZID or in UTC are converted to `timezone`; floating times are already local.
/// - VFREEBUSY periods with FBTYPE BUSY, BUSY-UNAVAILABLE or BUSY-TENTATIVE (no FBTYPE means BUSY).
///
/// Only intervals touching `from`...`through` are returned, sorted by start.
///
/// Line numbers of errors: a structural pass over the unfolded lines finds lines that are not
/// `NAME...:value` and unbalanced BEGIN/END. Errors libical reports while parsing values carry
/// no position (it adds X-LIC-ERROR properties), so the first content line that libical rejects
/// when parsed on its own is named, with libical's own message.
public func readBusyCalendar(text: String, file: String, school: String?, timezone: String,
                             from: LocalDate, through: LocalDate) throws(BusyCalendarError) -> [BusyInterval] {
    guard let zone = Zone(timezone) else { throw .unknownTimezone(file: file, name: timezone) }
    let lines = try contentLines(text, file: file)
    guard let calendar = Component(parsing: text) else {
        throw .malformed(file: file, line: 1, message: "libical не смог разобрать файл")
    }
    if let message = firstError(in: calendar.pointer) {
        throw firstRejectedLine(lines, file: file) ?? .malformed(file: file, line: 1, message: message)
    }

    var reader = BusyReader(zone: zone, school: school, file: file, from: from, through: through)
    let events = children(of: calendar.pointer, ICAL_VEVENT_COMPONENT)
    let overridden = Set(events.compactMap { event -> Instance? in
        guard let property = icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY),
              let uid = icalcomponent_get_uid(event) else { return nil }
        // `icalcomponent_get_recurrenceid` ignores the TZID parameter; this resolves it like DTSTART.
        return Instance(uid: String(cString: uid), start: instant(icalproperty_get_datetime_with_component(property, event)))
    })
    for event in events {
        try reader.read(event: event, overridden: overridden, lines: lines)
    }
    for freebusy in children(of: calendar.pointer, ICAL_VFREEBUSY_COMPONENT) {
        reader.read(freebusy: freebusy)
    }
    return reader.intervals.sorted {
        ($0.startDay, $0.startMinute, $0.endDay, $0.endMinute) < ($1.startDay, $1.startMinute, $1.endDay, $1.endMinute)
    }
}

/// An unfolded content line and the file line it starts on.
private struct ContentLine {
    var number: Int
    var text: String
}

/// Unfolds the text and checks its shape: every line `NAME[;PARAM...]:value`, BEGIN/END balanced,
/// one VCALENDAR around everything.
private func contentLines(_ text: String, file: String) throws(BusyCalendarError) -> [ContentLine] {
    var lines: [ContentLine] = []
    // "\r\n" is one Character in Swift, so split on newline characters, not on "\n".
    for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
        if let first = line.first, first == " " || first == "\t", !lines.isEmpty {
            lines[lines.count - 1].text += line.dropFirst()
        } else if !line.isEmpty {
            lines.append(ContentLine(number: index + 1, text: String(line)))
        }
    }

    var open: [String] = []
    var closedCalendar = false
    for line in lines {
        let nameEnd = line.text.firstIndex { $0 == ":" || $0 == ";" }
        let name = nameEnd.map { line.text[..<$0] } ?? ""
        guard let nameEnd, !name.isEmpty, line.text.contains(":"),
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
            throw .malformed(file: file, line: line.number, message: "строка не похожа на свойство iCalendar: «\(line.text.prefix(60))»")
        }
        let value = line.text[line.text.index(after: nameEnd)...].uppercased()
        if closedCalendar {
            throw .malformed(file: file, line: line.number, message: "текст после END:VCALENDAR")
        }
        switch name.uppercased() {
        case "BEGIN":
            if open.isEmpty, value != "VCALENDAR" {
                throw .malformed(file: file, line: line.number, message: "файл должен начинаться с BEGIN:VCALENDAR")
            }
            open.append(value)
        case "END":
            guard let top = open.last else {
                throw .malformed(file: file, line: line.number, message: "END:\(value) без BEGIN:\(value)")
            }
            guard top == value else {
                throw .malformed(file: file, line: line.number, message: "ожидалось END:\(top), а встретилось END:\(value)")
            }
            open.removeLast()
            closedCalendar = open.isEmpty
        default:
            if open.isEmpty {
                throw .malformed(file: file, line: line.number, message: "файл должен начинаться с BEGIN:VCALENDAR")
            }
        }
    }
    if let top = open.last {
        throw .malformed(file: file, line: lines.last?.number ?? 1, message: "нет END:\(top) (файл оборван?)")
    }
    if lines.isEmpty { throw .malformed(file: file, line: 1, message: "пустой файл") }
    return lines
}

/// The first X-LIC-ERROR libical put anywhere in the tree.
private func firstError(in component: OpaquePointer) -> String? {
    if let error = properties(of: component, ICAL_XLICERROR_PROPERTY).first {
        return icalproperty_get_xlicerror(error).map { String(cString: $0) } ?? ""
    }
    for child in children(of: component, ICAL_ANY_COMPONENT) {
        if let message = firstError(in: child) { return message }
    }
    return nil
}

/// Parses each property line alone (inside an empty VCALENDAR) to find the one libical rejects.
private func firstRejectedLine(_ lines: [ContentLine], file: String) -> BusyCalendarError? {
    for line in lines {
        let upper = line.text.uppercased()
        if upper.hasPrefix("BEGIN:") || upper.hasPrefix("END:") { continue }
        guard let probe = Component(parsing: "BEGIN:VCALENDAR\r\n\(line.text)\r\nEND:VCALENDAR\r\n") else {
            return .malformed(file: file, line: line.number, message: "libical не смог разобрать строку")
        }
        if let message = firstError(in: probe.pointer) {
            return .malformed(file: file, line: line.number, message: "libical: \(message)")
        }
    }
    return nil
}

/// One occurrence of a recurring event, named by UID and its UTC start.
private struct Instance: Hashable {
    var uid: String
    var start: Int
}

/// Unix seconds of a parsed time: its own zone when it has one, else its fields read as UTC
/// (libical does the same for floating and all-day values when it expands recurrences).
private func instant(_ time: icaltimetype) -> Int {
    Int(icaltime_as_timet_with_zone(time, time.zone ?? Zone.utc))
}

private struct BusyReader {
    let zone: Zone
    let school: String?
    let file: String
    let from: LocalDate
    let through: LocalDate
    var intervals: [BusyInterval] = []
    var budget = RecurrenceBudget()

    mutating func read(event: OpaquePointer, overridden: Set<Instance>, lines: [ContentLine]) throws(BusyCalendarError) {
        if let transp = icalcomponent_get_first_property(event, ICAL_TRANSP_PROPERTY),
           icalproperty_get_transp(transp) == ICAL_TRANSP_TRANSPARENT { return }
        if icalcomponent_get_status(event) == ICAL_STATUS_CANCELLED { return }
        let start = icalcomponent_get_dtstart(event)
        guard icaltime_is_null_time(start) == 0 else { return }
        if let dtstart = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY),
           let tzid = icalproperty_get_first_parameter(dtstart, ICAL_TZID_PARAMETER), start.zone == nil {
            let name = icalparameter_get_tzid(tzid).map { String(cString: $0) } ?? ""
            let line = lines.first { $0.text.uppercased().hasPrefix("DTSTART") && $0.text.contains(name) }?.number ?? 1
            throw .malformed(file: file, line: line, message: "неизвестный часовой пояс TZID=\(name): нет ни VTIMEZONE, ни такой зоны в libical")
        }
        let reason = icalcomponent_get_summary(event).map { String(cString: $0) }
        let uid = icalcomponent_get_uid(event).map { String(cString: $0) } ?? ""
        let isOverride = icaltime_is_null_time(icalcomponent_get_recurrenceid(event)) == 0

        var spans: [(start: Int, end: Int)] = []
        let limitStart = icalTime(from.adding(days: -2), minute: 0)
        let limitEnd = icalTime(through.adding(days: 2), minute: 0)
        guard budget.admits(event, start: utc(limitStart), end: utc(limitEnd)) else {
            let rules = lines.filter { $0.text.uppercased().hasPrefix("RRULE") }
            let line = rules.indices.contains(budget.rulesSeen - 1) ? rules[budget.rulesSeen - 1].number : 1
            throw .malformed(file: file, line: line, message: "повторение RRULE даёт больше \(budget.occurrences) "
                             + "повторов за годы плана (или слишком долгий перебор до них): так часто школа не может быть занята")
        }
        withUnsafeMutablePointer(to: &spans) { spansPointer in
            icalcomponent_foreach_recurrence(event, utc(limitStart), utc(limitEnd), { _, span, data in
                guard let span = span?.pointee, let data else { return }
                data.assumingMemoryBound(to: [(start: Int, end: Int)].self).pointee
                    .append((Int(span.start), Int(span.end)))
            }, spansPointer)
        }

        if start.is_date != 0 {
            // libical ends an all-day span one second before midnight; count whole days from DTEND instead.
            let end = icalcomponent_get_dtend(event)
            let days = icaltime_is_null_time(end) == 0 ? max(1, wallClock(start).day.days(until: wallClock(end).day)) : 1
            for span in spans where isOverride || !overridden.contains(Instance(uid: uid, start: span.start)) {
                let first = wallClock(icaltime_from_timet_with_zone(span.start, 1, Zone.utc)).day
                append(first, 0, first.adding(days: days - 1), 1440, reason)
            }
        } else {
            let floating = start.zone == nil
            for span in spans where isOverride || !overridden.contains(Instance(uid: uid, start: span.start)) {
                let s = floating ? wallClock(icaltime_from_timet_with_zone(span.start, 0, Zone.utc)) : zone.local(span.start)
                let e = floating ? wallClock(icaltime_from_timet_with_zone(span.end, 0, Zone.utc)) : zone.local(span.end)
                append(s.day, s.minute, e.day, e.minute, reason)
            }
        }
    }

    mutating func read(freebusy: OpaquePointer) {
        for property in properties(of: freebusy, ICAL_FREEBUSY_PROPERTY) {
            if let type = icalproperty_get_first_parameter(property, ICAL_FBTYPE_PARAMETER),
               icalparameter_get_fbtype(type) == ICAL_FBTYPE_FREE { continue }
            let period = icalproperty_get_freebusy(property)
            let end = icaltime_is_null_time(period.end) == 0 ? period.end : icaltime_add(period.start, period.duration)
            let s = period.start.zone == nil ? wallClock(period.start) : zone.local(instant(period.start))
            let e = end.zone == nil ? wallClock(end) : zone.local(instant(end))
            append(s.day, s.minute, e.day, e.minute, nil)
        }
    }

    private func utc(_ time: icaltimetype) -> icaltimetype {
        var time = time
        time.zone = Zone.utc
        return time
    }

    /// Keeps intervals that touch the requested days: [from 00:00, through + 1 00:00).
    private mutating func append(_ startDay: LocalDate, _ startMinute: Int, _ endDay: LocalDate, _ endMinute: Int,
                                 _ reason: String?) {
        let interval = BusyInterval(school: school, startDay: startDay, startMinute: startMinute, endDay: endDay,
                                    endMinute: endMinute, reason: reason, source: file)
        guard interval.overlaps(day: from, startMinute: 0, durationMinutes: (from.days(until: through) + 1) * 1440) else { return }
        intervals.append(interval)
    }
}
