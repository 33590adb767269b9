import GRDB
import Synchronization
import Planning
import Store

extension SQLiteStore {
    /// The district with every event's state, or nil before the first import, in one transaction.
    /// A stored value that does not parse back is `StoreError.corrupt`, never a silent default.
    static func snapshot(_ db: Database) throws -> DistrictSnapshot? {
        try DistrictRows(db)?.snapshot(events: try events(db))
    }

    /// The events in id order (from the last when `fromEnd`). With `claims`, only the rows this
    /// connection claims before another reading from the other end does.
    static func events(_ db: Database, claiming claims: EventClaims? = nil, fromEnd: Bool = false) throws -> [EventSnapshot] {
        let count = try EventRecord.fetchCount(db)
        let columns = EventRecord.Columns.self
        let request = fromEnd ? EventRecord.order(columns.cluster.desc, columns.number.desc) : EventRecord.order(columns.cluster, columns.number)
        // Through a cursor: no second array of 80,000 rows or events at any moment; and sized
        // first, since growing it copied every event several times.
        var events: [EventSnapshot] = []
        // Read from the front, the array also takes the other connection's events (`read()`).
        events.reserveCapacity(claims == nil || !fromEnd ? count : count / 2)
        let rows = try request.fetchCursor(db)
        while claims?.take(fromEnd: fromEnd, of: count) ?? true, let row = try rows.next() { events.append(try row.snapshot()) }
        return events
    }
}

/// The event rows two connections have taken, reading from either end of the table at once: each
/// takes the next row while they are fewer than all, so both finish together, whatever else one
/// of them reads.
final class EventClaims: Sendable {
    private let taken = Mutex((front: 0, back: 0))

    func take(fromEnd: Bool, of count: Int) -> Bool {
        taken.withLock { taken in
            guard taken.front + taken.back < count else { return false }
            if fromEnd { taken.back += 1 } else { taken.front += 1 }
            return true
        }
    }
}

/// Every row of a snapshot but the events, read in one transaction; `snapshot(events:)` joins
/// them with the events, read in the same transaction or beside it.
struct DistrictRows {
    let meta: [String: String]
    let name: String
    let clusters: [ClusterRecord]
    let parts: ClusterParts
    let schools: [School]
    let venues: [Venue]
    let calendar: DistrictCalendar
    let courses: [TrainingCourse]
    let values: [IndicatorValue]
    let materials: [Material]
    let registrationSettings: [RegistrationSettings]
    let courseListeners: [CourseListeners]

    /// Nil before the first import.
    init?(_ db: Database) throws {
        meta = Dictionary(try MetaRecord.fetchAll(db).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        guard let name = meta["district"] else { return nil }
        self.name = name
        clusters = try ClusterRecord.order(ClusterRecord.Columns.position).fetchAll(db)
        parts = try ClusterParts(db)
        schools = try SchoolRecord.order(SchoolRecord.Columns.position).fetchAll(db).map { try $0.school() }
        venues = try VenueRecord.order(VenueRecord.Columns.position).fetchAll(db).map(\.venue)
        calendar = try SQLiteStore.calendar(db, meta: meta)
        courses = try SQLiteStore.courses(db)
        typealias Value = IndicatorValueRecord
        values = try Value.order(Value.Columns.cluster, Value.Columns.indicator, Value.Columns.year).fetchAll(db)
            .map { v in IndicatorValue(cluster: v.cluster, indicator: v.indicator, year: try parse(v.year, { AcademicYear($0) }, "год показателя"),
                                       value: v.value) }
        materials = try SQLiteStore.materials(db)
        registrationSettings = try SQLiteStore.registrationSettings(db)
        courseListeners = try SQLiteStore.courseListeners(db)
    }

    func snapshot(events: [EventSnapshot]) throws -> DistrictSnapshot {
        let eventsByCluster = Dictionary(grouping: events.lazy.filter { $0.state.status != .removed }.map(\.event), by: \.clusterID)
        let district = District(
            name: name, timezone: meta["timezone"] ?? "Europe/Moscow", schools: schools, venues: venues,
            clusters: try clusters.map { try parts.cluster($0, events: eventsByCluster[$0.id] ?? []) },
            calendar: calendar, courses: courses,
            methodicalCentre: meta["centre_name"].map { Coordinator(name: $0, email: meta["centre_email"]) })
        return DistrictSnapshot(district: district, events: events, indicatorValues: values, materials: materials,
                                registrationSettings: registrationSettings, courseListeners: courseListeners)
    }
}

extension SQLiteStore {
    fileprivate static func calendar(_ db: Database, meta: [String: String]) throws -> DistrictCalendar {
        var calendar = DistrictCalendar(publicHolidays: try PublicHolidayRecord.publicHolidays(db))
        try calendar.readSettings(meta)
        calendar.holidays = Set(try HolidayRecord.fetchAll(db).map { try parse($0.date, { LocalDate(iso: $0) }, "праздник") })
        calendar.vacations = try VacationRecord.order(Column.rowID).fetchAll(db).map { v in
            Vacation(title: v.title, from: try parse(v.fromDate, { LocalDate(iso: $0) }, "каникулы"),
                     to: try parse(v.toDate, { LocalDate(iso: $0) }, "каникулы"), district: v.district)
        }
        calendar.busyIntervals = try BusyIntervalRecord.order(Column.rowID).fetchAll(db).map { try $0.interval() }
        for b in try BusyPeriodRecord.order(Column.rowID).fetchAll(db) {
            if let path = b.icsPath {
                calendar.busyCalendars.append(BusyCalendar(school: b.school, path: path))
            } else {
                calendar.busy.append(BusyPeriod(school: b.school, from: try parse(b.fromDate ?? "", { LocalDate(iso: $0) }, "занятость"),
                                                to: try parse(b.toDate ?? "", { LocalDate(iso: $0) }, "занятость"), reason: b.reason))
            }
        }
        return calendar
    }

