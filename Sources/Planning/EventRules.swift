// What happens to an event's state on import, schedule, record and removal. Pure functions, so
// every store (SQLite, PostgreSQL) persists the same results and cannot get the rules wrong.

extension EventState {
    /// A newly imported event: a pinned date is published at once, anything else waits for `schedule`.
    public static func initial(for event: PlannedEvent, calendar: DistrictCalendar, now: Int64) -> EventState {
        guard case .pinned(let date) = event.timing else { return EventState(lastModified: now) }
        return EventState(date: date, start: event.start ?? calendar.defaultStart, lastModified: now, status: .scheduled)
    }

    /// A published change: subscribers must see a higher SEQUENCE (once they have seen a date) and
    /// a new LAST-MODIFIED.
    mutating func publish(now: Int64) {
        if date != nil { sequence += 1 }
        lastModified = now
    }

    /// Gone from the plan files: kept, shown cancelled in feeds.
    public func removed(now: Int64) -> EventState {
        var state = self
        state.status = .removed
        state.publish(now: now)
        return state
    }

    /// Back in the plan files after a removal.
    public func restored(now: Int64) -> EventState {
        guard status == .removed else { return self }
        var state = self
        state.status = date == nil ? .planned : .scheduled
        state.publish(now: now)
        return state
    }

    /// The plan row changed from `old` to `new`. Held, cancelled and postponed events keep their
    /// day; others follow a new pinned date or lose a date that left the new window. SEQUENCE rises
    /// when a published date, time or place changes.
    public func reimported(from old: PlannedEvent, to new: PlannedEvent, calendar: DistrictCalendar, now: Int64) -> EventState {
        var state = self
        let settled = status == .held || status.isCancelled
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
        // An online event's link is its place: LOCATION changes with it.
        let placeChanged = old.host != new.host || (new.isOnline && old.link != new.link)
        let whenChanged = date != state.date || start != state.start
        if date != nil, placeChanged || whenChanged { state.sequence += 1 }
        // Any change of published text refreshes LAST-MODIFIED so clients pick it up.
        state.lastModified = now
        return state
    }

    /// A new date and time from the scheduler, or nil when nothing changes. A date that was already
    /// published and changes raises SEQUENCE; a first date does not (subscribers never saw the event).
    public func scheduled(on date: LocalDate?, at start: TimeOfDay?, now: Int64) -> EventState? {
        let start = date == nil ? nil : start
        guard self.date != date || self.start != start else { return nil }
        var state = self
        if self.date != nil { state.sequence += 1 }
        state.date = date
        state.start = start
        if status == .planned || status == .scheduled { state.status = date == nil ? .planned : .scheduled }
        state.lastModified = now
        return state
    }

    /// An outcome recorded for the event (validated first with `OutcomeEntry.problems`). SEQUENCE
    /// rises when a published day moves or the event is cancelled.
    public func recording(_ entry: OutcomeEntry, plannedStart: TimeOfDay?, now: Int64) -> EventState {
        var state = self
        var result = outcome ?? Outcome()
        switch entry {
        case .held(let date, let participants, let schools, let note, let products):
            state.status = .held
            // The feed shows the day it really happened.
            state.date = date
            if state.start == nil { state.start = plannedStart }
            result.heldOn = date
            result.participants = participants
            result.schools = schools
            result.note = note ?? result.note
            result.products = products ?? result.products
            result.cancellationReason = nil
        case .cancelled(let reason):
            state.status = .cancelled
            result.cancellationReason = reason
        case .postponed(let date):
            state.status = .postponed
            state.date = date
            state.postponedTo = date
        }
        state.outcome = result
        if date != nil, date != state.date || status.isCancelled != state.status.isCancelled {
            state.sequence += 1
        }
        state.lastModified = now
        return state
    }
}

/// What an import does to the stored events: computed from the stored snapshot and the loaded
/// plan, then written as is by the store in one transaction.
public struct ImportPlan: Hashable, Sendable {
    /// The district to store: the files' schools and clusters in place of the stored ones with the
    /// same ids, every other stored one kept (see `District.importing(_:)`).
    public var district: District
    public var summary: ImportSummary
    /// Events new to the store.
    public var inserted: [EventSnapshot] = []
    /// Stored events whose plan row or state changed (removed ones included).
    public var updated: [EventSnapshot] = []
    /// Schools, clusters, calendar or courses changed: the store replaces those rows.
    public var replacesPlanRows: Bool { !summary.schools.isEmpty || !summary.clusters.isEmpty || summary.calendarChanged
        || summary.coursesChanged }

