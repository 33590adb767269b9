import GRDB
import Planning

extension AppDatabase {
    /// Brings the store in line with a loaded plan, in one transaction. Unchanged files write
    /// nothing; an event gone from the plan is kept as removed; outcomes are never touched.
    /// `now` (Unix seconds) stamps every event whose published data changes.
    public func importDistrict(_ district: District, now: Int64) throws -> ImportSummary {
        try write { db in
            let old = try Self.snapshot(db)
            var summary = ImportSummary()
            summary.schools = diff(old?.district.schools ?? [], district.schools)
            summary.clusters = diff(old?.district.clusters ?? [], district.clusters)
            summary.calendarChanged = old.map { $0.district.calendar != district.calendar
                || $0.district.name != district.name || $0.district.timezone != district.timezone } ?? true
            summary.coursesChanged = (old?.district.courses ?? []) != district.courses

            var existing = Dictionary(uniqueKeysWithValues: try EventRecord.fetchAll(db).map { ($0.id, $0) })
            for event in district.events {
                guard var record = existing.removeValue(forKey: event.id) else {
                    try EventRecord(event, state: initialState(of: event, calendar: district.calendar, now: now),
                                    postponedTo: nil).insert(db)
                    summary.events.added.append(event.id.description)
                    continue
                }
                let previous = try record.plannedEvent()
                var state = record.state
                if state.status == .removed {
                    state.status = state.date == nil ? .planned : .scheduled
                    publish(&state, now: now)
                    summary.restoredEvents.append(event.id)
                }
                if previous != event {
                    updateState(&state, from: previous, to: event, postponedTo: record.postponedTo.flatMap { LocalDate(iso: $0) },
                                calendar: district.calendar, now: now)
                    summary.events.updated.append(event.id.description)
                }
                guard previous != event || record.state != state else { continue }
                record.setPlan(event)
                record.setState(state)
                try record.update(db)
            }
            for var record in existing.values.sorted(by: { $0.id < $1.id }) where record.status != EventStatus.removed.rawValue {
                var state = record.state
                state.status = .removed
                publish(&state, now: now)
                record.setState(state)
                try record.update(db)
                summary.events.removed.append(record.id.description)
            }
            if !summary.schools.isEmpty || !summary.clusters.isEmpty || summary.calendarChanged || summary.coursesChanged {
                try replacePlanRows(db, with: district)
            }
            if !summary.isEmpty { try Self.bumpRevision(db) }
            return summary
        }
    }

    private func initialState(of event: PlannedEvent, calendar: DistrictCalendar, now: Int64) -> EventState {
        guard case .pinned(let date) = event.timing else { return EventState(lastModified: now) }
        return EventState(date: date, start: event.start ?? calendar.defaultStart, lastModified: now, status: .scheduled)
    }

    /// A published change: subscribers must see a higher SEQUENCE and a new LAST-MODIFIED.
    private func publish(_ state: inout EventState, now: Int64) {
        if state.date != nil { state.sequence += 1 }
        state.lastModified = now
    }

    private func updateState(_ state: inout EventState, from old: PlannedEvent, to new: PlannedEvent, postponedTo: LocalDate?,
                             calendar: DistrictCalendar, now: Int64) {
        let before = state
        let settled = state.status == .held || state.status.isCancelled
        if !settled, postponedTo == nil {
            if case .pinned(let date) = new.timing {
                state.date = date
                state.status = .scheduled
            } else if let date = state.date, !(new.timing.firstDay...new.timing.lastDay).contains(date) {
                // The old date left the new window: the event waits for `schedule`.
                state.date = nil
                state.status = .planned
            }
            if state.date != nil, new.start != old.start || state.start == nil {
                state.start = new.start ?? calendar.defaultStart
            }
            if state.date == nil { state.start = nil }
        }
        let placeChanged = old.host != new.host
        let whenChanged = before.date != state.date || before.start != state.start
        if before.date != nil, placeChanged || whenChanged { state.sequence += 1 }
        // Any change of published text refreshes LAST-MODIFIED so clients pick it up.
        state.lastModified = now
    }

    private func replacePlanRows(_ db: Database, with d: District) throws {
        for table in ["clusterMember", "planTask", "direction", "indicator", "cluster", "school", "vacation", "holiday",
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
        for (i, s) in d.schools.enumerated() { try SchoolRecord(s, position: i).insert(db) }
        for (i, c) in d.clusters.enumerated() {
            try ClusterRecord(c, position: i).insert(db)
            for (j, m) in c.members.enumerated() { try ClusterMemberRecord(cluster: c.id, school: m, position: j).insert(db) }
            for (j, t) in (c.plan?.tasks ?? []).enumerated() {
                try PlanTaskRecord(cluster: c.id, id: t.id, position: j, text: t.text).insert(db)
            }
            for (j, x) in (c.plan?.directions ?? []).enumerated() {
                try DirectionRecord(cluster: c.id, id: x.id, position: j, title: x.title, items: x.items).insert(db)
            }
            for (j, x) in (c.plan?.indicators ?? []).enumerated() {
                try IndicatorRecord(cluster: c.id, id: x.id, position: j, title: x.title, target: x.target, unit: x.unit).insert(db)
            }
        }
        for v in d.calendar.vacations {
            try VacationRecord(title: v.title, fromDate: v.from.description, toDate: v.to.description, district: v.district).insert(db)
        }
        for h in d.calendar.holidays.sorted() { try HolidayRecord(date: h.description).insert(db) }
        for r in PublicHolidayRecord.records(d.calendar.publicHolidays) { try r.insert(db) }
        for b in d.calendar.busy {
            try BusyPeriodRecord(school: b.school, fromDate: b.from.description, toDate: b.to.description, reason: b.reason,
                                 icsPath: nil).insert(db)
        }
        for b in d.calendar.busyCalendars {
            try BusyPeriodRecord(school: b.school, fromDate: nil, toDate: nil, reason: nil, icsPath: b.path).insert(db)
        }
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
        }
    }
}

private func diff<T: Identifiable & Equatable>(_ old: [T], _ new: [T]) -> ImportSummary.Change where T.ID == String {
    let before = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let after = Set(new.map(\.id))
    var change = ImportSummary.Change()
    for item in new {
        if let previous = before[item.id] {
            if previous != item { change.updated.append(item.id) }
        } else {
            change.added.append(item.id)
        }
    }
    change.removed = old.map(\.id).filter { !after.contains($0) }
    return change
}
