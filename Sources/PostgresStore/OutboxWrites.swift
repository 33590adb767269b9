import Logging
import Planning
import PostgresNIO
import Store

// `OutboxStore`'s and `FeedHealthStore`'s part of `DistrictStore`. Neither raises the revision:
// mail and subscriber counts are not part of any page or feed.
extension PostgresStore {
    public func enqueue(_ mails: [OutgoingMail], now: Int64) async throws(StoreError) -> Int {
        guard !mails.isEmpty else { return 0 }
        return try await writing { connection in
            var queued = 0
            // One statement per mail: a key repeated within one call is skipped as one already queued is.
            for mail in mails {
                queued += try await connection.changing("""
                    INSERT INTO outbox (key, cluster, number, recipient, message, createdAt, nextAttemptAt)
                    VALUES (\(mail.key), \(mail.event.cluster), \(mail.event.number), \(mail.recipient), \(mail.message), \(now), \(now))
                    ON CONFLICT (key) DO NOTHING
                    """, logger: logger)
            }
            return queued
        }
    }

    public func dueMail(now: Int64, limit: Int) async throws(StoreError) -> [QueuedMail] {
        try await reading { connection in
            try await Self.mails(connection, logger, where: """
                sentAt IS NULL AND nextAttemptAt <= \(now) ORDER BY nextAttemptAt, id LIMIT \(limit)
                """)
        }
    }

    public func claimDueMail(now: Int64, limit: Int, lease: Int64) async throws(StoreError) -> [QueuedMail] {
        try await writing { connection in
            let due = try await Self.mails(connection, logger, where: """
                sentAt IS NULL AND nextAttemptAt <= \(now) ORDER BY nextAttemptAt, id LIMIT \(limit)
                """)
            let ids = due.map(\.id)
            _ = try await connection.query("UPDATE outbox SET nextAttemptAt = \(now + lease) WHERE id = ANY(\(ids))", logger: logger)
            return due
        }
    }

    public func markSent(_ id: Int64, at: Int64) async throws(StoreError) {
        try await writing { connection in
            _ = try await connection.query("UPDATE outbox SET sentAt = \(at), attempts = attempts + 1, lastError = NULL WHERE id = \(id)",
                                       logger: logger)
        }
    }

    public func markFailed(_ id: Int64, error: String, retryAt: Int64) async throws(StoreError) {
        try await writing { connection in
            _ = try await connection.query("""
                UPDATE outbox SET attempts = attempts + 1, lastError = \(String(error.prefix(500))), nextAttemptAt = \(retryAt)
                WHERE id = \(id)
                """, logger: logger)
        }
    }

    public func outbox(event: EventID) async throws(StoreError) -> [QueuedMail] {
        try await reading { connection in
            try await Self.mails(connection, logger, where: "cluster = \(event.cluster) AND number = \(event.number) ORDER BY id")
        }
    }

    public func deleteMail(recipient: String) async throws(StoreError) -> Int {
        try await writing { connection in
            try await connection.changing("DELETE FROM outbox WHERE lower(recipient) = \(recipient.lowercased())", logger: logger)
        }
    }

    /// `clause` follows `WHERE`: the condition and the order.
    private static func mails(_ connection: PostgresConnection, _ logger: Logger, where clause: PostgresQuery) async throws -> [QueuedMail] {
        let query = PostgresQuery(unsafeSQL: """
            SELECT id, key, cluster, number, recipient, message, createdAt, attempts, sentAt, lastError FROM outbox WHERE \(clause.sql)
            """, binds: clause.binds)
        var mails: [QueuedMail] = []
        let rows = try await connection.query(query, logger: logger)
        for try await (id, key, cluster, number, recipient, message, createdAt, attempts, sentAt, lastError)
            in rows.decode((Int64, String, String, Int, String, String, Int64, Int, Int64?, String?).self)
        {
            mails.append(QueuedMail(id: id, mail: OutgoingMail(key: key, event: EventID(cluster: cluster, number: number),
                                                               recipient: recipient, message: message),
                                    createdAt: createdAt, attempts: attempts, sentAt: sentAt, lastError: lastError))
        }
        return mails
    }

    public func recordFeedCounts(_ counts: [FeedDayCount], keepFrom: LocalDate) async throws(StoreError) {
        try await writing { connection in
            for c in counts {
                try await connection.query("""
                    INSERT INTO feedCount (feed, day, client, subscribers, lastFetch)
                    VALUES (\(c.feed), \(c.day.description), \(c.client.rawValue), \(c.subscribers), \(c.lastFetch))
                    ON CONFLICT (feed, day, client) DO UPDATE SET
                      subscribers = GREATEST(feedCount.subscribers, excluded.subscribers),
                      lastFetch = GREATEST(feedCount.lastFetch, excluded.lastFetch)
                    """, logger: logger)
            }
            try await connection.query("DELETE FROM feedCount WHERE day < \(keepFrom.description)", logger: logger)
        }
    }

    public func feedCounts(since day: LocalDate) async throws(StoreError) -> [FeedDayCount] {
        try await reading { connection in
            var counts: [FeedDayCount] = []
            let rows = try await connection.query("""
                SELECT feed, day, client, subscribers, lastFetch FROM feedCount WHERE day >= \(day.description) ORDER BY feed, day, client
                """, logger: logger)
            for try await (feed, dayText, clientText, subscribers, lastFetch) in rows.decode((String, String, String, Int, Int64).self) {
                guard let day = LocalDate(iso: dayText), let client = FeedClient(rawValue: clientText) else {
                    throw StoreError.corrupt("feedCount «\(dayText)» «\(clientText)»")
                }
                counts.append(FeedDayCount(feed: feed, day: day, client: client, subscribers: subscribers, lastFetch: lastFetch))
            }
            return counts
        }
    }
}
