import Foundation
import GRDB
import Planning
import Store

/// One event: its plan data (as last imported) and its state.
struct EventRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "event"
    var cluster: String
    var number: Int
    var year: String
    var format: String
    var title: String
    var purpose: String?
    var timingKind: String
    var timingFrom: String
    var timingTo: String
    var plannedStart: String?
    var durationMinutes: Int
    var host: String
    var participants: [String]
    var tasks: [String]
    var postponedTo: String?
    var date: String?
    var startTime: String?
    var sequence: Int
    var lastModified: Int64
    var status: String
    var heldOn: String?
    var participantCount: Int?
    var outcomeSchools: [String]
    var note: String?
    var products: String?
    var cancellationReason: String?
    var revision: Int
    var pendingYear: String?
    var pendingTimingKind: String?
    var pendingTimingFrom: String?
    var pendingTimingTo: String?
    var pendingStart: String?
    var pendingDuration: Int?
    var pendingHost: String?
    var link: String?

    enum Columns {
        static let cluster = Column(CodingKeys.cluster)
        static let number = Column(CodingKeys.number)
    }

    var id: EventID { EventID(cluster: cluster, number: number) }

    init(_ item: EventSnapshot) {
        let e = item.event
        let s = item.state
        cluster = e.id.cluster
        number = e.id.number
        year = e.year.description
        format = e.format.rawValue
        title = e.title
        purpose = e.purpose
        (timingKind, timingFrom, timingTo) = Self.columns(e.timing)
        plannedStart = e.start?.description
        durationMinutes = e.durationMinutes
        host = e.host
        participants = e.participants
        tasks = e.tasks
        link = e.link
        postponedTo = s.postponedTo?.description
        date = s.date?.description
        startTime = s.start?.description
        sequence = s.sequence
        lastModified = s.lastModified
        status = s.status.rawValue
        heldOn = s.outcome?.heldOn?.description
        participantCount = s.outcome?.participants
        outcomeSchools = s.outcome?.schools ?? []
        note = s.outcome?.note
        products = s.outcome?.products
        cancellationReason = s.outcome?.cancellationReason
        revision = item.revision
        let p = item.pending
        pendingYear = p?.year.description
        if let p { (pendingTimingKind, pendingTimingFrom, pendingTimingTo) = Self.columns(p.timing) }
        pendingStart = p?.start?.description
        pendingDuration = p?.durationMinutes
        pendingHost = p?.host
    }

    private static func columns(_ timing: EventTiming) -> (String, String, String) {
        switch timing {
        case .month(let m): ("month", m.description, m.description)
        case .window(let from, let to): ("window", from.description, to.description)
        case .pinned(let d): ("pinned", d.description, d.description)
        }
    }

    private func timing(_ kind: String, _ from: String, _ to: String) throws(StoreError) -> EventTiming {
        switch kind {
        case "month": .month(try parse(from, { YearMonth(iso: $0) }, "мероприятие \(id): месяц"))
        case "window":
            .window(from: try parse(from, { LocalDate(iso: $0) }, "мероприятие \(id): окно"),
                    to: try parse(to, { LocalDate(iso: $0) }, "мероприятие \(id): окно"))
        case "pinned": .pinned(try parse(from, { LocalDate(iso: $0) }, "мероприятие \(id): дата"))
        default: throw .corrupt("мероприятие \(id): вид срока «\(kind)»")
        }
    }

    private func pending() throws(StoreError) -> PendingSchedule? {
        guard let kind = pendingTimingKind else { return nil }
        guard let year = pendingYear.flatMap({ AcademicYear($0) }), let from = pendingTimingFrom, let to = pendingTimingTo,
              let duration = pendingDuration, let host = pendingHost else {
            throw .corrupt("мероприятие \(id): неполные ожидающие публикации значения")
        }
        return PendingSchedule(year: year, timing: try timing(kind, from, to),
                               start: try pendingStart.map { t throws(StoreError) in
                                   try parse(t, { TimeOfDay($0) }, "мероприятие \(id): время")
                               },
                               durationMinutes: duration, host: host)
    }

    /// Rows are written only from validated domain values, so a value that does not parse back is
    /// a corrupted database; it is reported rather than trapped on or defaulted.
    func snapshot() throws(StoreError) -> EventSnapshot {
        EventSnapshot(event: try plannedEvent(), state: try state(), pending: try pending(), revision: revision)
    }

    private func date(_ text: String?, _ what: @autoclosure () -> String) throws(StoreError) -> LocalDate? {
        guard let text else { return nil }
        return try parse(text, { LocalDate(iso: $0) }, "мероприятие \(id): \(what())")
    }

    private func plannedEvent() throws(StoreError) -> PlannedEvent {
        let year = try parse(year, { AcademicYear($0) }, "мероприятие \(id): год")
        let format = try parse(format, EventFormat.init(rawValue:), "мероприятие \(id): формат")
        let timing = try timing(timingKind, timingFrom, timingTo)
        return PlannedEvent(id: id, year: year, format: format, title: title, purpose: purpose, timing: timing,
                            start: try plannedStart.map { t throws(StoreError) in
                                try parse(t, { TimeOfDay($0) }, "мероприятие \(id): время")
                            },
                            durationMinutes: durationMinutes, host: host, participants: participants, tasks: tasks,
                            link: link)
    }

    private func state() throws(StoreError) -> EventState {
        let hasOutcome = heldOn != nil || participantCount != nil || !outcomeSchools.isEmpty || note != nil
            || products != nil || cancellationReason != nil
        return EventState(
            date: try date(date, "дата"),
            start: try startTime.map { t throws(StoreError) in try parse(t, { TimeOfDay($0) }, "мероприятие \(id): время") },
            sequence: sequence, lastModified: lastModified,
            status: try parse(status, EventStatus.init(rawValue:), "мероприятие \(id): статус"),
            outcome: hasOutcome
                ? Outcome(heldOn: try date(heldOn, "дата проведения"), participants: participantCount,
                          schools: outcomeSchools, note: note, products: products, cancellationReason: cancellationReason)
                : nil,
            postponedTo: try date(postponedTo, "перенос"))
    }
}

