import GRDB
import Planning
import Store

// `OutboxStore`'s and `FeedHealthStore`'s part of `DistrictStore`. Neither raises the revision:
// mail and subscriber counts are not part of any page or feed.
extension SQLiteStore {
    /// The outbox (mail waiting to go, and sent mail) and the feeds' daily subscriber counts.
    static func registerOutbox(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v10-outbox") { db in
            try db.create(table: "outbox") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("key", .text).notNull().unique()
                t.column("cluster", .text).notNull()
                t.column("number", .integer).notNull()
                t.column("recipient", .text).notNull()
                t.column("message", .text).notNull()
                t.column("createdAt", .integer).notNull()
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("nextAttemptAt", .integer).notNull()
                t.column("sentAt", .integer)
                t.column("lastError", .text)
            }
            try db.create(index: "outboxDue", on: "outbox", columns: ["sentAt", "nextAttemptAt"])
            try db.create(index: "outboxByEvent", on: "outbox", columns: ["cluster", "number"])
            try db.create(table: "feedCount") { t in
                t.column("feed", .text).notNull()
                t.column("day", .text).notNull()
                t.column("client", .text).notNull()
                t.column("subscribers", .integer).notNull()
                t.column("lastFetch", .integer).notNull()
                t.primaryKey(["feed", "day", "client"])
            }
        }
    }

    public func enqueue(_ mails: [OutgoingMail], now: Int64) async throws(StoreError) -> Int {
        guard !mails.isEmpty else { return 0 }
        return try await writing { db in
            var queued = 0
            for mail in mails {
                try db.execute(sql: """
                    INSERT INTO outbox (key, cluster, number, recipient, message, createdAt, nextAttemptAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING
                    """, arguments: [mail.key, mail.event.cluster, mail.event.number, mail.recipient, mail.message, now, now])
                queued += db.changesCount
            }
            return queued
        }
    }

    public func dueMail(now: Int64, limit: Int) async throws(StoreError) -> [QueuedMail] {
        try await reading { db in
            try Self.mails(db, where: "sentAt IS NULL AND nextAttemptAt <= ? ORDER BY nextAttemptAt, id LIMIT ?", [now, limit])
        }
    }

    public func claimDueMail(now: Int64, limit: Int, lease: Int64) async throws(StoreError) -> [QueuedMail] {
        try await writing { db in
            let due = try Self.mails(db, where: "sentAt IS NULL AND nextAttemptAt <= ? ORDER BY nextAttemptAt, id LIMIT ?", [now, limit])
            for mail in due { try db.execute(sql: "UPDATE outbox SET nextAttemptAt = ? WHERE id = ?", arguments: [now + lease, mail.id]) }
            return due
        }
    }

    public func markSent(_ id: Int64, at: Int64) async throws(StoreError) {
        try await writing { db in
            try db.execute(sql: "UPDATE outbox SET sentAt = ?, attempts = attempts + 1, lastError = NULL WHERE id = ?",
                           arguments: [at, id])
        }
    }

    public func markFailed(_ id: Int64, error: String, retryAt: Int64) async throws(StoreError) {
        try await writing { db in
            try db.execute(sql: "UPDATE outbox SET attempts = attempts + 1, lastError = ?, nextAttemptAt = ? WHERE id = ?",
                           arguments: [String(error.prefix(500)), retryAt, id])
        }
    }

    public func outbox(event: EventID) async throws(StoreError) -> [QueuedMail] {
        try await reading { db in
            try Self.mails(db, where: "cluster = ? AND number = ? ORDER BY id", [event.cluster, event.number])
        }
    }

    public func deleteMail(recipient: String) async throws(StoreError) -> Int {
        try await writing { db in
            try db.execute(sql: "DELETE FROM outbox WHERE lower(recipient) = ?", arguments: [recipient.lowercased()])
            return db.changesCount
        }
    }

    private static func mails(_ db: Database, where clause: String, _ arguments: StatementArguments) throws -> [QueuedMail] {
        try Row.fetchAll(db, sql: """
            SELECT id, key, cluster, number, recipient, message, createdAt, attempts, sentAt, lastError FROM outbox WHERE \(clause)
            """, arguments: arguments).map { row in
            QueuedMail(id: row["id"],
                       mail: OutgoingMail(key: row["key"], event: EventID(cluster: row["cluster"], number: row["number"]),
                                          recipient: row["recipient"], message: row["message"]),
                       createdAt: row["createdAt"], attempts: row["attempts"], sentAt: row["sentAt"], lastError: row["lastError"])
        }
    }

    public func recordFeedCounts(_ counts: [FeedDayCount], keepFrom: LocalDate) async throws(StoreError) {
        try await writing { db in
            for c in counts {
                try db.execute(sql: """
                    INSERT INTO feedCount (feed, day, client, subscribers, lastFetch) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (feed, day, client) DO UPDATE SET
                      subscribers = MAX(subscribers, excluded.subscribers), lastFetch = MAX(lastFetch, excluded.lastFetch)
                    """, arguments: [c.feed, c.day.description, c.client.rawValue, c.subscribers, c.lastFetch])
            }
            try db.execute(sql: "DELETE FROM feedCount WHERE day < ?", arguments: [keepFrom.description])
        }
    }

    public func feedCounts(since day: LocalDate) async throws(StoreError) -> [FeedDayCount] {
        try await reading { db in
            try Row.fetchAll(db, sql: "SELECT feed, day, client, subscribers, lastFetch FROM feedCount WHERE day >= ? ORDER BY feed, day",
                             arguments: [day.description]).map { row -> FeedDayCount in
                guard let day = LocalDate(iso: row["day"] as String), let client = FeedClient(rawValue: row["client"]) else {
                    throw StoreError.corrupt("feedCount «\(row["day"] as String)» «\(row["client"] as String)»")
                }
                return FeedDayCount(feed: row["feed"], day: day, client: client, subscribers: row["subscribers"], lastFetch: row["lastFetch"])
            }
        }
    }
}
