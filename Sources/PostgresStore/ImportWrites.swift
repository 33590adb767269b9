import Logging
import Planning
import PostgresNIO
import Store

extension PostgresStore {
    public func importDistrict(_ district: District, now: Int64, by author: Author) async throws(StoreError) -> ImportSummary {
        try await writing { c in
            let plan = ImportPlan(importing: district, over: try await Self.snapshot(c, logger), now: now)
            try await EventRow.insert(plan.inserted, c, logger)
            for item in plan.updated { try await EventRow.update(item, c, logger) }
            if plan.replacesPlanRows { try await Self.replacePlanRows(plan.district, c, logger) }
            if !plan.summary.isEmpty { try await Self.bumpRevision(c, logger) }
            try await Self.insertAudit(plan.audit(by: author, at: now), c, logger)
            return plan.summary
        }
    }

    public func setIndicator(_ value: IndicatorValue) async throws(StoreError) {
        try await writing { c in
            _ = try await c.query("""
                INSERT INTO indicatorValue (cluster, indicator, year, value) VALUES (\(value.cluster), \(value.indicator),
                \(value.year.description), \(value.value)) ON CONFLICT (cluster, indicator, year) DO UPDATE SET value = excluded.value
                """, logger: logger)
            try await Self.bumpRevision(c, logger)
        }
    }

    private static func replacePlanRows(_ d: District, _ c: PostgresConnection, _ logger: Logger) async throws {
        for table in ["clusterMember", "planTask", "direction", "indicator", "cluster", "school", "venue", "vacation", "holiday",
                      "publicHoliday", "busyPeriod", "busyInterval", "enrolment", "courseTarget", "courseEvent", "course"] {
            _ = try await c.query(PostgresQuery(unsafeSQL: "DELETE FROM \(table)"), logger: logger)
        }
        let calendar = d.calendar
        let meta: [(String, String)] = [
            ("district", d.name), ("timezone", d.timezone),
            ("working_days", Weekday.allCases.filter(calendar.workingDays.contains).map(\.rawValue).joined(separator: ",")),
            ("default_start", calendar.defaultStart.description),
            ("during_vacations", calendar.preferences.duringVacations.rawValue),
            ("preferred_weekdays", Weekday.allCases.filter(calendar.preferences.preferredWeekdays.contains).map(\.rawValue)
                .joined(separator: ",")),
            ("min_gap_days", String(calendar.preferences.minimumGapDays)),
        ] + (d.methodicalCentre.map { centre in [("centre_name", centre.name)] + (centre.email.map { [("centre_email", $0)] } ?? []) } ?? [])
        _ = try await c.query("DELETE FROM meta WHERE key IN ('centre_name', 'centre_email')", logger: logger)
        for (key, value) in meta {
            _ = try await c.query("""
                INSERT INTO meta (key, value) VALUES (\(key), \(value)) ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """, logger: logger)
        }
        try await c.insertAll(into: "school", ["id", "position", "name", "district", "kind", "address", "contingent"],
                              d.schools.enumerated(), logger: logger) { s, b in
            b.append(s.element.id); b.append(s.offset); b.append(s.element.name); b.append(s.element.district)
            b.append(s.element.kind.rawValue); b.append(s.element.address); b.append(s.element.contingent?.rawValue)
        }
        try await c.insertAll(into: "venue", ["id", "position", "name", "address", "district"], d.venues.enumerated(), logger: logger) { v, b in
            b.append(v.element.id); b.append(v.offset); b.append(v.element.name); b.append(v.element.address); b.append(v.element.district)
        }
        try await insertClusters(d.clusters.enumerated().map { ($0.element, $0.offset) }, c, logger)
        try await insertEditableCalendarRows(calendar, c, logger)
        let days = calendar.publicHolidays.holidays.map { ($0.key.description, "holiday", Optional($0.value)) }
            + calendar.publicHolidays.transferredDaysOff.map { ($0.description, "dayOff", String?.none) }
            + calendar.publicHolidays.extraWorkingDays.map { ($0.description, "workingDay", String?.none) }
        try await c.insertAll(into: "publicHoliday", ["date", "kind", "name"], days, logger: logger) { h, b in
            b.append(h.0); b.append(h.1); b.append(h.2)
        }
        try await c.insertAll(into: "busyInterval", ["school", "startDay", "startMinute", "endDay", "endMinute", "reason", "source"],
                              calendar.busyIntervals, logger: logger) { i, b in
            b.append(i.school); b.append(i.startDay.description); b.append(i.startMinute); b.append(i.endDay.description)
            b.append(i.endMinute); b.append(i.reason); b.append(i.source)
        }
        try await c.insertAll(into: "course", ["id", "position", "title", "provider"], d.courses.enumerated(), logger: logger) { x, b in
            b.append(x.element.id); b.append(x.offset); b.append(x.element.title); b.append(x.element.provider)
        }
        try await c.insertAll(into: "enrolment", ["course", "year", "school", "teams", "listeners"],
                              d.courses.flatMap { x in x.enrolments.map { (x.id, $0) } }, logger: logger) { e, b in
            b.append(e.0); b.append(e.1.year.description); b.append(e.1.school); b.append(e.1.teams); b.append(e.1.listeners)
        }
        try await c.insertAll(into: "courseTarget", ["course", "year", "listeners", "schools", "cluster"],
                              d.courses.flatMap { x in x.targets.map { (x.id, $0) } }, logger: logger) { t, b in
            b.append(t.0); b.append(t.1.year.description); b.append(t.1.listeners); b.append(t.1.schools); b.append(t.1.cluster)
        }
        try await c.insertAll(into: "courseEvent", ["course", "position", "cluster", "number"],
                              d.courses.flatMap { x in x.events.enumerated().map { (x.id, $0.offset, $0.element) } }, logger: logger) { e, b in
            b.append(e.0); b.append(e.1); b.append(e.2.cluster); b.append(e.2.number)
        }
    }