// Hand-written row coding for the event table (the lists through `jsonArray`/`parseJSONArray`):
// Codable's per-list JSONEncoder and JSONDecoder were most of the cost at country scale.
extension EventRecord {
    /// The columns every fetch selects, in this order, so a row is read by position: looking each
    /// column up by name was a visible part of reading 80,000 events.
    private static let selected: [CodingKeys] = [
        .cluster, .number, .year, .format, .title, .purpose, .timingKind,
        .timingFrom, .timingTo, .plannedStart, .durationMinutes, .host, .participants, .tasks,
        .postponedTo, .date, .startTime, .sequence, .lastModified, .status, .heldOn,
        .participantCount, .outcomeSchools, .note, .products, .cancellationReason,
        .revision, .pendingYear, .pendingTimingKind, .pendingTimingFrom, .pendingTimingTo, .pendingStart, .pendingDuration,
        .pendingHost, .link]
    static var databaseSelection: [any SQLSelectable] { selected.map { Column($0) } }

    init(row: Row) throws {
        cluster = row[0]
        number = row[1]
        year = row[2]
        format = row[3]
        title = row[4]
        purpose = row[5]
        timingKind = row[6]
        timingFrom = row[7]
        timingTo = row[8]
        plannedStart = row[9]
        durationMinutes = row[10]
        host = row[11]
        postponedTo = row[14]
        date = row[15]
        startTime = row[16]
        sequence = row[17]
        lastModified = row[18]
        status = row[19]
        heldOn = row[20]
        participantCount = row[21]
        note = row[23]
        products = row[24]
        cancellationReason = row[25]
        revision = row[26]
        pendingYear = row[27]
        pendingTimingKind = row[28]
        pendingTimingFrom = row[29]
        pendingTimingTo = row[30]
        pendingStart = row[31]
        pendingDuration = row[32]
        pendingHost = row[33]
        link = row[34]
        let id = EventID(cluster: cluster, number: number)
        func list(_ index: Int) throws(StoreError) -> [String] {
            let text: String = row[index]
            guard let values = parseJSONArray(text) else { throw .corrupt("мероприятие \(id): \(Self.selected[index].stringValue) «\(text)»") }
            return values
        }
        participants = try list(12)
        tasks = try list(13)
        outcomeSchools = try list(22)
    }

    func encode(to container: inout PersistenceContainer) {
        for (column, value) in zip(Self.selected, insertedValues) { container[column.stringValue] = value }
    }
}

extension EventRecord: BulkInsertable {
    static let insertedColumns = selected.map(\.stringValue)

    /// The column values, in `selected` order.
    var insertedValues: [(any DatabaseValueConvertible)?] {
        [cluster, number, year, format, title, purpose, timingKind,
         timingFrom, timingTo, plannedStart, durationMinutes, host, jsonArray(participants), jsonArray(tasks),
         postponedTo, date, startTime, sequence, lastModified, status, heldOn,
         participantCount, jsonArray(outcomeSchools), note, products, cancellationReason,
         revision, pendingYear, pendingTimingKind, pendingTimingFrom, pendingTimingTo, pendingStart, pendingDuration, pendingHost, link]
    }
}
