import Foundation
import GRDB
import Planning

// Row types, kept apart from the domain values they store.

struct MetaRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "meta"
    var key: String
    var value: String
}

struct SchoolRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "school"
    var id: String
    var position: Int
    var name: String
    var district: String?
    var kind: String
    var address: String?
    var contingent: String?

    init(_ s: School, position: Int) {
        id = s.id
        self.position = position
        name = s.name
        district = s.district
        kind = s.kind.rawValue
        address = s.address
        contingent = s.contingent?.rawValue
    }

    var school: School {
        School(id: id, name: name, district: district, kind: SchoolKind(rawValue: kind) ?? .other, address: address,
               contingent: contingent.flatMap(Contingent.init(rawValue:)))
    }
}

struct ClusterRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "cluster"
    var id: String
    var position: Int
    var title: String
    var district: String?
    var profile: String?
    var lead: String
    var coordinatorName: String?
    var coordinatorEmail: String?
    var hasPlan: Bool
    var planYears: String
    var theme: String?
    var goal: String

    init(_ c: Cluster, position: Int) {
        id = c.id
        self.position = position
        title = c.title
        district = c.district
        profile = c.profile
        lead = c.lead
        coordinatorName = c.coordinator?.name
        coordinatorEmail = c.coordinator?.email
        hasPlan = c.plan != nil
        planYears = (c.plan?.years ?? []).map(\.description).joined(separator: ",")
        theme = c.plan?.theme
        goal = c.plan?.goal ?? ""
    }
}

struct ClusterMemberRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "clusterMember"
    var cluster: String
    var school: String
    var position: Int
}

struct PlanTaskRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "planTask"
    var cluster: String
    var id: String
    var position: Int
    var text: String
}

struct DirectionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "direction"
    var cluster: String
    var id: String
    var position: Int
    var title: String
    var items: [String]
}

struct IndicatorRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "indicator"
    var cluster: String
    var id: String
    var position: Int
    var title: String
    var target: Double?
    var unit: String?
}

struct VacationRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "vacation"
    var title: String
    var fromDate: String
    var toDate: String
    var district: String?
}

struct HolidayRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "holiday"
    var date: String
}

struct PublicHolidayRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "publicHoliday"
    var date: String
    var kind: String
    var name: String?

    static func records(_ h: PublicHolidays) -> [PublicHolidayRecord] {
        h.holidays.map { PublicHolidayRecord(date: $0.key.description, kind: "holiday", name: $0.value) }
            + h.transferredDaysOff.map { PublicHolidayRecord(date: $0.description, kind: "dayOff", name: nil) }
            + h.extraWorkingDays.map { PublicHolidayRecord(date: $0.description, kind: "workingDay", name: nil) }
    }

    static func publicHolidays(_ db: Database) throws -> PublicHolidays {
        var result = PublicHolidays()
        for r in try fetchAll(db) {
            guard let d = LocalDate(iso: r.date) else { continue }
            switch r.kind {
            case "holiday": result.holidays[d] = r.name ?? ""
            case "dayOff": result.transferredDaysOff.insert(d)
            default: result.extraWorkingDays.insert(d)
            }
        }
        return result
    }
}

struct BusyPeriodRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "busyPeriod"
    var school: String?
    var fromDate: String?
    var toDate: String?
    var reason: String?
    var icsPath: String?
}

struct BusyIntervalRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "busyInterval"
    var school: String?
    var startDay: String
    var startMinute: Int
    var endDay: String
    var endMinute: Int
    var reason: String?
    var source: String

    init(_ b: BusyInterval) {
        school = b.school
        startDay = b.startDay.description
        startMinute = b.startMinute
        endDay = b.endDay.description
        endMinute = b.endMinute
        reason = b.reason
        source = b.source
    }

    var interval: BusyInterval? {
        guard let s = LocalDate(iso: startDay), let e = LocalDate(iso: endDay) else { return nil }
        return BusyInterval(school: school, startDay: s, startMinute: startMinute, endDay: e, endMinute: endMinute,
                            reason: reason, source: source)
    }
}

