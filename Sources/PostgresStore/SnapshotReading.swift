import Logging
import Planning
import PostgresNIO
import Store

extension PostgresStore {
    public func read() async throws(StoreError) -> StoreState {
        try await reading { connection in
            StoreState(revision: try await Self.revision(connection, logger), snapshot: try await Self.snapshot(connection, logger))
        }
    }

    /// The district with every event's state, or nil before the first import: one query per table,
    /// in the order the SQLite store reads them.
    static func snapshot(_ c: PostgresConnection, _ logger: Logger) async throws -> DistrictSnapshot? {
        let meta = Dictionary(try await rows(c, logger, "SELECT key, value FROM meta", as: (String, String).self), uniquingKeysWith: { a, _ in a })
        guard let name = meta["district"] else { return nil }
        let events = try await EventRow.all(c, logger)
        let eventsByCluster = Dictionary(grouping: events.lazy.filter { $0.state.status != .removed }.map(\.event), by: \.clusterID)
        let members = Dictionary(grouping: try await rows(c, logger, "SELECT cluster, school FROM clusterMember ORDER BY position",
                                                           as: (String, String).self), by: \.0)
        let tasks = Dictionary(grouping: try await rows(c, logger, "SELECT cluster, id, text FROM planTask ORDER BY position",
                                                         as: (String, String, String).self), by: \.0)
        let directions = Dictionary(grouping: try await rows(c, logger, "SELECT cluster, id, title, items FROM direction ORDER BY position",
                                                              as: (String, String, String, String).self), by: \.0)
        let indicators = Dictionary(grouping: try await rows(
            c, logger, "SELECT cluster, id, title, target, unit, targets FROM indicator ORDER BY position",
            as: (String, String, String, Double?, String?, String).self), by: \.0)
        var clusters: [Cluster] = []
        for (id, title, district, profile, lead, coordinator, email, hasPlan, years, theme, goal, contactPrivate, notesPrivate) in try await rows(
            c, logger, """
                SELECT id, title, district, profile, lead, coordinatorName, coordinatorEmail, hasPlan, planYears, theme, goal,
                contactPrivate, notesPrivate FROM cluster ORDER BY position
                """,
            as: (String, String, String?, String?, String, String?, String?, Bool, String, String?, String, Bool, Bool).self) {
            let plan = hasPlan ? WorkPlan(
                years: try years.split(separator: ",").map { try parse(String($0), { AcademicYear($0) }, "годы плана \(id)") },
                theme: theme, goal: goal,
                tasks: (tasks[id] ?? []).map { PlanTask(id: $0.1, text: $0.2) },
                directions: try (directions[id] ?? []).map { d in
                    guard let items = parseJSONArray(d.3) else { throw StoreError.corrupt("направление \(id)/\(d.1): «\(d.3)»") }
                    return Direction(id: d.1, title: d.2, items: items)
                },
                indicators: try (indicators[id] ?? []).map { i in
                    Indicator(id: i.1, title: i.2, target: i.3, targets: try Self.targets(i.5, "\(id)/\(i.1)"), unit: i.4)
                },
                events: eventsByCluster[id] ?? []) : nil
            clusters.append(Cluster(
                id: id, title: title, district: district, profile: profile, lead: lead, members: (members[id] ?? []).map(\.1),
                coordinator: coordinator.map { Coordinator(name: $0, email: email) }, plan: plan,
                privacy: ClusterPrivacy(contactPrivate: contactPrivate, notesPrivate: notesPrivate)))
        }
        let schools = try await rows(c, logger, "SELECT id, name, district, kind, address, contingent FROM school ORDER BY position",
                                     as: (String, String, String?, String, String?, String?).self).map { s in
            School(id: s.0, name: s.1, district: s.2, kind: try parse(s.3, SchoolKind.init(rawValue:), "вид школы \(s.0)"), address: s.4,
                   contingent: try s.5.map { v throws(StoreError) in try parse(v, Contingent.init(rawValue:), "контингент школы \(s.0)") })
        }
        let venues = try await rows(c, logger, "SELECT id, name, address, district FROM venue ORDER BY position",
                                    as: (String, String, String?, String?).self).map { Venue(id: $0.0, name: $0.1, address: $0.2, district: $0.3) }
        let district = District(
            name: name, timezone: meta["timezone"] ?? "Europe/Moscow", schools: schools, venues: venues, clusters: clusters,
            calendar: try await calendar(c, logger, meta: meta), courses: try await courses(c, logger),
            methodicalCentre: meta["centre_name"].map { Coordinator(name: $0, email: meta["centre_email"]) })
        let values = try await rows(c, logger, "SELECT cluster, indicator, year, value FROM indicatorValue ORDER BY cluster, indicator, year",
                                    as: (String, String, String, Double).self).map { v in
            IndicatorValue(cluster: v.0, indicator: v.1, year: try parse(v.2, { AcademicYear($0) }, "год показателя"), value: v.3)
        }
        return DistrictSnapshot(district: district, events: events, indicatorValues: values, materials: try await materials(c, logger),
                                registrationSettings: try await registrationSettings(c, logger),
                                courseListeners: try await courseListeners(c, logger))
    }

    /// `["2019/2020=4"]`: an indicator's per-year targets, as the SQLite store keeps them.
    private static func targets(_ text: String, _ what: String) throws -> [AcademicYear: Double] {
        guard let items = parseJSONArray(text) else { throw StoreError.corrupt("показатель \(what): «\(text)»") }
        var byYear: [AcademicYear: Double] = [:]
        for item in items {
            let parts = item.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let year = AcademicYear(parts[0]), let value = Double(parts[1]) else {
                throw StoreError.corrupt("показатель \(what): цель «\(item)»")
            }
            byYear[year] = value
        }
        return byYear
    }

