import Logging
import Planning
import PostgresNIO
import Store

/// Registrations (issue 16): per-event settings, who registered (emails stored lower-cased, so
/// the duplicate check is plain equality), and personal feed token digests. `RegistrationRules`
/// decides inside each write, on the rows the write transaction reads: writes are serialized, so
/// two registrations never both take the last place.
extension PostgresStore {
    public func setRegistrationSettings(_ settings: RegistrationSettings, audit: [AuditEntry]) async throws(StoreError) {
        try await writing { connection in
            let id = settings.event
            guard try await Self.eventExists(id, connection, logger) else { throw StoreError.unknownEvent(id) }
            try await connection.query("""
                INSERT INTO registrationSetting (cluster, number, open, capacity, deadline)
                VALUES (\(id.cluster), \(id.number), \(settings.open), \(settings.capacity), \(settings.deadline?.description))
                ON CONFLICT (cluster, number) DO UPDATE SET open = excluded.open, capacity = excluded.capacity, deadline = excluded.deadline
                """, logger: logger)
            let existing = try await Self.registrations(connection, logger, event: id)
            try await Self.apply(RegistrationRules.cancelling(nil, existing: existing, capacity: settings.capacity), connection, logger)
            try await Self.insertAudit(audit, connection, logger)
            try await Self.bumpRevision(connection, logger)
        }
    }

    public func registrations(for event: EventID) async throws(StoreError) -> [Registration] {
        try await reading { connection in try await Self.registrations(connection, logger, event: event) }
    }

    public func register(_ new: NewRegistration, for event: EventID, now: Int64) async throws(StoreError) -> Registration {
        let added = try await register([new], for: event, now: now)
        guard let first = added.first else { throw .corrupt("регистрация не записана") }
        return first
    }

    public func register(_ new: [NewRegistration], for event: EventID, now: Int64) async throws(StoreError) -> [Registration] {
        try await writing { connection in try await Self.insert(new, for: event, now: now, connection, logger) }
    }

    public func registration(token digest: String) async throws(StoreError) -> Registration? {
        try await reading { connection in
            try await Self.registrations(connection, logger, where: "tokenDigest = \(digest)").first
        }
    }

    public func cancelRegistration(_ id: Int64, now: Int64) async throws(StoreError) -> [Registration] {
        try await writing { connection in
            guard let cancelled = try await Self.registrations(connection, logger, where: "id = \(id)").first else {
                throw StoreError.registration(.unknownRegistration)
            }
            let event = cancelled.event
            let capacity = try await Self.capacity(connection, logger, event: event)
            let changes = RegistrationRules.cancelling(id, existing: try await Self.registrations(connection, logger, event: event),
                                                       capacity: capacity)
            try await Self.apply(changes, connection, logger)
            // Attendance counts in the report's course figures.
            if cancelled.attended { try await Self.bumpRevision(connection, logger) }
            let after = try await Self.registrations(connection, logger, event: event).filter { changes[$0.id] != nil }
            return after.filter { $0.id == id } + after.filter { $0.id != id }
        }
    }

    public func setAttendance(_ event: EventID, present: Set<Int64>, walkIns: [NewRegistration], now: Int64) async throws(StoreError)
        -> [Registration] {
        try await writing { connection in
            // Only active registrations can be present.
            try await connection.query("""
                UPDATE registration SET attended = (id = ANY(\(Array(present))) AND status <> 'cancelled')
                WHERE cluster = \(event.cluster) AND number = \(event.number)
                """, logger: logger)
            _ = try await Self.insert(walkIns, for: event, now: now, connection, logger)
            // Attendance counts in the report's course figures.
            try await Self.bumpRevision(connection, logger)
            return try await Self.registrations(connection, logger, event: event)
        }
    }

    public func registrations(email: String) async throws(StoreError) -> [Registration] {
        try await reading { connection in
            try await Self.registrations(connection, logger, where: "email = \(email.lowercased()) ORDER BY id")
        }
    }

    public func deleteRegistrant(email: String) async throws(StoreError) -> Int {
        try await writing { connection in
            let key = email.lowercased()
            var events: [EventID] = []
            let rows = try await connection.query("""
                SELECT DISTINCT cluster, number FROM registration WHERE email = \(key) ORDER BY cluster, number
                """, logger: logger)
            for try await (cluster, number) in rows.decode((String, Int).self) { events.append(EventID(cluster: cluster, number: number)) }
            let count = try await connection.changing("DELETE FROM registration WHERE email = \(key)", logger: logger)
            if count > 0 { try await Self.bumpRevision(connection, logger) }
            try await connection.query("DELETE FROM personalFeed WHERE email = \(key)", logger: logger)
            // Places they held go to the waiting list, as a cancellation would.
            for event in events {
                let existing = try await Self.registrations(connection, logger, event: event)
                let capacity = try await Self.capacity(connection, logger, event: event)
                try await Self.apply(RegistrationRules.cancelling(nil, existing: existing, capacity: capacity), connection, logger)
            }
            return count
        }
    }

    public func setPersonalFeed(email: String, digest: String, now: Int64) async throws(StoreError) {
        try await writing { connection in
            try await connection.query("""
                INSERT INTO personalFeed (email, digest, created) VALUES (\(email.lowercased()), \(digest), \(now))
                ON CONFLICT (email) DO UPDATE SET digest = excluded.digest, created = excluded.created
                """, logger: logger)
        }
    }

    public func personalFeedEmail(digest: String) async throws(StoreError) -> String? {
        try await reading { connection in
            let rows = try await connection.query("SELECT email FROM personalFeed WHERE digest = \(digest)", logger: logger)
            return try await rows.collect().first?.decode(String.self)
        }
    }

