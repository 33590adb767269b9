import Foundation
import Planning
import PlanFiles
import Store
import TestSupport
import Testing

/// The outbox and feed-count part of the store contract, over every store factory.
@Suite struct OutboxStoreContractTests {
    static let event = EventID(cluster: "nevsky-exact", number: 1)

    static func mail(_ key: String, to recipient: String) -> OutgoingMail {
        OutgoingMail(key: key, event: event, recipient: recipient, message: "To: \(recipient)\r\n\r\nтекст\r\n")
    }

    @Test(arguments: StoreFactory.all) func aKeyIsQueuedOnceAndSentOnce(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        #expect(try await db.enqueue([Self.mail("a", to: "a@x.ru"), Self.mail("b", to: "b@x.ru"), Self.mail("a", to: "a@x.ru")],
                                     now: 100) == 2)
        #expect(try await db.enqueue([Self.mail("b", to: "b@x.ru")], now: 101) == 0)
        let due = try await db.dueMail(now: 100, limit: 10)
        #expect(due.map(\.mail.key) == ["a", "b"])
        #expect(try await db.dueMail(now: 99, limit: 10).isEmpty)
        try await db.markSent(due[0].id, at: 110)
        try await db.markFailed(due[1].id, error: "нет связи", retryAt: 200)
        #expect(try await db.dueMail(now: 199, limit: 10).isEmpty)
        #expect(try await db.dueMail(now: 200, limit: 10).map(\.mail.key) == ["b"])
        let all = try await db.outbox(event: Self.event)
        #expect(all.map(\.sentAt) == [110, nil])
        #expect(all.map(\.attempts) == [1, 1])
        #expect(all.map(\.lastError) == [nil, "нет связи"])
        #expect(all.first?.mail == Self.mail("a", to: "a@x.ru"))
        // Mail is no page or feed: the revision stays.
        #expect(try await db.revision() == 0)
        // `privacy delete`: every mail to the address goes, whatever its case.
        #expect(try await db.deleteMail(recipient: "A@X.ru") == 1)
        #expect(try await db.outbox(event: Self.event).map(\.mail.key) == ["b"])
    }

    /// Two servers on one store: what one claimed for sending, the other does not get until the lease ends.
    @Test(arguments: StoreFactory.all) func aClaimedMailIsNotDueForAnotherSenderUntilItsLeaseEnds(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        #expect(try await db.enqueue([Self.mail("a", to: "a@x.ru"), Self.mail("b", to: "b@x.ru")], now: 100) == 2)
        let first = try await db.claimDueMail(now: 100, limit: 1, lease: 600)
        #expect(first.map(\.mail.key) == ["a"])
        #expect(try await db.claimDueMail(now: 101, limit: 10, lease: 600).map(\.mail.key) == ["b"])
        #expect(try await db.claimDueMail(now: 102, limit: 10, lease: 600).isEmpty)
        try await db.markSent(first[0].id, at: 103)
        // The sender of "b" stopped mid-send: after its lease "b" is due again, "a" (sent) never.
        #expect(try await db.claimDueMail(now: 701, limit: 10, lease: 600).map(\.mail.key) == ["b"])
    }

    @Test(arguments: StoreFactory.all) func feedCountsKeepTheLargerAndDropOldDays(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        let day = try #require(LocalDate(iso: "2026-12-02"))
        let feed = "/feeds/clusters/nevsky-exact.ics"
        try await db.recordFeedCounts([FeedDayCount(feed: feed, day: day.adding(days: -9), client: .google, subscribers: 4, lastFetch: 1),
                                       FeedDayCount(feed: feed, day: day, client: .google, subscribers: 5, lastFetch: 10)],
                                      keepFrom: day.adding(days: -7))
        // A restarted server counts its day again from zero: the larger count and the later fetch stay.
        try await db.recordFeedCounts([FeedDayCount(feed: feed, day: day, client: .google, subscribers: 2, lastFetch: 20)],
                                      keepFrom: day.adding(days: -7))
        let stored = try await db.feedCounts(since: day.adding(days: -30))
        #expect(stored == [FeedDayCount(feed: feed, day: day, client: .google, subscribers: 5, lastFetch: 20)])
        let health = FeedHealth.summarize(stored, today: day)
        #expect(health.first?.subscribers == [.google: 5] && health.first?.lastFetch == 20 && health.first?.total == 5)
    }
}