    fileprivate static func courses(_ db: Database) throws -> [TrainingCourse] {
        let enrolments = Dictionary(grouping: try EnrolmentRecord.order(Column.rowID).fetchAll(db), by: \.course)
        let targets = Dictionary(grouping: try CourseTargetRecord.order(Column.rowID).fetchAll(db), by: \.course)
        let events = Dictionary(grouping: try Row.fetchAll(db, sql: "SELECT * FROM courseEvent ORDER BY course, position"),
                                by: { (row: Row) -> String in row["course"] })
        return try CourseRecord.order(CourseRecord.Columns.position).fetchAll(db).map { c in
            TrainingCourse(
                id: c.id, title: c.title, provider: c.provider,
                enrolments: try (enrolments[c.id] ?? []).map { e in
                    .init(year: try parse(e.year, { AcademicYear($0) }, "год курса"), school: e.school, teams: e.teams, listeners: e.listeners)
                },
                targets: try (targets[c.id] ?? []).map { t in
                    .init(year: try parse(t.year, { AcademicYear($0) }, "год курса"), listeners: t.listeners, schools: t.schools,
                          cluster: t.cluster)
                },
                events: (events[c.id] ?? []).map { EventID(cluster: $0["cluster"], number: $0["number"]) })
        }
    }

}

/// The rows that belong to clusters, grouped by cluster id.
struct ClusterParts {
    let members: [String: [ClusterMemberRecord]]
    let tasks: [String: [PlanTaskRecord]]
    let directions: [String: [DirectionRecord]]
    let indicators: [String: [IndicatorRecord]]

    init(_ db: Database) throws {
        members = Dictionary(grouping: try ClusterMemberRecord.order(ClusterMemberRecord.Columns.position).fetchAll(db), by: \.cluster)
        tasks = Dictionary(grouping: try PlanTaskRecord.order(PlanTaskRecord.Columns.position).fetchAll(db), by: \.cluster)
        directions = Dictionary(grouping: try DirectionRecord.order(DirectionRecord.Columns.position).fetchAll(db), by: \.cluster)
        indicators = Dictionary(grouping: try IndicatorRecord.order(IndicatorRecord.Columns.position).fetchAll(db), by: \.cluster)
    }

    func cluster(_ c: ClusterRecord, events: [PlannedEvent]) throws -> Cluster {
        Cluster(
            id: c.id, title: c.title, district: c.district, profile: c.profile, lead: c.lead,
            members: (members[c.id] ?? []).map(\.school),
            coordinator: c.coordinatorName.map { Coordinator(name: $0, email: c.coordinatorEmail) },
            plan: c.hasPlan ? WorkPlan(
                years: try c.planYears.split(separator: ",").map { try parse(String($0), { AcademicYear($0) }, "годы плана \(c.id)") },
                theme: c.theme, goal: c.goal,
                tasks: (tasks[c.id] ?? []).map { PlanTask(id: $0.id, text: $0.text) },
                directions: (directions[c.id] ?? []).map { Direction(id: $0.id, title: $0.title, items: $0.items) },
                indicators: try (indicators[c.id] ?? []).map { try $0.indicator() },
                events: events) : nil,
            privacy: ClusterPrivacy(contactPrivate: c.contactPrivate, notesPrivate: c.notesPrivate))
    }
}