    public func revokePersonalFeed(email: String) async throws(StoreError) -> Bool {
        try await writing { connection in
            try await connection.changing("DELETE FROM personalFeed WHERE email = \(email.lowercased())", logger: logger) > 0
        }
    }

    // MARK: Rows

    /// Every event's registration settings, for the snapshot.
    static func registrationSettings(_ connection: PostgresConnection, _ logger: Logger) async throws -> [RegistrationSettings] {
        var settings: [RegistrationSettings] = []
        let rows = try await connection.query(
            "SELECT cluster, number, open, capacity, deadline FROM registrationSetting ORDER BY cluster, number", logger: logger)
        for try await (cluster, number, open, capacity, deadline) in rows.decode((String, Int, Bool, Int?, String?).self) {
            settings.append(RegistrationSettings(
                event: EventID(cluster: cluster, number: number), open: open, capacity: capacity,
                deadline: try deadline.map { text throws(StoreError) in try parse(text, { LocalMoment(iso: $0) }, "срок регистрации") }))
        }
        return settings
    }

    /// Distinct attendees (by email; each walk-in without one apart) of every course's events, per school and year.
    static func courseListeners(_ connection: PostgresConnection, _ logger: Logger) async throws -> [CourseListeners] {
        var listeners: [CourseListeners] = []
        let rows = try await connection.query(PostgresQuery(unsafeSQL: SharedQueries.courseListeners), logger: logger)
        for try await (course, year, school, count) in rows.decode((String, String, String, Int).self) {
            listeners.append(CourseListeners(course: course, year: try parse(year, { AcademicYear($0) }, "год курса"), school: school,
                                             listeners: count))
        }
        return listeners
    }

    private static func insert(_ new: [NewRegistration], for event: EventID, now: Int64, _ connection: PostgresConnection,
                               _ logger: Logger) async throws -> [Registration] {
        guard try await eventExists(event, connection, logger) else { throw StoreError.unknownEvent(event) }
        let capacity = try await capacity(connection, logger, event: event)
        var existing = try await registrations(connection, logger, event: event)
        var added: [Registration] = []
        for n in new {
            let status: RegistrationStatus
            do throws(RegistrationRefusal) { status = try RegistrationRules.admit(n, existing: existing, capacity: capacity) } catch {
                throw StoreError.registration(error)
            }
            let r = n.registrant
            let rows = try await connection.query("""
                INSERT INTO registration (cluster, number, name, school, position, email, consent, status, attended, walkIn, createdAt,
                                          tokenDigest)
                VALUES (\(event.cluster), \(event.number), \(r.name), \(r.school), \(r.position), \(r.email), \(r.consent),
                        \(status.rawValue), \(n.attended), \(n.walkIn), \(now), \(n.tokenDigest))
                RETURNING id
                """, logger: logger)
            guard let id = try await rows.collect().first?.decode(Int64.self) else { throw StoreError.corrupt("регистрация не записана") }
            let stored = Registration(id: id, event: event, registrant: r, status: status, attended: n.attended, walkIn: n.walkIn,
                                      createdAt: now, tokenDigest: n.tokenDigest)
            existing.append(stored)
            added.append(stored)
        }
        if new.contains(where: \.attended) { try await bumpRevision(connection, logger) }
        return added
    }

    private static func apply(_ changes: [Int64: RegistrationStatus], _ connection: PostgresConnection, _ logger: Logger) async throws {
        for (id, status) in changes.sorted(by: { $0.key < $1.key }) {
            try await connection.query("""
                UPDATE registration SET status = \(status.rawValue), attended = (attended AND \(status != .cancelled)) WHERE id = \(id)
                """, logger: logger)
        }
    }

    private static func eventExists(_ event: EventID, _ connection: PostgresConnection, _ logger: Logger) async throws -> Bool {
        let rows = try await connection.query("SELECT 1 FROM event WHERE cluster = \(event.cluster) AND number = \(event.number)",
                                              logger: logger)
        return try await !rows.collect().isEmpty
    }

    private static func capacity(_ connection: PostgresConnection, _ logger: Logger, event: EventID) async throws -> Int? {
        let rows = try await connection.query(
            "SELECT capacity FROM registrationSetting WHERE cluster = \(event.cluster) AND number = \(event.number)", logger: logger)
        return try await rows.collect().first?.decode(Int?.self) ?? nil
    }

    private static func registrations(_ connection: PostgresConnection, _ logger: Logger, event: EventID) async throws -> [Registration] {
        try await registrations(connection, logger, where: "cluster = \(event.cluster) AND number = \(event.number) ORDER BY id")
    }

    /// `clause` follows `WHERE`: the condition and the order.
    private static func registrations(_ connection: PostgresConnection, _ logger: Logger, where clause: PostgresQuery) async throws
        -> [Registration] {
        let query = PostgresQuery(unsafeSQL: """
            SELECT id, cluster, number, name, school, position, email, consent, status, attended, walkIn, createdAt, tokenDigest
            FROM registration WHERE \(clause.sql)
            """, binds: clause.binds)
        var registrations: [Registration] = []
        let rows = try await connection.query(query, logger: logger)
        for try await (id, cluster, number, name, school, position, email, consent, status, attended, walkIn, createdAt, digest)
            in rows.decode((Int64, String, Int, String, String, String, String?, Bool, String, Bool, Bool, Int64, String).self)
        {
            registrations.append(Registration(
                id: id, event: EventID(cluster: cluster, number: number),
                registrant: Registrant(name: name, school: school, position: position, email: email, consent: consent),
                status: try parse(status, { RegistrationStatus(rawValue: $0) }, "статус регистрации"), attended: attended,
                walkIn: walkIn, createdAt: createdAt, tokenDigest: digest))
        }
        return registrations
    }
}
