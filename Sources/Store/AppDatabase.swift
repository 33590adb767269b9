import Foundation
import GRDB
import Planning

public enum StoreError: Error, Equatable, CustomStringConvertible {
    case unknownEvent(EventID)
    case corrupt(String)
    /// Another process holds the write lock past the busy timeout (SQLite's "database is locked").
    case locked

    public var description: String {
        switch self {
        case .unknownEvent(let id): "неизвестное мероприятие \(id)"
        case .corrupt(let what): "база данных повреждена: \(what)"
        case .locked: "база занята: сейчас идёт другая запись (import, schedule или record); повторите, когда она закончится"
        }
    }
}

/// What an import changed. `isEmpty` means the files matched the store exactly.
public struct ImportSummary: Equatable, Sendable {
    public var schools = Change()
    public var clusters = Change()
    public var events = Change()
    public var restoredEvents: [EventID] = []
    public var calendarChanged = false
    public var coursesChanged = false

    public struct Change: Equatable, Sendable {
        public var added: [String] = []
        public var updated: [String] = []
        public var removed: [String] = []
        public var isEmpty: Bool { added.isEmpty && updated.isEmpty && removed.isEmpty }
    }

    public var isEmpty: Bool {
        schools.isEmpty && clusters.isEmpty && events.isEmpty && restoredEvents.isEmpty && !calendarChanged && !coursesChanged
    }
}

/// A new date and time for an event, or nil to take its date away.
public struct ScheduleChange: Hashable, Sendable {
    public var id: EventID
    public var date: LocalDate?
    public var start: TimeOfDay?
    public init(id: EventID, date: LocalDate?, start: TimeOfDay?) { self.id = id; self.date = date; self.start = start }
}

