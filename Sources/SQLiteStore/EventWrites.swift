import GRDB
import Planning
import Store

extension SQLiteStore {
    /// The scheduler's dates through `EventState.scheduled`. The stored states are read in one pass
    /// (a lookup per change was a third of writing 80,000 of them) and only the state columns of
    /// changed rows are written, by rowid, with one cached statement.
    static func persist(_ changes: [ScheduleChange], now: Int64, _ db: Database) throws -> [EventID] {
        var stored: [EventID: (rowID: Int64, state: EventState)] = [:]
        stored.reserveCapacity(changes.count)
        let rows = try Row.fetchCursor(db, sql: "SELECT rowid, cluster, number, date, startTime, sequence, lastModified, status FROM event")
        while let row = try rows.next() {
            let id = EventID(cluster: row[1], number: row[2])
            // Only the columns the rule reads and writes: the outcome is not part of a schedule change.
            let state = EventState(
                date: try (row[3] as String?).map { t throws(StoreError) in try parse(t, { LocalDate(iso: $0) }, "дата \(id)") },
                start: try (row[4] as String?).map { t throws(StoreError) in try parse(t, { TimeOfDay($0) }, "время \(id)") },
                sequence: row[5], lastModified: row[6],
                status: try parse(row[7], EventStatus.init(rawValue:), "статус \(id)"))
            stored[id] = (row[0], state)
        }
        let update = try db.cachedStatement(sql: """
            UPDATE event SET date = ?, startTime = ?, sequence = ?, lastModified = ?, status = ?, revision = revision + 1
            WHERE rowid = ?
            """)
        var changed: [EventID] = []
        for change in changes {
            guard let (rowID, state) = stored[change.id] else { throw StoreError.unknownEvent(change.id) }
            guard let new = state.scheduled(on: change.date, at: change.start, now: now) else { continue }
            try update.run(binding: [new.date?.description, new.start?.description, new.sequence, new.lastModified,
                                     new.status.rawValue, rowID].databaseValues, db)
            stored[change.id] = (rowID, new)
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