    /// Cluster rows with their members, tasks, directions and indicators, each table in bulk.
    static func insertClusters(_ clusters: [(Cluster, Int)], _ c: PostgresConnection, _ logger: Logger) async throws {
        try await c.insertAll(into: "cluster", ["id", "position", "title", "district", "profile", "lead", "coordinatorName",
                                                "coordinatorEmail", "hasPlan", "planYears", "theme", "goal", "contactPrivate", "notesPrivate"],
                              clusters, logger: logger) { x, b in
            let (k, position) = x
            b.append(k.id); b.append(position); b.append(k.title); b.append(k.district); b.append(k.profile); b.append(k.lead)
            b.append(k.coordinator?.name); b.append(k.coordinator?.email); b.append(k.plan != nil)
            b.append((k.plan?.years ?? []).map(\.description).joined(separator: ",")); b.append(k.plan?.theme); b.append(k.plan?.goal ?? "")
            b.append(k.privacy.contactPrivate); b.append(k.privacy.notesPrivate)
        }
        let all = clusters.map(\.0)
        try await c.insertAll(into: "clusterMember", ["cluster", "school", "position"],
                              all.flatMap { k in k.members.enumerated().map { (k.id, $0.element, $0.offset) } }, logger: logger) { m, b in
            b.append(m.0); b.append(m.1); b.append(m.2)
        }
        try await c.insertAll(into: "planTask", ["cluster", "id", "position", "text"],
                              all.flatMap { k in (k.plan?.tasks ?? []).enumerated().map { (k.id, $0.element, $0.offset) } }, logger: logger) { t, b in
            b.append(t.0); b.append(t.1.id); b.append(t.2); b.append(t.1.text)
        }
        try await c.insertAll(into: "direction", ["cluster", "id", "position", "title", "items"],
                              all.flatMap { k in (k.plan?.directions ?? []).enumerated().map { (k.id, $0.element, $0.offset) } },
                              logger: logger) { x, b in
            b.append(x.0); b.append(x.1.id); b.append(x.2); b.append(x.1.title); b.append(jsonArray(x.1.items))
        }
        try await c.insertAll(into: "indicator", ["cluster", "id", "position", "title", "target", "unit", "targets"],
                              all.flatMap { k in (k.plan?.indicators ?? []).enumerated().map { (k.id, $0.element, $0.offset) } },
                              logger: logger) { x, b in
            b.append(x.0); b.append(x.1.id); b.append(x.2); b.append(x.1.title); b.append(x.1.target); b.append(x.1.unit)
            b.append(jsonArray(x.1.targets.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }))
        }
    }

    /// The calendar rows the workspace edits: vacations, the district's days off, busy periods and busy ICS files.
    static func insertEditableCalendarRows(_ calendar: DistrictCalendar, _ c: PostgresConnection, _ logger: Logger) async throws {
        try await c.insertAll(into: "vacation", ["title", "fromDate", "toDate", "district"], calendar.vacations, logger: logger) { v, b in
            b.append(v.title); b.append(v.from.description); b.append(v.to.description); b.append(v.district)
        }
        try await c.insertAll(into: "holiday", ["date"], calendar.holidays.sorted(), logger: logger) { h, b in b.append(h.description) }
        let busy = calendar.busy.map { ($0.school, Optional($0.from.description), Optional($0.to.description), $0.reason, String?.none) }
            + calendar.busyCalendars.map { ($0.school, String?.none, String?.none, String?.none, Optional($0.path)) }
        try await c.insertAll(into: "busyPeriod", ["school", "fromDate", "toDate", "reason", "icsPath"], busy, logger: logger) { p, b in
            b.append(p.0); b.append(p.1); b.append(p.2); b.append(p.3); b.append(p.4)
        }
    }
}
