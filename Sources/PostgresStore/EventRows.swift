import Logging
import Planning
import PostgresNIO
import Store

/// The event table's row: its plan data (as last imported or edited), its state and its pending
/// schedule values, bound and read by position in `columns` order. The same columns and texts as
/// the SQLite store's `EventRecord`, so `migrate` copies them across unchanged.
enum EventRow {
    static let columns = [
        "cluster", "number", "year", "format", "title", "purpose", "timingKind", "timingFrom", "timingTo", "plannedStart",
        "durationMinutes", "host", "participants", "tasks", "postponedTo", "date", "startTime", "sequence", "lastModified",
        "status", "heldOn", "participantCount", "outcomeSchools", "note", "products", "cancellationReason", "revision",
        "pendingYear", "pendingTimingKind", "pendingTimingFrom", "pendingTimingTo", "pendingStart", "pendingDuration",
        "pendingHost", "link",
    ]
    static let selection = columns.joined(separator: ", ")

    static func bind(_ item: EventSnapshot, _ binds: inout PostgresBindings) {
        let e = item.event, s = item.state, p = item.pending
        let timing = Self.timing(e.timing)
        binds.append(e.id.cluster)
        binds.append(e.id.number)
        binds.append(e.year.description)
        binds.append(e.format.rawValue)
        binds.append(e.title)
        binds.append(e.purpose)
        binds.append(timing.kind)
        binds.append(timing.from)
        binds.append(timing.to)
        binds.append(e.start?.description)
        binds.append(e.durationMinutes)
        binds.append(e.host)
        binds.append(jsonArray(e.participants))
        binds.append(jsonArray(e.tasks))
        binds.append(s.postponedTo?.description)
        binds.append(s.date?.description)
        binds.append(s.start?.description)
        binds.append(s.sequence)
        binds.append(s.lastModified)
        binds.append(s.status.rawValue)
        binds.append(s.outcome?.heldOn?.description)
        binds.append(s.outcome?.participants)
        binds.append(jsonArray(s.outcome?.schools ?? []))
        binds.append(s.outcome?.note)
        binds.append(s.outcome?.products)
        binds.append(s.outcome?.cancellationReason)
        binds.append(item.revision)
        let pending = p.map { Self.timing($0.timing) }
        binds.append(p?.year.description)
        binds.append(pending?.kind)
        binds.append(pending?.from)
        binds.append(pending?.to)
        binds.append(p?.start?.description)
        binds.append(p?.durationMinutes)
        binds.append(p?.host)
        binds.append(e.link)
    }

    private static func timing(_ timing: EventTiming) -> (kind: String, from: String, to: String) {
        switch timing {
        case .month(let m): ("month", m.description, m.description)
        case .window(let from, let to): ("window", from.description, to.description)
        case .pinned(let d): ("pinned", d.description, d.description)
        }
    }

