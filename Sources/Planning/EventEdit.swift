// Editing an event in the workspace: the values a form or the write API sends, checked with the
// plan-file rules, and what goes live when (contract v2): texts, format, tasks and participants at
// once; month, date, start, duration and host at the next schedule publish.

/// An event's fields as a form or the write API sends them, as text; nil when not sent. An empty
/// `purpose` or `start` clears it; `month`, `date` and `from`/`to` replace one another.
public struct EventFields: Hashable, Sendable {
    public var format: String?
    public var title: String?
    public var purpose: String?
    public var month: String?
    public var date: String?
    public var from: String?
    public var to: String?
    public var start: String?
    /// `2h`, `90m`, `1h30m` as in plan files, or plain minutes (`90`).
    public var duration: String?
    public var host: String?
    public var participants: [String]?
    public var tasks: [String]?
    /// Where to join an online event; empty clears it.
    public var link: String?

    public init(format: String? = nil, title: String? = nil, purpose: String? = nil, month: String? = nil, date: String? = nil,
                from: String? = nil, to: String? = nil, start: String? = nil, duration: String? = nil, host: String? = nil,
                participants: [String]? = nil, tasks: [String]? = nil, link: String? = nil) {
        self.format = format
        self.title = title
        self.purpose = purpose
        self.month = month
        self.date = date
        self.from = from
        self.to = to
        self.start = start
        self.duration = duration
        self.host = host
        self.participants = participants
        self.tasks = tasks
        self.link = link
    }
}

/// The time-and-place part of a plan row: what waits for the next schedule publish.
public struct PendingSchedule: Hashable, Sendable {
    public var year: AcademicYear
    public var timing: EventTiming
    public var start: TimeOfDay?
    public var durationMinutes: Int
    public var host: String

    public init(year: AcademicYear, timing: EventTiming, start: TimeOfDay?, durationMinutes: Int, host: String) {
        self.year = year
        self.timing = timing
        self.start = start
        self.durationMinutes = durationMinutes
        self.host = host
    }
}

extension PlannedEvent {
    public var schedulePart: PendingSchedule {
        PendingSchedule(year: year, timing: timing, start: start, durationMinutes: durationMinutes, host: host)
    }

    public func with(_ part: PendingSchedule) -> PlannedEvent {
        var e = self
        e.year = part.year
        e.timing = part.timing
        e.start = part.start
        e.durationMinutes = part.durationMinutes
        e.host = part.host
        return e
    }
}

/// The parsed values of `EventFields`; nil fields stay as they are.
public struct EventEdit: Hashable, Sendable {
    public var format: EventFormat?
    public var title: String?
    /// `.some(nil)` clears the purpose.
    public var purpose: String??
    public var timing: EventTiming?
    /// `.some(nil)`: the calendar's default start.
    public var start: TimeOfDay??
    public var durationMinutes: Int?
    public var host: String?
    public var participants: [String]?
    public var tasks: [String]?
    /// `.some(nil)` clears the link.
    public var link: String??

    /// Longest event a plan may hold: a whole day.
    public static let durations = 1...1440