    private static func calendar(_ c: PostgresConnection, _ logger: Logger, meta: [String: String]) async throws -> DistrictCalendar {
        var holidays = PublicHolidays()
        for (text, kind, name) in try await rows(c, logger, "SELECT date, kind, name FROM publicHoliday", as: (String, String, String?).self) {
            let day = try parse(text, { LocalDate(iso: $0) }, "государственный праздник")
            switch kind {
            case "holiday": holidays.holidays[day] = name ?? ""
            case "dayOff": holidays.transferredDaysOff.insert(day)
            case "workingDay": holidays.extraWorkingDays.insert(day)
            default: throw StoreError.corrupt("вид дня \(text): «\(kind)»")
            }
        }
        var calendar = DistrictCalendar(publicHolidays: holidays)
        try calendar.readSettings(meta)
        func day(_ text: String, _ what: String) throws -> LocalDate { try parse(text, { LocalDate(iso: $0) }, what) }
        calendar.holidays = Set(try await rows(c, logger, "SELECT date FROM holiday", as: String.self).map { try day($0, "праздник") })
        calendar.vacations = try await rows(c, logger, "SELECT title, fromDate, toDate, district FROM vacation ORDER BY rowid",
                                            as: (String, String, String, String?).self).map { v in
            Vacation(title: v.0, from: try day(v.1, "каникулы"), to: try day(v.2, "каникулы"), district: v.3)
        }
        calendar.busyIntervals = try await rows(
            c, logger, "SELECT school, startDay, startMinute, endDay, endMinute, reason, source FROM busyInterval ORDER BY rowid",
            as: (String?, String, Int, String, Int, String?, String).self).map { b in
            BusyInterval(school: b.0, startDay: try day(b.1, "занятость из \(b.6)"), startMinute: b.2, endDay: try day(b.3, "занятость из \(b.6)"),
                         endMinute: b.4, reason: b.5, source: b.6)
        }
        for (school, from, to, reason, path) in try await rows(
            c, logger, "SELECT school, fromDate, toDate, reason, icsPath FROM busyPeriod ORDER BY rowid",
            as: (String?, String?, String?, String?, String?).self) {
            if let path {
                calendar.busyCalendars.append(BusyCalendar(school: school, path: path))
            } else {
                calendar.busy.append(BusyPeriod(school: school, from: try day(from ?? "", "занятость"), to: try day(to ?? "", "занятость"),
                                                reason: reason))
            }
        }
        return calendar
    }

    private static func courses(_ c: PostgresConnection, _ logger: Logger) async throws -> [TrainingCourse] {
        func year(_ text: String) throws -> AcademicYear { try parse(text, { AcademicYear($0) }, "год курса") }
        let enrolments = Dictionary(grouping: try await rows(c, logger, "SELECT course, year, school, teams, listeners FROM enrolment ORDER BY rowid",
                                                              as: (String, String, String, Int, Int).self), by: \.0)
        let targets = Dictionary(grouping: try await rows(c, logger, "SELECT course, year, listeners, schools, cluster FROM courseTarget ORDER BY rowid",
                                                           as: (String, String, Int, Int, String?).self), by: \.0)
        let events = Dictionary(grouping: try await rows(c, logger, "SELECT course, cluster, number FROM courseEvent ORDER BY course, position",
                                                          as: (String, String, Int).self), by: \.0)
        return try await rows(c, logger, "SELECT id, title, provider FROM course ORDER BY position", as: (String, String, String?).self).map { course in
            TrainingCourse(
                id: course.0, title: course.1, provider: course.2,
                enrolments: try (enrolments[course.0] ?? []).map { .init(year: try year($0.1), school: $0.2, teams: $0.3, listeners: $0.4) },
                targets: try (targets[course.0] ?? []).map { .init(year: try year($0.1), listeners: $0.2, schools: $0.3, cluster: $0.4) },
                events: (events[course.0] ?? []).map { EventID(cluster: $0.1, number: $0.2) })
        }
    }

    static func materials(_ c: PostgresConnection, _ logger: Logger, where clause: String = "") async throws -> [Material] {
        try await rows(c, logger, "SELECT id, cluster, number, fileName, title, contentType, size, uploadedAt FROM material \(clause) ORDER BY id",
                       as: (Int64, String, Int, String, String, String, Int, Int64).self).map {
            Material(id: $0.0, event: EventID(cluster: $0.1, number: $0.2), fileName: $0.3, title: $0.4, contentType: $0.5, size: $0.6,
                     uploadedAt: $0.7)
        }
    }

    /// Every row of a query without bound values, decoded as `type`.
    static func rows<each Column: PostgresDecodable>(_ c: PostgresConnection, _ logger: Logger, _ sql: String,
                                                      as type: (repeat each Column).Type) async throws -> [(repeat each Column)] {
        var result: [(repeat each Column)] = []
        for try await row in try await c.query(PostgresQuery(unsafeSQL: sql), logger: logger).decode(type) { result.append(row) }
        return result
    }

    static func rows<Column: PostgresDecodable>(_ c: PostgresConnection, _ logger: Logger, _ sql: String,
                                                as type: Column.Type) async throws -> [Column] {
        var result: [Column] = []
        for try await row in try await c.query(PostgresQuery(unsafeSQL: sql), logger: logger).decode(type) { result.append(row) }
        return result
    }
}
