import Logging
import Planning
import PostgresNIO
import Store

// Workspace writes and materials: events as Planning computed them, one cluster's plan rows, the
// calendar, the audit log and published schedule versions, each call one transaction.
extension PostgresStore {
    @discardableResult
    public func write(_ events: [EventWrite], audit: [AuditEntry], version: ScheduleVersion?) async throws(StoreError) -> Int? {
        try await writing { c in
            for write in events { try await Self.persist(write, c, logger) }
            try await Self.insertAudit(audit, c, logger)
            var number: Int?
            if let version { number = try await Self.persist(version, c, logger) }
            try await Self.bumpRevision(c, logger)
            return number
        }
    }

    public func saveCluster(_ cluster: Cluster, events: [EventWrite], audit: [AuditEntry]) async throws(StoreError) {
        try await writing { c in
            var position = try await Self.rows(c, logger, "SELECT COALESCE(MAX(position) + 1, 0) FROM cluster", as: Int.self).first ?? 0
            for try await stored in try await c.query("SELECT position FROM cluster WHERE id = \(cluster.id)", logger: logger).decode(Int.self) {
                position = stored
            }
            for table in ["clusterMember", "planTask", "direction", "indicator"] {
                _ = try await c.query(PostgresQuery(unsafeSQL: "DELETE FROM \(table) WHERE cluster = $1", binds: Self.binds(cluster.id)),
                                      logger: logger)
            }
            // Delete and insert: the members' rows cascade from the cluster row, so they went above first.
            _ = try await c.query("DELETE FROM cluster WHERE id = \(cluster.id)", logger: logger)
            try await Self.insertClusters([(cluster, position)], c, logger)
            for write in events { try await Self.persist(write, c, logger) }
            try await Self.insertAudit(audit, c, logger)
            try await Self.bumpRevision(c, logger)
        }
    }

    public func saveCalendar(_ calendar: DistrictCalendar, audit: [AuditEntry]) async throws(StoreError) {
        try await writing { c in
            for table in ["vacation", "holiday", "busyPeriod"] { _ = try await c.query(PostgresQuery(unsafeSQL: "DELETE FROM \(table)"), logger: logger) }
            try await Self.insertEditableCalendarRows(calendar, c, logger)
            try await Self.insertAudit(audit, c, logger)
            try await Self.bumpRevision(c, logger)
        }
    }

    public func auditLog(cluster: String?) async throws(StoreError) -> [AuditEntry] {
        try await reading { c in
            let query: PostgresQuery = cluster.map { "SELECT at, login, source, cluster, event, field, oldValue, newValue FROM audit WHERE cluster = \($0) ORDER BY rowid DESC" }
                ?? "SELECT at, login, source, cluster, event, field, oldValue, newValue FROM audit ORDER BY rowid DESC"
            var entries: [AuditEntry] = []
            for try await (at, login, source, cluster, event, field, old, new) in try await c.query(query, logger: logger)
                .decode((Int64, String, String, String, Int?, String, String?, String?).self) {
                entries.append(AuditEntry(at: at, login: login, source: try parse(source, AuditSource.init(rawValue:), "источник записи журнала"),
                                          cluster: cluster, event: event, field: field, old: old, new: new))
            }
            return entries
        }
    }

    public func scheduleVersions(cluster: String) async throws(StoreError) -> [ScheduleVersion] {
        try await reading { c in
            func time(_ date: String?, _ start: String?) throws -> PublishedTime {
                PublishedTime(date: try date.map { t throws(StoreError) in try parse(t, { LocalDate(iso: $0) }, "версия расписания: дата") },
                              start: try start.map { t throws(StoreError) in try parse(t, { TimeOfDay($0) }, "версия расписания: время") })
            }
            var moves: [Int: [ScheduleMove]] = [:]
            for try await (version, event, oldDate, oldStart, newDate, newStart) in try await c.query("""
                SELECT version, event, oldDate, oldStart, newDate, newStart FROM scheduleMove WHERE cluster = \(cluster) ORDER BY rowid
                """, logger: logger).decode((Int, Int, String?, String?, String?, String?).self) {
                moves[version, default: []].append(ScheduleMove(event: event, old: try time(oldDate, oldStart), new: try time(newDate, newStart)))
            }
            var versions: [ScheduleVersion] = []
            for try await (number, at, login) in try await c.query("""
                SELECT number, at, login FROM scheduleVersion WHERE cluster = \(cluster) ORDER BY number DESC
                """, logger: logger).decode((Int, Int64, String).self) {
                versions.append(ScheduleVersion(cluster: cluster, number: number, at: at, login: login, moves: moves[number] ?? []))
            }
            return versions
        }
    }