    public init(_ fields: EventFields) throws(FieldProblems) {
        var problems: [FieldProblem] = []
        func text(_ value: String?, _ field: String, required: Bool) -> String? {
            checkedText(value, field, required: required, problems: &problems)
        }
        if let code = fields.format {
            format = EventFormat(rawValue: code.trimmingWhitespace)
            if format == nil {
                problems.append(FieldProblem(field: "format", "неизвестный формат «\(code.excerpt())»; ожидается одно из: "
                                             + EventFormat.allCases.map(\.rawValue).joined(separator: ", ")))
            }
        }
        title = text(fields.title, "title", required: true)
        if let purpose = text(fields.purpose, "purpose", required: false) { self.purpose = .some(purpose.isEmpty ? nil : purpose) }
        let given = [("month", fields.month), ("date", fields.date), ("from", fields.from)]
            .filter { !($0.1 ?? "").trimmingWhitespace.isEmpty }
        if given.count > 1 {
            problems.append(FieldProblem(field: given[1].0, "укажите что-то одно: месяц, дату или окно from/to"))
        } else if let month = fields.month?.trimmingWhitespace, !month.isEmpty {
            if let m = YearMonth(iso: month) { timing = .month(m) } else {
                problems.append(FieldProblem(field: "month", "ожидается месяц ГГГГ-ММ, а не «\(month.excerpt())»"))
            }
        } else if let date = fields.date?.trimmingWhitespace, !date.isEmpty {
            if let d = LocalDate(iso: date) { timing = .pinned(d) } else {
                problems.append(FieldProblem(field: "date", "ожидается дата ГГГГ-ММ-ДД, а не «\(date.excerpt())»"))
            }
        } else if let from = fields.from?.trimmingWhitespace, !from.isEmpty {
            let to = fields.to?.trimmingWhitespace ?? ""
            switch (LocalDate(iso: from), LocalDate(iso: to)) {
            case (let a?, let b?) where b >= a: timing = .window(from: a, to: b)
            case (_?, _?): problems.append(FieldProblem(field: "to", "конец окна раньше начала"))
            case (nil, _): problems.append(FieldProblem(field: "from", "ожидается дата ГГГГ-ММ-ДД, а не «\(from.excerpt())»"))
            case (_, nil): problems.append(FieldProblem(field: "to", "окно задаётся парой from и to: нужна дата ГГГГ-ММ-ДД"))
            }
        }
        if let value = fields.start?.trimmingWhitespace {
            if value.isEmpty { start = .some(nil) } else if let t = TimeOfDay(value) { start = .some(t) } else {
                problems.append(FieldProblem(field: "start", "ожидается время ЧЧ:ММ, а не «\(value.excerpt())»"))
            }
        }
        if let value = fields.duration?.trimmingWhitespace {
            let minutes = Int(value) ?? parseDurationMinutes(value)
            if let minutes, Self.durations.contains(minutes) { durationMinutes = minutes } else {
                problems.append(FieldProblem(field: "duration", "ожидается длительность от 1 минуты до 24 часов "
                                             + "(90, 90m, 2h, 1h30m), а не «\(value.excerpt())»"))
            }
        }
        if let value = fields.host?.trimmingWhitespace {
            if value.isEmpty { problems.append(FieldProblem(field: "host", "укажите площадку")) } else { host = value }
        }
        func list(_ values: [String]?, _ field: String) -> [String]? {
            guard let values else { return nil }
            var seen: Set<String> = []
            var result: [String] = []
            for value in values.map(\.trimmingWhitespace) where !value.isEmpty {
                if seen.insert(value).inserted { result.append(value) } else {
                    problems.append(FieldProblem(field: field, "«\(value.excerpt())» указано дважды"))
                }
            }
            return result
        }
        participants = list(fields.participants, "participants")
        tasks = list(fields.tasks, "tasks")
        if let value = fields.link?.trimmingWhitespace {
            if value.isEmpty { link = .some(nil) } else if let problem = linkProblem(value) {
                problems.append(FieldProblem(field: "link", "«\(value.excerpt())» — \(problem)"))
            } else { link = .some(value) }
        }
        if participants?.isEmpty == true { problems.append(FieldProblem(field: "participants", "нужна хотя бы одна школа")) }
        guard problems.isEmpty else { throw FieldProblems(problems) }
    }

    /// `event` with every given field replaced; the academic year follows a new timing.
    public func applied(to event: PlannedEvent) -> PlannedEvent {
        var e = event
        if let format {
            // A length left at the old format's default follows the new format.
            if durationMinutes == nil, e.durationMinutes == e.format.defaultDurationMinutes { e.durationMinutes = format.defaultDurationMinutes }
            e.format = format
        }
        if let title { e.title = title }
        if let purpose { e.purpose = purpose }
        if let timing {
            e.timing = timing
            e.year = AcademicYear(containing: timing.firstDay)
        }
        if let start { e.start = start }
        if let durationMinutes { e.durationMinutes = durationMinutes }
        if let host { e.host = host }
        if let participants { e.participants = participants }
        if let tasks { e.tasks = tasks }
        if let link { e.link = link }
        return e
    }
}

/// One field's change, as the audit log keeps it.
public struct FieldChange: Hashable, Sendable {
    public var field: String
    public var old: String?
    public var new: String?
    public init(field: String, old: String?, new: String?) { self.field = field; self.old = old; self.new = new }
}

extension PlannedEvent {
    /// The fields as the audit log and the forms write them.
    public var fieldValues: [(String, String?)] {
        let window: String? = if case .window(let from, let to) = timing { "\(from)…\(to)" } else { nil }
        let month: String? = if case .month(let m) = timing { m.description } else { nil }
        let date: String? = if case .pinned(let d) = timing { d.description } else { nil }
        return [("format", format.rawValue), ("title", title), ("purpose", purpose), ("month", month), ("date", date),
                ("window", window), ("start", start?.description), ("duration", String(durationMinutes)), ("host", host),
                ("participants", participants.joined(separator: ", ")), ("tasks", tasks.joined(separator: ", ")), ("link", link)]
    }

    /// Fields that differ between `self` and `other`, in form order.
    public func changes(to other: PlannedEvent) -> [FieldChange] {
        zip(fieldValues, other.fieldValues).compactMap { a, b in a.1 == b.1 ? nil : FieldChange(field: a.0, old: a.1, new: b.1) }
    }