/// The SQLite store (GRDB). Every write is one transaction that also raises `revision`, which the
/// server polls to know when another process changed the data.
public struct AppDatabase: Sendable {
    let writer: any DatabaseWriter

    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.mappingLock { try Schema.migrator.migrate(writer) }
    }

    /// A WAL database file, safe for a server and command-line writers at the same time.
    /// A write waits up to `busyTimeout` seconds for another writer, then fails with `.locked`.
    public static func open(path: String, busyTimeout: TimeInterval = 10) throws -> AppDatabase {
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        return try mappingLock { try AppDatabase(DatabasePool(path: path, configuration: config)) }
    }

    /// One write transaction; SQLite's busy and locked results become `StoreError.locked`.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        try Self.mappingLock { try writer.write(updates) }
    }

    private static func mappingLock<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            throw StoreError.locked
        }
    }

    public static func inMemory() throws -> AppDatabase { try AppDatabase(DatabaseQueue()) }

    public func revision() throws -> Int64 {
        try writer.read { db in try Self.revision(db) }
    }

    private static func revision(_ db: Database) throws -> Int64 {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'revision'").flatMap { Int64($0) } ?? 0
    }

    static func bumpRevision(_ db: Database) throws {
        try MetaRecord(key: "revision", value: String(try revision(db) + 1)).save(db)
    }

    // MARK: Reading

    /// The district with every event's state, or nil before the first import.
    public func snapshot() throws -> DistrictSnapshot? {
        try writer.read { db in try Self.snapshot(db) }
    }

    static func snapshot(_ db: Database) throws -> DistrictSnapshot? {
        let meta = Dictionary(uniqueKeysWithValues: try MetaRecord.fetchAll(db).map { ($0.key, $0.value) })
        guard let name = meta["district"] else { return nil }
        let events = try EventRecord.order(Column("cluster"), Column("number")).fetchAll(db)
        let planned = try events.map { ($0, try $0.plannedEvent()) }
        let members = Dictionary(grouping: try ClusterMemberRecord.order(Column("position")).fetchAll(db), by: \.cluster)
        let tasks = Dictionary(grouping: try PlanTaskRecord.order(Column("position")).fetchAll(db), by: \.cluster)
        let directions = Dictionary(grouping: try DirectionRecord.order(Column("position")).fetchAll(db), by: \.cluster)
        let indicators = Dictionary(grouping: try IndicatorRecord.order(Column("position")).fetchAll(db), by: \.cluster)
        let eventsByCluster = Dictionary(grouping: planned.filter { $0.0.status != EventStatus.removed.rawValue }.map(\.1),
                                         by: \.clusterID)
        let clusters = try ClusterRecord.order(Column("position")).fetchAll(db).map { c in
            Cluster(
                id: c.id, title: c.title, district: c.district, profile: c.profile, lead: c.lead,
                members: (members[c.id] ?? []).map(\.school),
                coordinator: c.coordinatorName.map { Coordinator(name: $0, email: c.coordinatorEmail) },
                plan: c.hasPlan ? WorkPlan(
                    years: c.planYears.split(separator: ",").compactMap { AcademicYear($0) }, theme: c.theme, goal: c.goal,
                    tasks: (tasks[c.id] ?? []).map { PlanTask(id: $0.id, text: $0.text) },
                    directions: (directions[c.id] ?? []).map { Direction(id: $0.id, title: $0.title, items: $0.items) },
                    indicators: (indicators[c.id] ?? []).map { Indicator(id: $0.id, title: $0.title, target: $0.target, unit: $0.unit) },
                    events: eventsByCluster[c.id] ?? []) : nil)
        }
        var calendar = DistrictCalendar(publicHolidays: try PublicHolidayRecord.publicHolidays(db))
        if let v = meta["working_days"] { calendar.workingDays = Set(v.split(separator: ",").compactMap { Weekday(rawValue: String($0)) }) }
        if let v = meta["default_start"].flatMap({ TimeOfDay($0) }) { calendar.defaultStart = v }
        if let v = meta["during_vacations"].flatMap(VacationPolicy.init(rawValue:)) { calendar.preferences.duringVacations = v }
        if let v = meta["preferred_weekdays"] {
            calendar.preferences.preferredWeekdays = Set(v.split(separator: ",").compactMap { Weekday(rawValue: String($0)) })
        }
        if let v = meta["min_gap_days"].flatMap({ Int($0) }) { calendar.preferences.minimumGapDays = v }
        calendar.holidays = Set(try HolidayRecord.fetchAll(db).compactMap { LocalDate(iso: $0.date) })
        calendar.vacations = try VacationRecord.order(Column("rowid")).fetchAll(db).compactMap { v in
            guard let f = LocalDate(iso: v.fromDate), let t = LocalDate(iso: v.toDate) else { return nil }
            return Vacation(title: v.title, from: f, to: t, district: v.district)
        }
        for b in try BusyPeriodRecord.order(Column("rowid")).fetchAll(db) {
            if let path = b.icsPath {
                calendar.busyCalendars.append(BusyCalendar(school: b.school, path: path))
            } else if let f = b.fromDate.flatMap({ LocalDate(iso: $0) }), let t = b.toDate.flatMap({ LocalDate(iso: $0) }) {
                calendar.busy.append(BusyPeriod(school: b.school, from: f, to: t, reason: b.reason))
            }
        }
        calendar.busyIntervals = try BusyIntervalRecord.order(Column("rowid")).fetchAll(db).compactMap(\.interval)
        let enrolments = Dictionary(grouping: try EnrolmentRecord.order(Column("rowid")).fetchAll(db), by: \.course)
        let targets = Dictionary(grouping: try CourseTargetRecord.order(Column("rowid")).fetchAll(db), by: \.course)
        let courses = try CourseRecord.order(Column("position")).fetchAll(db).map { c in
            TrainingCourse(
                id: c.id, title: c.title, provider: c.provider,
                enrolments: (enrolments[c.id] ?? []).compactMap { e in
                    AcademicYear(e.year).map { .init(year: $0, school: e.school, teams: e.teams, listeners: e.listeners) }
                },
                targets: (targets[c.id] ?? []).compactMap { t in
                    AcademicYear(t.year).map { .init(year: $0, listeners: t.listeners, schools: t.schools, cluster: t.cluster) }
                })
        }
        let district = District(name: name, timezone: meta["timezone"] ?? "Europe/Moscow",
                                schools: try SchoolRecord.order(Column("position")).fetchAll(db).map(\.school),
                                clusters: clusters, calendar: calendar, courses: courses)
        let values = try IndicatorValueRecord.order(Column("cluster"), Column("indicator"), Column("year")).fetchAll(db)
            .compactMap { v in AcademicYear(v.year).map { IndicatorValue(cluster: v.cluster, indicator: v.indicator, year: $0, value: v.value) } }
        return DistrictSnapshot(district: district,
                                events: planned.map { EventSnapshot(event: $0.1, state: $0.0.state) },
                                indicatorValues: values)
    }
}

