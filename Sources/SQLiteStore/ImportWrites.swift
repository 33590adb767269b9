import GRDB
import Planning
import Store

extension SQLiteStore {
    /// Writes what `ImportPlan` decided: new and changed events, and the plan rows when they
    /// changed. Unchanged files write nothing, not even the revision.
    static func persist(_ plan: ImportPlan, district: District, _ db: Database) throws {
        try EventRecord.insertAll(plan.inserted.lazy.map(EventRecord.init), db)
        for item in plan.updated { try EventRecord(item).update(db) }
        if plan.replacesPlanRows { try replacePlanRows(db, with: district) }
        if !plan.summary.isEmpty { try bumpRevision(db) }
    }

    private static func replacePlanRows(_ db: Database, with d: District) throws {
        for table in ["clusterMember", "planTask", "direction", "indicator", "cluster", "school", "venue", "vacation", "holiday",
                      "publicHoliday", "busyPeriod", "busyInterval", "enrolment", "courseTarget", "course"] {
            try db.execute(sql: "DELETE FROM \(table)")
        }
        let meta: [(String, String)] = [
            ("district", d.name), ("timezone", d.timezone),
            ("working_days", Weekday.allCases.filter(d.calendar.workingDays.contains).map(\.rawValue).joined(separator: ",")),
            ("default_start", d.calendar.defaultStart.description),
            ("during_vacations", d.calendar.preferences.duringVacations.rawValue),
            ("preferred_weekdays", Weekday.allCases.filter(d.calendar.preferences.preferredWeekdays.contains).map(\.rawValue)
                .joined(separator: ",")),
            ("min_gap_days", String(d.calendar.preferences.minimumGapDays)),
        ]
        for (key, value) in meta { try MetaRecord(key: key, value: value).save(db) }
        try MetaRecord.deleteAll(db, keys: ["centre_name", "centre_email"])
        if let centre = d.methodicalCentre {
            try MetaRecord(key: "centre_name", value: centre.name).save(db)
            if let email = centre.email { try MetaRecord(key: "centre_email", value: email).save(db) }
        }
        try SchoolRecord.insertAll(d.schools.enumerated().lazy.map { SchoolRecord($1, position: $0) }, db)
        for (i, v) in d.venues.enumerated() { try VenueRecord(v, position: i).insert(db) }
        try ClusterRecord.insertAll(d.clusters.enumerated().lazy.map { ClusterRecord($1, position: $0) }, db)
        for c in d.clusters { try insertParts(of: c, db) }
        try insertEditableCalendarRows(d.calendar, db)
        for r in PublicHolidayRecord.records(d.calendar.publicHolidays) { try r.insert(db) }
        for b in d.calendar.busyIntervals { try BusyIntervalRecord(b).insert(db) }
        for (i, c) in d.courses.enumerated() {
            try CourseRecord(id: c.id, position: i, title: c.title, provider: c.provider).insert(db)
            for e in c.enrolments {
                try EnrolmentRecord(course: c.id, year: e.year.description, school: e.school, teams: e.teams,
                                    listeners: e.listeners).insert(db)
            }
            for t in c.targets {
                try CourseTargetRecord(course: c.id, year: t.year.description, listeners: t.listeners, schools: t.schools,
                                       cluster: t.cluster).insert(db)
            }
            for (position, e) in c.events.enumerated() {
                try db.execute(sql: "INSERT INTO courseEvent (course, position, cluster, number) VALUES (?, ?, ?, ?)",
                               arguments: [c.id, position, e.cluster, e.number])
            }
        }
    }

    /// A cluster's members, tasks, directions and indicators (its own row written before).
    static func insertParts(of c: Cluster, _ db: Database) throws {
        try ClusterMemberRecord.insertAll(c.members.enumerated().lazy.map { ClusterMemberRecord(cluster: c.id, school: $1, position: $0) }, db)
        for (j, t) in (c.plan?.tasks ?? []).enumerated() {
            try PlanTaskRecord(cluster: c.id, id: t.id, position: j, text: t.text).insert(db)
        }
        for (j, x) in (c.plan?.directions ?? []).enumerated() {
            try DirectionRecord(cluster: c.id, id: x.id, position: j, title: x.title, items: x.items).insert(db)
        }
        for (j, x) in (c.plan?.indicators ?? []).enumerated() { try IndicatorRecord(cluster: c.id, position: j, x).insert(db) }
    }

    /// The calendar rows the workspace edits: vacations, the district's days off, busy periods
    /// (and the busy ICS files they came with). Public holidays and busy intervals stay apart.
    static func insertEditableCalendarRows(_ c: DistrictCalendar, _ db: Database) throws {
        for v in c.vacations {
            try VacationRecord(title: v.title, fromDate: v.from.description, toDate: v.to.description, district: v.district).insert(db)
        }
        for h in c.holidays.sorted() { try HolidayRecord(date: h.description).insert(db) }
        for b in c.busy {
            try BusyPeriodRecord(school: b.school, fromDate: b.from.description, toDate: b.to.description, reason: b.reason,
                                 icsPath: nil).insert(db)
        }
        for b in c.busyCalendars {
            try BusyPeriodRecord(school: b.school, fromDate: nil, toDate: nil, reason: nil, icsPath: b.path).insert(db)
        }
    }
}