    /// The district's plan-file rules as `{field, message}`.
    func fieldProblems(in cluster: Cluster, district: District) -> [FieldProblem] {
        problems(in: cluster, isSchool: { district.school($0) != nil }, isVenue: { district.venue($0) != nil },
                 calendar: district.calendar).map(\.fieldProblem)
    }
}

extension EventSnapshot {
    /// The edit checked against the cluster as plan files are; texts, format, tasks and
    /// participants change the published row at once (a new LAST-MODIFIED, the same SEQUENCE:
    /// RFC 5545 raises it for date, time, place and status only); month, date, start, duration and
    /// host become `pending` until the schedule is published. Returns the changes for the audit log.
    public func editing(_ edit: EventEdit, in cluster: Cluster, district: District,
                        now: Int64) throws(FieldProblems) -> (EventSnapshot, [FieldChange]) {
        let target = edit.applied(to: planned)
        let problems = target.fieldProblems(in: cluster, district: district)
        guard problems.isEmpty else { throw FieldProblems(problems) }
        let changes = planned.changes(to: target)
        guard !changes.isEmpty else { return (self, []) }
        var next = self
        next.event.format = target.format
        next.event.title = target.title
        next.event.purpose = target.purpose
        next.event.participants = target.participants
        next.event.tasks = target.tasks
        next.event.link = target.link
        let part = target.schedulePart
        next.pending = part == event.schedulePart ? nil : part
        if next.event != event { next.state.lastModified = now }
        next.revision += 1
        return (next, changes)
    }

    /// A new event of `cluster` numbered `number`: format, title and a month, date or window are
    /// required; the host defaults to the lead school and participants to the members.
    public static func new(number: Int, _ edit: EventEdit, in cluster: Cluster, district: District,
                           now: Int64) throws(FieldProblems) -> EventSnapshot {
        var missing: [FieldProblem] = []
        if edit.format == nil { missing.append(FieldProblem(field: "format", "укажите формат")) }
        if edit.title == nil { missing.append(FieldProblem(field: "title", "заполните поле")) }
        if edit.timing == nil { missing.append(FieldProblem(field: "month", "укажите месяц, дату или окно from/to")) }
        guard missing.isEmpty, let format = edit.format, let timing = edit.timing else { throw FieldProblems(missing) }
        let base = PlannedEvent(id: EventID(cluster: cluster.id, number: number), year: AcademicYear(containing: timing.firstDay),
                                format: format, title: "", timing: timing, host: cluster.lead, participants: cluster.members)
        let event = edit.applied(to: base)
        let problems = event.fieldProblems(in: cluster, district: district)
        guard problems.isEmpty else { throw FieldProblems(problems) }
        return EventSnapshot(event: event, state: .initial(for: event, calendar: district.calendar, now: now))
    }

    /// Taken out of the plan: kept, shown cancelled in feeds (see `EventState.removed`).
    public func removed(now: Int64) -> EventSnapshot {
        var next = self
        next.state = state.removed(now: now)
        next.pending = nil
        next.revision += 1
        return next
    }

    /// The schedule published: pending values become the plan row, and `placement` (the
    /// scheduler's day and start; nil leaves the stored ones) the published time of an event still
    /// to happen. SEQUENCE rises once, when subscribers have seen a date and its day, time, length
    /// or place changes. Nil when nothing changes.
    public func publishing(_ placement: (date: LocalDate?, start: TimeOfDay?)?, now: Int64) -> EventSnapshot? {
        var next = self
        next.event = planned
        next.pending = nil
        let open = state.status == .planned || state.status == .scheduled || state.status == .postponed
        if let placement, open {
            next.state.date = placement.date
            next.state.start = placement.date == nil ? nil : placement.start
            if state.status != .postponed { next.state.status = placement.date == nil ? .planned : .scheduled }
        }
        guard next != self else { return nil }
        let moved = state.date != next.state.date || state.start != next.state.start || event.host != next.event.host
            || event.durationMinutes != next.event.durationMinutes
        if state.date != nil, moved { next.state.sequence += 1 }
        next.state.lastModified = now
        next.revision += 1
        return next
    }
}

/// A text field trimmed and without control characters; too long, or empty when `required`, is a
/// problem of `field`. Nil when the field was not sent.
func checkedText(_ value: String?, _ field: String, required: Bool, problems: inout [FieldProblem]) -> String? {
    guard let value else { return nil }
    let trimmed = value.trimmingWhitespace.withoutControlCharacters
    if trimmed.count > InputLimits.textLength {
        problems.append(FieldProblem(field: field, "длиннее \(InputLimits.textLength) символов"))
    } else if required, trimmed.isEmpty {
        problems.append(FieldProblem(field: field, "заполните поле"))
    }
    return trimmed
}

extension String {
    /// The text without leading and trailing white space (Foundation-free).
    public var trimmingWhitespace: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