    /// A row selected with `selection`; a stored value that does not parse back is `StoreError.corrupt`.
    static func snapshot(_ row: PostgresRow) throws -> EventSnapshot {
        let r = row.makeRandomAccess()
        func text(_ i: Int) throws -> String { try r[i].decode(String.self) }
        func optional(_ i: Int) throws -> String? { try r[i].decode(String?.self) }
        let id = EventID(cluster: try text(0), number: try r[1].decode(Int.self))
        func date(_ i: Int, _ what: String) throws -> LocalDate? {
            try optional(i).map { t throws(StoreError) in try parse(t, { LocalDate(iso: $0) }, "мероприятие \(id): \(what)") }
        }
        func time(_ i: Int) throws -> TimeOfDay? {
            try optional(i).map { t throws(StoreError) in try parse(t, { TimeOfDay($0) }, "мероприятие \(id): время") }
        }
        func list(_ i: Int) throws -> [String] {
            let value = try text(i)
            guard let items = parseJSONArray(value) else { throw StoreError.corrupt("мероприятие \(id): \(columns[i]) «\(value)»") }
            return items
        }
        func timing(_ kind: String, _ from: String, _ to: String) throws -> EventTiming {
            switch kind {
            case "month": return .month(try parse(from, { YearMonth(iso: $0) }, "мероприятие \(id): месяц"))
            case "window":
                return .window(from: try parse(from, { LocalDate(iso: $0) }, "мероприятие \(id): окно"),
                               to: try parse(to, { LocalDate(iso: $0) }, "мероприятие \(id): окно"))
            case "pinned": return .pinned(try parse(from, { LocalDate(iso: $0) }, "мероприятие \(id): дата"))
            default: throw StoreError.corrupt("мероприятие \(id): вид срока «\(kind)»")
            }
        }
        let event = PlannedEvent(
            id: id, year: try parse(try text(2), { AcademicYear($0) }, "мероприятие \(id): год"),
            format: try parse(try text(3), EventFormat.init(rawValue:), "мероприятие \(id): формат"), title: try text(4),
            purpose: try optional(5), timing: try timing(try text(6), try text(7), try text(8)), start: try time(9),
            durationMinutes: try r[10].decode(Int.self), host: try text(11), participants: try list(12), tasks: try list(13),
            link: try optional(34))
        let heldOn = try date(20, "дата проведения"), count = try r[21].decode(Int?.self), schools = try list(22)
        let note = try optional(23), products = try optional(24), reason = try optional(25)
        let hasOutcome = heldOn != nil || count != nil || !schools.isEmpty || note != nil || products != nil || reason != nil
        let state = EventState(
            date: try date(15, "дата"), start: try time(16), sequence: try r[17].decode(Int.self),
            lastModified: try r[18].decode(Int64.self),
            status: try parse(try text(19), EventStatus.init(rawValue:), "мероприятие \(id): статус"),
            outcome: hasOutcome ? Outcome(heldOn: heldOn, participants: count, schools: schools, note: note, products: products,
                                          cancellationReason: reason) : nil,
            postponedTo: try date(14, "перенос"))
        var pending: PendingSchedule?
        if let kind = try optional(28) {
            guard let year = try optional(27).flatMap({ AcademicYear($0) }), let from = try optional(29), let to = try optional(30),
                  let duration = try r[32].decode(Int?.self), let host = try optional(33) else {
                throw StoreError.corrupt("мероприятие \(id): неполные ожидающие публикации значения")
            }
            pending = PendingSchedule(year: year, timing: try timing(kind, from, to), start: try time(31), durationMinutes: duration,
                                      host: host)
        }
        return EventSnapshot(event: event, state: state, pending: pending, revision: try r[26].decode(Int.self))
    }

    static func insert(_ items: some Sequence<EventSnapshot>, _ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.insertAll(into: "event", columns, items, logger: logger) { item, binds in bind(item, &binds) }
    }

    /// Replaces a stored event's every column.
    static func update(_ item: EventSnapshot, _ connection: PostgresConnection, _ logger: Logger) async throws {
        var binds = PostgresBindings()
        bind(item, &binds)
        let sets = columns.enumerated().dropFirst(2).map { "\($0.element) = $\($0.offset + 1)" }.joined(separator: ", ")
        try await connection.query(PostgresQuery(unsafeSQL: "UPDATE event SET \(sets) WHERE cluster = $1 AND number = $2", binds: binds),
                                   logger: logger)
    }

    /// Every event, ordered by cluster and number.
    static func all(_ connection: PostgresConnection, _ logger: Logger, where clause: String = "") async throws -> [EventSnapshot] {
        var events: [EventSnapshot] = []
        let rows = try await connection.query(PostgresQuery(unsafeSQL: "SELECT \(selection) FROM event \(clause) ORDER BY cluster, number"),
                                              logger: logger)
        for try await row in rows { events.append(try snapshot(row)) }
        return events
    }
}
