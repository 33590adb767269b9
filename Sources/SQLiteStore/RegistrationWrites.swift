import GRDB
import Planning
import Store

/// Registrations (issue 16): per-event settings, who registered (emails stored lower-cased, so
/// the duplicate check is plain equality on any database), and personal feed token digests.
extension SQLiteStore {
    static func registerRegistrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v9-registrations") { db in
            try db.create(table: "registrationSetting") { t in
                t.column("cluster", .text).notNull()
                t.column("number", .integer).notNull()
                t.primaryKey(["cluster", "number"])
                t.foreignKey(["cluster", "number"], references: "event", onDelete: .cascade)
                t.column("open", .boolean).notNull()
                t.column("capacity", .integer).check { $0 == nil || $0 >= 0 }
                t.column("deadline", .text)
            }
            try db.create(table: "registration") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("cluster", .text).notNull()
                t.column("number", .integer).notNull()
                t.foreignKey(["cluster", "number"], references: "event", onDelete: .cascade)
                t.column("name", .text).notNull()
                t.column("school", .text).notNull()
                t.column("position", .text).notNull()
                t.column("email", .text).indexed()
                t.column("consent", .boolean).notNull()
                t.column("status", .text).notNull().check { ["registered", "waitlisted", "cancelled"].contains($0) }
                t.column("attended", .boolean).notNull()
                t.column("walkIn", .boolean).notNull()
                t.column("createdAt", .integer).notNull()
                t.column("tokenDigest", .text).notNull().unique()
            }
            try db.create(index: "registrationByEvent", on: "registration", columns: ["cluster", "number"])
            // A training course's sessions (`courses: - events: [...]`): attendance at them counts as its listeners.
            try db.create(table: "courseEvent") { t in
                t.column("course", .text).notNull().references("course", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("cluster", .text).notNull()
                t.column("number", .integer).notNull()
                t.primaryKey(["course", "cluster", "number"])
            }
            try db.create(table: "personalFeed") { t in
                t.primaryKey("email", .text)
                t.column("digest", .text).notNull().unique()
                t.column("created", .integer).notNull()
            }
        }
    }

    public func setRegistrationSettings(_ settings: RegistrationSettings, audit: [AuditEntry]) async throws(StoreError) {
        try await writing { db in
            let id = settings.event
            guard try EventRecord.exists(db, key: ["cluster": id.cluster, "number": id.number]) else { throw StoreError.unknownEvent(id) }
            try db.execute(sql: """
                INSERT INTO registrationSetting (cluster, number, open, capacity, deadline) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (cluster, number) DO UPDATE SET open = excluded.open, capacity = excluded.capacity, deadline = excluded.deadline
                """, arguments: [id.cluster, id.number, settings.open, settings.capacity, settings.deadline?.description])
            try Self.apply(RegistrationRules.cancelling(nil, existing: try Self.registrations(db, event: id), capacity: settings.capacity), db)
            for entry in audit { try AuditRecord(entry).insert(db) }
            try Self.bumpRevision(db)
        }
    }

    public func registrations(for event: EventID) async throws(StoreError) -> [Registration] {
        try await reading { db in try Self.registrations(db, event: event) }
    }

    public func register(_ new: NewRegistration, for event: EventID, now: Int64) async throws(StoreError) -> Registration {
        let added = try await register([new], for: event, now: now)
        guard let first = added.first else { throw .corrupt("регистрация не записана") }
        return first
    }

    public func register(_ new: [NewRegistration], for event: EventID, now: Int64) async throws(StoreError) -> [Registration] {
        try await writing { db in try Self.insert(new, for: event, now: now, db) }
    }

    public func registration(token digest: String) async throws(StoreError) -> Registration? {
        try await reading { db in
            try Row.fetchOne(db, sql: "SELECT * FROM registration WHERE tokenDigest = ?", arguments: [digest]).map(Self.registration)
        }
    }

    public func cancelRegistration(_ id: Int64, now: Int64) async throws(StoreError) -> [Registration] {
        try await writing { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM registration WHERE id = ?", arguments: [id]) else {
                throw StoreError.registration(.unknownRegistration)
            }
            let event = try Self.registration(row).event
            let capacity = try Self.capacity(db, event: event)
            let changes = RegistrationRules.cancelling(id, existing: try Self.registrations(db, event: event), capacity: capacity)
            try Self.apply(changes, db)
            if try Self.registration(row).attended { try Self.bumpRevision(db) }
            let after = try Self.registrations(db, event: event).filter { changes[$0.id] != nil }
            return after.filter { $0.id == id } + after.filter { $0.id != id }
        }
    }

    public func setAttendance(_ event: EventID, present: Set<Int64>, walkIns: [NewRegistration], now: Int64) async throws(StoreError)
        -> [Registration] {
        try await writing { db in
            for r in try Self.registrations(db, event: event) {
                try db.execute(sql: "UPDATE registration SET attended = ? WHERE id = ?", arguments: [present.contains(r.id) && r.isActive, r.id])
            }
            _ = try Self.insert(walkIns, for: event, now: now, db)
            // Attendance counts in the report's course figures.
            try Self.bumpRevision(db)
            return try Self.registrations(db, event: event)
        }
    }

    public func registrations(email: String) async throws(StoreError) -> [Registration] {
        try await reading { db in
            try Row.fetchAll(db, sql: "SELECT * FROM registration WHERE email = ? ORDER BY id", arguments: [email.lowercased()])
                .map(Self.registration)
        }
    }

    public func deleteRegistrant(email: String) async throws(StoreError) -> Int {
        try await writing { db in
            let key = email.lowercased()
            let events = try Row.fetchAll(db, sql: "SELECT DISTINCT cluster, number FROM registration WHERE email = ?", arguments: [key])
            try db.execute(sql: "DELETE FROM registration WHERE email = ?", arguments: [key])
            let count = db.changesCount
            if count > 0 { try Self.bumpRevision(db) }
            try db.execute(sql: "DELETE FROM personalFeed WHERE email = ?", arguments: [key])
            // Places they held go to the waiting list, as a cancellation would.
            for row in events {
                let event = EventID(cluster: row["cluster"], number: row["number"])
                try Self.apply(RegistrationRules.cancelling(nil, existing: try Self.registrations(db, event: event),
                                                            capacity: try Self.capacity(db, event: event)), db)
            }
            return count
        }
    }

    public func setPersonalFeed(email: String, digest: String, now: Int64) async throws(StoreError) {
        try await writing { db in
            try db.execute(sql: """
                INSERT INTO personalFeed (email, digest, created) VALUES (?, ?, ?)
                ON CONFLICT (email) DO UPDATE SET digest = excluded.digest, created = excluded.created
                """, arguments: [email.lowercased(), digest, now])
        }
    }

    public func personalFeedEmail(digest: String) async throws(StoreError) -> String? {
        try await reading { db in try String.fetchOne(db, sql: "SELECT email FROM personalFeed WHERE digest = ?", arguments: [digest]) }
    }

    public func revokePersonalFeed(email: String) async throws(StoreError) -> Bool {
        try await writing { db in
            try db.execute(sql: "DELETE FROM personalFeed WHERE email = ?", arguments: [email.lowercased()])
            return db.changesCount > 0
        }
    }

    // MARK: Rows

    static func registrationSettings(_ db: Database) throws -> [RegistrationSettings] {
        try Row.fetchAll(db, sql: "SELECT * FROM registrationSetting ORDER BY cluster, number").map { row in
            let deadline: String? = row["deadline"]
            return RegistrationSettings(
                event: EventID(cluster: row["cluster"], number: row["number"]), open: row["open"], capacity: row["capacity"],
                deadline: try deadline.map { text in try parse(text, { LocalMoment(iso: String($0)) }, "срок регистрации") })
        }
    }

    /// Distinct attendees (by email; each walk-in without one apart) of every course's events, per school and year.
    static func courseListeners(_ db: Database) throws -> [CourseListeners] {
        try Row.fetchAll(db, sql: SharedQueries.courseListeners).map { row in
            let year: String = row["year"]
            return CourseListeners(course: row["course"], year: try parse(year, { AcademicYear($0) }, "год курса"), school: row["school"],
                                   listeners: row["listeners"])
        }
    }

    private static func insert(_ new: [NewRegistration], for event: EventID, now: Int64, _ db: Database) throws -> [Registration] {
        guard try EventRecord.exists(db, key: ["cluster": event.cluster, "number": event.number]) else { throw StoreError.unknownEvent(event) }
        let capacity = try capacity(db, event: event)
        var existing = try registrations(db, event: event)
        var added: [Registration] = []
        for n in new {
            let status: RegistrationStatus
            do throws(RegistrationRefusal) { status = try RegistrationRules.admit(n, existing: existing, capacity: capacity) } catch {
                throw StoreError.registration(error)
            }
            let r = n.registrant
            try db.execute(sql: """
                INSERT INTO registration (cluster, number, name, school, position, email, consent, status, attended, walkIn, createdAt, tokenDigest)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [event.cluster, event.number, r.name, r.school, r.position, r.email, r.consent, status.rawValue,
                                 n.attended, n.walkIn, now, n.tokenDigest])
            let stored = Registration(id: db.lastInsertedRowID, event: event, registrant: r, status: status, attended: n.attended,
                                      walkIn: n.walkIn, createdAt: now, tokenDigest: n.tokenDigest)
            existing.append(stored)
            added.append(stored)
        }
        if new.contains(where: \.attended) { try bumpRevision(db) }
        return added
    }

    private static func apply(_ changes: [Int64: RegistrationStatus], _ db: Database) throws {
        for (id, status) in changes.sorted(by: { $0.key < $1.key }) {
            let attended = status == .cancelled ? "0" : "attended"
            try db.execute(sql: "UPDATE registration SET status = ?, attended = \(attended) WHERE id = ?", arguments: [status.rawValue, id])
        }
    }

    private static func capacity(_ db: Database, event: EventID) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT capacity FROM registrationSetting WHERE cluster = ? AND number = ?",
                         arguments: [event.cluster, event.number])
    }

    private static func registrations(_ db: Database, event: EventID) throws -> [Registration] {
        try Row.fetchAll(db, sql: "SELECT * FROM registration WHERE cluster = ? AND number = ? ORDER BY id",
                         arguments: [event.cluster, event.number]).map(registration)
    }

    private static func registration(_ row: Row) throws -> Registration {
        let status: String = row["status"]
        return Registration(
            id: row["id"], event: EventID(cluster: row["cluster"], number: row["number"]),
            registrant: Registrant(name: row["name"], school: row["school"], position: row["position"], email: row["email"],
                                   consent: row["consent"]),
            status: try parse(status, { RegistrationStatus(rawValue: String($0)) }, "статус регистрации"), attended: row["attended"],
            walkIn: row["walkIn"], createdAt: row["createdAt"], tokenDigest: row["tokenDigest"])
    }
}
