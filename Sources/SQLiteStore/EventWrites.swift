import GRDB
import Planning
import Store

extension SQLiteStore {
    /// The scheduler's dates through `EventState.scheduled`. Only the state columns of changed rows
    /// are written, with one cached statement each for reading and writing: at country scale
    /// (80,000 events) this is what `schedule` spends its time on.
    static func persist(_ changes: [ScheduleChange], now: Int64, _ db: Database) throws -> [EventID] {
        let select = try db.cachedStatement(sql: """
            SELECT date, startTime, sequence, lastModified, status FROM event WHERE cluster = ? AND number = ?
            """)
        let update = try db.cachedStatement(sql: """
            UPDATE event SET date = ?, startTime = ?, sequence = ?, lastModified = ?, status = ?, revision = revision + 1
            WHERE cluster = ? AND number = ?
            """)
        var changed: [EventID] = []
        for change in changes {
            guard let row = try Row.fetchOne(select, arguments: [change.id.cluster, change.id.number]) else {
                throw StoreError.unknownEvent(change.id)
            }
            // Only the columns the rule reads and writes: the outcome is not part of a schedule change.
            let stored = EventState(
                date: try (row["date"] as String?).map { t throws(StoreError) in try parse(t, { LocalDate(iso: $0) }, "дата \(change.id)") },
                start: try (row["startTime"] as String?).map { t throws(StoreError) in try parse(t, { TimeOfDay($0) }, "время \(change.id)") },
                sequence: row["sequence"], lastModified: row["lastModified"],
                status: try parse(row["status"], EventStatus.init(rawValue:), "статус \(change.id)"))
            guard let state = stored.scheduled(on: change.date, at: change.start, now: now) else { continue }
            try update.execute(arguments: [state.date?.description, state.start?.description, state.sequence, state.lastModified,
                                           state.status.rawValue, change.id.cluster, change.id.number])
            changed.append(change.id)
        }
        if !changed.isEmpty { try bumpRevision(db) }
        return changed
    }

    /// One outcome through `EventState.recording`.
    static func persist(_ outcome: OutcomeEntry, for id: EventID, now: Int64, _ db: Database) throws {
        guard let record = try EventRecord.fetchOne(db, key: ["cluster": id.cluster, "number": id.number]) else {
            throw StoreError.unknownEvent(id)
        }
        var item = try record.snapshot()
        item.state = item.state.recording(outcome, plannedStart: item.event.start, now: now)
        item.revision += 1
        try EventRecord(item).update(db)
        try bumpRevision(db)
    }
}
