import GRDB
import Planning
import Store

// Workspace writes: events as Planning computed them, one cluster's plan rows, the audit log and
// published schedule versions, each call one transaction.

struct AuditRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "audit"
    var at: Int64
    var login: String
    var source: String
    var cluster: String
    var event: Int?
    var field: String
    var oldValue: String?
    var newValue: String?

    init(_ e: AuditEntry) {
        at = e.at
        login = e.login
        source = e.source.rawValue
        cluster = e.cluster
        event = e.event
        field = e.field
        oldValue = e.old
        newValue = e.new
    }

    func entry() throws(StoreError) -> AuditEntry {
        AuditEntry(at: at, login: login, source: try parse(source, AuditSource.init(rawValue:), "источник записи журнала"),
                   cluster: cluster, event: event, field: field, old: oldValue, new: newValue)
    }
}

struct ScheduleVersionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "scheduleVersion"
    var cluster: String
    var number: Int
    var at: Int64
    var login: String
}

struct ScheduleMoveRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "scheduleMove"
    var cluster: String
    var version: Int
    var event: Int
    var oldDate: String?
    var oldStart: String?
    var newDate: String?
    var newStart: String?
}

extension SQLiteStore {
    @discardableResult
    public func write(_ events: [EventWrite], audit: [AuditEntry], version: ScheduleVersion?) async throws(StoreError) -> Int? {
        try await writing { db in
            for write in events { try Self.persist(write, db) }
            try AuditRecord.insertAll(audit.lazy.map(AuditRecord.init), db)
            let number = try version.map { try Self.persist($0, db) }
            try Self.bumpRevision(db)
            return number
        }
    }

    public func saveCluster(_ cluster: Cluster, events: [EventWrite], audit: [AuditEntry]) async throws(StoreError) {
        try await writing { db in
            let position = try Int.fetchOne(db, sql: "SELECT position FROM cluster WHERE id = ?", arguments: [cluster.id])
                ?? (try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position) + 1, 0) FROM cluster") ?? 0)
            for table in ["clusterMember", "planTask", "direction", "indicator"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE cluster = ?", arguments: [cluster.id])
            }
            try ClusterRecord(cluster, position: position).save(db)
            try Self.insertParts(of: cluster, db)
            for write in events { try Self.persist(write, db) }
            try AuditRecord.insertAll(audit.lazy.map(AuditRecord.init), db)
            try Self.bumpRevision(db)
        }
    }

    public func saveCalendar(_ calendar: DistrictCalendar, audit: [AuditEntry]) async throws(StoreError) {
        try await writing { db in
            for table in ["vacation", "holiday", "busyPeriod"] { try db.execute(sql: "DELETE FROM \(table)") }
            try Self.insertEditableCalendarRows(calendar, db)
            for entry in audit { try AuditRecord(entry).insert(db) }
            try Self.bumpRevision(db)
        }
    }

    public func auditLog(cluster: String?) async throws(StoreError) -> [AuditEntry] {
        try await reading { db in
            var request = AuditRecord.order(Column.rowID.desc)
            if let cluster { request = request.filter(Column("cluster") == cluster) }
            return try request.fetchAll(db).map { try $0.entry() }
        }
    }

    public func scheduleVersions(cluster: String) async throws(StoreError) -> [ScheduleVersion] {
        try await reading { db in
            let moves = Dictionary(grouping: try ScheduleMoveRecord.filter(Column("cluster") == cluster).order(Column.rowID)
                .fetchAll(db), by: \.version)
            return try ScheduleVersionRecord.filter(Column("cluster") == cluster).order(Column("number").desc).fetchAll(db).map { v in
                ScheduleVersion(cluster: v.cluster, number: v.number, at: v.at, login: v.login, moves: try (moves[v.number] ?? []).map { m in
                    ScheduleMove(event: m.event, old: try Self.time(m.oldDate, m.oldStart), new: try Self.time(m.newDate, m.newStart))
                })
            }
        }
    }

    /// One event, refused when its stored revision moved on since the write was computed.
    private static func persist(_ write: EventWrite, _ db: Database) throws {
        let id = write.item.id
        let stored = try Int.fetchOne(db, sql: "SELECT revision FROM event WHERE cluster = ? AND number = ?",
                                      arguments: [id.cluster, id.number])
        guard stored == write.expecting else { throw StoreError.conflict(id) }
        let record = EventRecord(write.item)
        if stored == nil { try EventRecord.insertAll([record], db) } else { try record.update(db) }
    }

    private static func persist(_ version: ScheduleVersion, _ db: Database) throws -> Int {
        let number = (try Int.fetchOne(db, sql: "SELECT MAX(number) FROM scheduleVersion WHERE cluster = ?",
                                       arguments: [version.cluster]) ?? 0) + 1
        try ScheduleVersionRecord(cluster: version.cluster, number: number, at: version.at, login: version.login).insert(db)
        for m in version.moves {
            try ScheduleMoveRecord(cluster: version.cluster, version: number, event: m.event, oldDate: m.old.date?.description,
                                   oldStart: m.old.start?.description, newDate: m.new.date?.description,
                                   newStart: m.new.start?.description).insert(db)
        }
        return number
    }

    private static func time(_ date: String?, _ start: String?) throws(StoreError) -> PublishedTime {
        PublishedTime(date: try date.map { t throws(StoreError) in try parse(t, { LocalDate(iso: $0) }, "версия расписания: дата") },
                      start: try start.map { t throws(StoreError) in try parse(t, { TimeOfDay($0) }, "версия расписания: время") })
    }
}
