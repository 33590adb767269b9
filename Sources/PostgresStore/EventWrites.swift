import Logging
import Planning
import PostgresNIO
import Store

extension PostgresStore {
    /// The scheduler's dates through `EventState.scheduled`: the stored states read in one query,
    /// the changed ones written back in batches of one statement (a round trip per event was most
    /// of a country-sized schedule).
    @discardableResult
    public func applySchedule(_ changes: [ScheduleChange], now: Int64) async throws(StoreError) -> [EventID] {
        try await writing { c in
            var stored: [EventID: EventState] = [:]
            stored.reserveCapacity(changes.count)
            let rows = try await c.query("SELECT cluster, number, date, startTime, sequence, lastModified, status FROM event", logger: logger)
            for try await (cluster, number, date, start, sequence, lastModified, status) in rows
                .decode((String, Int, String?, String?, Int, Int64, String).self) {
                let id = EventID(cluster: cluster, number: number)
                stored[id] = EventState(
                    date: try date.map { t throws(StoreError) in try parse(t, { LocalDate(iso: $0) }, "дата \(id)") },
                    start: try start.map { t throws(StoreError) in try parse(t, { TimeOfDay($0) }, "время \(id)") },
                    sequence: sequence, lastModified: lastModified, status: try parse(status, EventStatus.init(rawValue:), "статус \(id)"))
            }
            var changed: [(EventID, EventState)] = []
            for change in changes {
                guard let state = stored[change.id] else { throw StoreError.unknownEvent(change.id) }
                guard let new = state.scheduled(on: change.date, at: change.start, now: now) else { continue }
                stored[change.id] = new
                changed.append((change.id, new))
            }
            // One UPDATE … FROM (VALUES …) per batch; a later change of the same event wins, as it would one by one.
            var latest: [EventID: EventState] = [:]
            for (id, state) in changed { latest[id] = state }
            let rowsToWrite = Array(latest)
            for start in stride(from: 0, to: rowsToWrite.count, by: 5_000) {
                let batch = rowsToWrite[start..<min(start + 5_000, rowsToWrite.count)]
                var binds = PostgresBindings()
                var tuples: [String] = []
                for (id, s) in batch {
                    let n = binds.count
                    binds.append(id.cluster); binds.append(id.number); binds.append(s.date?.description); binds.append(s.start?.description)
                    binds.append(s.sequence); binds.append(s.lastModified); binds.append(s.status.rawValue)
                    tuples.append("($\(n + 1), $\(n + 2)::bigint, $\(n + 3)::text, $\(n + 4)::text, $\(n + 5)::bigint, $\(n + 6)::bigint, $\(n + 7))")
                }
                _ = try await c.query(PostgresQuery(unsafeSQL: """
                    UPDATE event AS e SET date = v.date, startTime = v.startTime, sequence = v.sequence,
                    lastModified = v.lastModified, status = v.status, revision = e.revision + 1
                    FROM (VALUES \(tuples.joined(separator: ", "))) AS v(cluster, number, date, startTime, sequence, lastModified, status)
                    WHERE e.cluster = v.cluster AND e.number = v.number
                    """, binds: binds), logger: logger)
            }
            if !changed.isEmpty { try await Self.bumpRevision(c, logger) }
            return changed.map(\.0)
        }
    }

    /// One outcome through `EventState.recording`.
    public func record(_ outcome: OutcomeEntry, for id: EventID, now: Int64) async throws(StoreError) {
        try await writing { c in
            guard var item = try await Self.event(id, c, logger) else { throw StoreError.unknownEvent(id) }
            item.state = item.state.recording(outcome, plannedStart: item.event.start, now: now)
            item.revision += 1
            try await EventRow.update(item, c, logger)
            try await Self.bumpRevision(c, logger)
        }
    }

    static func event(_ id: EventID, _ c: PostgresConnection, _ logger: Logger) async throws -> EventSnapshot? {
        var binds = PostgresBindings()
        binds.append(id.cluster)
        binds.append(id.number)
        let rows = try await c.query(PostgresQuery(unsafeSQL: "SELECT \(EventRow.selection) FROM event WHERE cluster = $1 AND number = $2",
                                                   binds: binds), logger: logger)
        for try await row in rows { return try EventRow.snapshot(row) }
        return nil
    }
}
