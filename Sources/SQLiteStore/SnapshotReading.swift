import GRDB
import Planning
import Store

extension SQLiteStore {
    /// The district with every event's state, or nil before the first import. A stored value that
    /// does not parse back is `StoreError.corrupt`, never a silent default.
    static func snapshot(_ db: Database) throws -> DistrictSnapshot? {
        let meta = Dictionary(try MetaRecord.fetchAll(db).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        guard let name = meta["district"] else { return nil }
        // Through a cursor and lazily: no second array of 80,000 rows or events at any moment.
        let events = try Array(EventRecord.order(EventRecord.Columns.cluster, EventRecord.Columns.number).fetchCursor(db)
            .map { try $0.snapshot() })
        let eventsByCluster = Dictionary(grouping: events.lazy.filter { $0.state.status != .removed }.map(\.event), by: \.clusterID)
        let clusters = try ClusterRecord.order(ClusterRecord.Columns.position).fetchAll(db)
        let parts = try ClusterParts(db)
        let district = District(
            name: name, timezone: meta["timezone"] ?? "Europe/Moscow",
            schools: try SchoolRecord.order(SchoolRecord.Columns.position).fetchAll(db).map { try $0.school() },
            venues: try VenueRecord.order(VenueRecord.Columns.position).fetchAll(db).map(\.venue),
            clusters: try clusters.map { try parts.cluster($0, events: eventsByCluster[$0.id] ?? []) },
            calendar: try calendar(db, meta: meta), courses: try courses(db),
            methodicalCentre: meta["centre_name"].map { Coordinator(name: $0, email: meta["centre_email"]) })
        typealias Value = IndicatorValueRecord
        let values = try Value.order(Value.Columns.cluster, Value.Columns.indicator, Value.Columns.year).fetchAll(db)
            .map { v in IndicatorValue(cluster: v.cluster, indicator: v.indicator, year: try parse(v.year, { AcademicYear($0) }, "год показателя"),
                                       value: v.value) }
        return DistrictSnapshot(district: district, events: events, indicatorValues: values, materials: try materials(db),
                                registrationSettings: try registrationSettings(db), courseListeners: try courseListeners(db))
    }

    private static func calendar(_ db: Database, meta: [String: String]) throws -> DistrictCalendar {
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

    private static func courses(_ db: Database) throws -> [TrainingCourse] {
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
private struct ClusterParts {
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