    /// One event, refused when its stored revision moved on since the write was computed.
    private static func persist(_ write: EventWrite, _ c: PostgresConnection, _ logger: Logger) async throws {
        let id = write.item.id
        var stored: Int?
        for try await revision in try await c.query("SELECT revision FROM event WHERE cluster = \(id.cluster) AND number = \(id.number)",
                                                        logger: logger).decode(Int.self) { stored = revision }
        guard stored == write.expecting else { throw StoreError.conflict(id) }
        if stored == nil { try await EventRow.insert([write.item], c, logger) } else { try await EventRow.update(write.item, c, logger) }
    }

    private static func persist(_ version: ScheduleVersion, _ c: PostgresConnection, _ logger: Logger) async throws -> Int {
        var number = 1
        for try await last in try await c.query("SELECT MAX(number) FROM scheduleVersion WHERE cluster = \(version.cluster)", logger: logger)
            .decode(Int?.self) { number = (last ?? 0) + 1 }
        _ = try await c.query("""
            INSERT INTO scheduleVersion (cluster, number, at, login) VALUES (\(version.cluster), \(number), \(version.at), \(version.login))
            """, logger: logger)
        try await c.insertAll(into: "scheduleMove", ["cluster", "version", "event", "oldDate", "oldStart", "newDate", "newStart"],
                              version.moves, logger: logger) { m, b in
            b.append(version.cluster); b.append(number); b.append(m.event); b.append(m.old.date?.description)
            b.append(m.old.start?.description); b.append(m.new.date?.description); b.append(m.new.start?.description)
        }
        return number
    }

    private static func binds(_ values: String...) -> PostgresBindings {
        var binds = PostgresBindings()
        for v in values { binds.append(v) }
        return binds
    }

    // MARK: Materials

    public func addMaterial(event: EventID, fileName: String, title: String, contentType: String, bytes: [UInt8],
                            now: Int64) async throws(StoreError) -> Material {
        try await writing { c in
            guard try await Self.event(event, c, logger) != nil else { throw StoreError.unknownEvent(event) }
            var id: Int64 = 0
            for try await new in try await c.query("""
                INSERT INTO material (cluster, number, fileName, title, contentType, size, uploadedAt, content)
                VALUES (\(event.cluster), \(event.number), \(fileName), \(title), \(contentType), \(bytes.count), \(now),
                \(ByteBuffer(bytes: bytes))) RETURNING id
                """, logger: logger).decode(Int64.self) { id = new }
            try await Self.bumpRevision(c, logger)
            return Material(id: id, event: event, fileName: fileName, title: title, contentType: contentType, size: bytes.count, uploadedAt: now)
        }
    }

    public func materialContent(_ id: Int64) async throws(StoreError) -> (material: Material, bytes: [UInt8])? {
        try await reading { c in
            guard let material = try await Self.materials(c, logger, where: "WHERE id = \(id)").first else { return nil }
            for try await content in try await c.query("SELECT content FROM material WHERE id = \(id)", logger: logger).decode(ByteBuffer.self) {
                return (material, Array(content.readableBytesView))
            }
            return nil
        }
    }

    public func removeMaterial(_ id: Int64) async throws(StoreError) -> Bool {
        try await writing { c in
            guard try await c.changing("DELETE FROM material WHERE id = \(id)", logger: logger) > 0 else { return false }
            try await Self.bumpRevision(c, logger)
            return true
        }
    }
}