    /// Unchanged files give an empty plan; an event gone from the plan is kept as removed;
    /// outcomes are never touched. `now` stamps every event whose published data changes.
    public init(importing files: District, over old: DistrictSnapshot?, now: Int64) {
        let district = old?.district.importing(files) ?? files
        self.district = district
        let fromFiles = Set(files.clusters.map(\.id))
        summary = ImportSummary()
        summary.schools = .diff(old?.district.schools ?? [], district.schools)
        summary.clusters = .diff(old?.district.clusters ?? [], district.clusters)
        summary.calendarChanged = old.map { $0.district.calendar != district.calendar
            || $0.district.name != district.name || $0.district.timezone != district.timezone
            || $0.district.methodicalCentre != district.methodicalCentre } ?? true
        summary.coursesChanged = (old?.district.courses ?? []) != district.courses

        var existing = Dictionary((old?.events ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for event in district.events {
            guard let stored = existing.removeValue(forKey: event.id) else {
                inserted.append(EventSnapshot(event: event, state: .initial(for: event, calendar: district.calendar, now: now)))
                summary.events.added.append(event.id.description)
                continue
            }
            var state = stored.state.restored(now: now)
            if state != stored.state { summary.restoredEvents.append(event.id) }
            if stored.event != event {
                state = state.reimported(from: stored.event, to: event, calendar: district.calendar, now: now)
                summary.events.updated.append(event.id.description)
            }
            // The files win over values pending from the workspace.
            if stored.event != event || stored.state != state || (stored.pending != nil && fromFiles.contains(event.clusterID)) {
                updated.append(EventSnapshot(event: event, state: state, revision: stored.revision + 1))
            }
        }
        for stored in existing.values.sorted(by: { $0.id < $1.id }) where stored.state.status != .removed {
            updated.append(stored.removed(now: now))
            summary.events.removed.append(stored.id.description)
        }
    }
}

extension ImportPlan {
    /// The audit entries of the import: one per cluster and event it added, changed or removed.
    public func audit(by author: Author, at now: Int64) -> [AuditEntry] {
        func entry(_ cluster: String, _ event: Int?, _ what: String) -> AuditEntry {
            AuditEntry(at: now, login: author.login, source: author.source, cluster: cluster, event: event, field: "import",
                       old: nil, new: what)
        }
        var entries = summary.clusters.added.map { entry($0, nil, "кластер добавлен") }
            + summary.clusters.updated.map { entry($0, nil, "кластер изменён") }
        for (ids, what) in [(summary.events.added, "добавлено"), (summary.events.updated, "изменено"),
                            (summary.events.removed, "исключено из плана")] {
            entries += ids.compactMap(EventID.init).map { entry($0.cluster, $0.number, what) }
        }
        return entries
    }
}

extension District {
    /// Plan files imported over this stored district: their schools and clusters replace the
    /// stored ones with the same ids, in place; stored ones the files do not name stay (created in
    /// the workspace or imported from other files); new ones follow. The calendar, courses, time
    /// zone and methodical centre are the files'.
    public func importing(_ files: District) -> District {
        func merged<T: Identifiable>(_ stored: [T], _ new: [T]) -> [T] where T.ID == String {
            let byID = Dictionary(new.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let storedIDs = Set(stored.map(\.id))
            return stored.map { byID[$0.id] ?? $0 } + new.filter { !storedIDs.contains($0.id) }
        }
        var result = files
        result.schools = merged(schools, files.schools)
        result.clusters = merged(clusters, files.clusters)
        let names = files.name.split(separator: "; ").map(String.init)
        let kept = result.clusters.compactMap(\.district).filter { !names.contains($0) }
        result.name = (names + kept.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }).joined(separator: "; ")
        return result
    }
}

/// What an import changed. `isEmpty` means the files matched the store exactly.
public struct ImportSummary: Hashable, Sendable {
    public var schools = Change()
    public var clusters = Change()
    public var events = Change()
    public var restoredEvents: [EventID] = []
    public var calendarChanged = false
    public var coursesChanged = false

    public init() {}

    public struct Change: Hashable, Sendable {
        public var added: [String] = []
        public var updated: [String] = []
        public var removed: [String] = []
        public var isEmpty: Bool { added.isEmpty && updated.isEmpty && removed.isEmpty }

        static func diff<T: Identifiable & Equatable>(_ old: [T], _ new: [T]) -> Change where T.ID == String {
            let before = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let after = Set(new.map(\.id))
            var change = Change()
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
    }

    public var isEmpty: Bool {
        schools.isEmpty && clusters.isEmpty && events.isEmpty && restoredEvents.isEmpty && !calendarChanged && !coursesChanged
    }
}