struct CourseRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "course"
    var id: String
    var position: Int
    var title: String
    var provider: String?
}

struct EnrolmentRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "enrolment"
    var course: String
    var year: String
    var school: String
    var teams: Int
    var listeners: Int
}

struct CourseTargetRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "courseTarget"
    var course: String
    var year: String
    var listeners: Int
    var schools: Int
    var cluster: String?
}

struct IndicatorValueRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "indicatorValue"
    var cluster: String
    var indicator: String
    var year: String
    var value: Double
}

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

    var id: EventID { EventID(cluster: cluster, number: number) }

    init(_ e: PlannedEvent, state: EventState, postponedTo: LocalDate?) {
        cluster = e.id.cluster
        number = e.id.number
        year = e.year.description
        format = e.format.rawValue
        title = e.title
        purpose = e.purpose
        switch e.timing {
        case .month(let m): (timingKind, timingFrom, timingTo) = ("month", m.description, m.description)
        case .window(let from, let to): (timingKind, timingFrom, timingTo) = ("window", from.description, to.description)
        case .pinned(let d): (timingKind, timingFrom, timingTo) = ("pinned", d.description, d.description)
        }
        plannedStart = e.start?.description
        durationMinutes = e.durationMinutes
        host = e.host
        participants = e.participants
        tasks = e.tasks
        self.postponedTo = postponedTo?.description
        date = nil
        startTime = nil
        sequence = 0
        lastModified = 0
        status = ""
        heldOn = nil
        participantCount = nil
        outcomeSchools = []
        setState(state)
    }

    mutating func setPlan(_ e: PlannedEvent) {
        let state = self.state
        self = EventRecord(e, state: state, postponedTo: postponedTo.flatMap { LocalDate(iso: $0) })
    }

    mutating func setState(_ s: EventState) {
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
    }

    /// Rows are written only from validated domain values, so a value that does not parse back is
    /// a corrupted database; it is reported rather than trapped on.
    func plannedEvent() throws -> PlannedEvent {
        guard let year = AcademicYear(year), let format = EventFormat(rawValue: format) else {
            throw StoreError.corrupt("мероприятие \(id): год или формат")
        }
        let timing: EventTiming
        switch timingKind {
        case "month":
            guard let m = YearMonth(iso: timingFrom) else { throw StoreError.corrupt("мероприятие \(id): месяц") }
            timing = .month(m)
        case "window":
            guard let f = LocalDate(iso: timingFrom), let t = LocalDate(iso: timingTo) else {
                throw StoreError.corrupt("мероприятие \(id): окно")
            }
            timing = .window(from: f, to: t)
        default:
            guard let d = LocalDate(iso: timingFrom) else { throw StoreError.corrupt("мероприятие \(id): дата") }
            timing = .pinned(d)
        }
        return PlannedEvent(id: id, year: year, format: format, title: title, purpose: purpose, timing: timing,
                            start: plannedStart.flatMap { TimeOfDay($0) }, durationMinutes: durationMinutes, host: host,
                            participants: participants, tasks: tasks)
    }

    var state: EventState {
        let hasOutcome = heldOn != nil || participantCount != nil || !outcomeSchools.isEmpty || note != nil
            || products != nil || cancellationReason != nil
        return EventState(
            date: date.flatMap { LocalDate(iso: $0) }, start: startTime.flatMap { TimeOfDay($0) }, sequence: sequence,
            lastModified: lastModified, status: EventStatus(rawValue: status) ?? .planned,
            outcome: hasOutcome
                ? Outcome(heldOn: heldOn.flatMap { LocalDate(iso: $0) }, participants: participantCount,
                          schools: outcomeSchools, note: note, products: products,
                          cancellationReason: cancellationReason)
                : nil)
    }
}
