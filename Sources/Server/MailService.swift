import Foundation
import Logging
import Operations
import Planning
import ServiceLifecycle
import Store

/// Beside the HTTP server in `serve`: every `interval`, queues the reminders that are due and hands
/// what the outbox holds to `sendmail`, retrying failures with backoff (`MailDelivery`). Without a
/// mail command mail is still queued (nothing is lost) and goes out once one is configured.
public struct MailService: Service {
    let store: any DistrictStore
    let notifier: Notifier
    let sendmail: Sendmail?
    let interval: Duration
    let today: @Sendable (String) -> LocalDate
    let logger: Logger

    public init(store: any DistrictStore, notifier: Notifier, sendmail: Sendmail?, interval: Duration = .seconds(30),
                today: @escaping @Sendable (String) -> LocalDate, logger: Logger) {
        self.store = store
        self.notifier = notifier
        self.sendmail = sendmail
        self.interval = interval
        self.today = today
        self.logger = logger
    }

    public func run() async throws {
        if sendmail == nil { logger.notice("почта не настроена (--mail-command или CLUSTERPLAN_SENDMAIL): письма ждут в очереди") }
        try? await cancelWhenGracefulShutdown {
            var lastReminders: ContinuousClock.Instant?
            while !Task.isCancelled {
                // The reminder scan reads the whole district: every ten minutes is soon enough for a two-day notice.
                let remind = lastReminders.map { ContinuousClock.now - $0 >= .seconds(600) } ?? true
                if remind { lastReminders = .now }
                await tick(now: Int64(Date().timeIntervalSince1970), reminders: remind)
                try await Task.sleep(for: interval)
            }
        }
    }

    /// One round: reminders, then sending. A failing store is logged and tried again next round.
    func tick(now: Int64, reminders: Bool) async {
        do {
            if reminders, let snapshot = try await store.read().snapshot {
                await notifier.remind(in: snapshot, store: store, now: now, today: today(snapshot.district.timezone))
            }
            guard let sendmail else { return }
            let (sent, failed) = try await MailDelivery.sendDue(store: store, sendmail: sendmail, now: now)
            if sent + failed > 0 { logger.info("почта", metadata: ["отправлено": "\(sent)", "не отправлено": "\(failed)"]) }
        } catch {
            logger.error("почта: \(error)")
        }
    }
}

/// Writes the feeds' subscriber counts (`FeedCounter`) to the store at most once a minute.
public struct FeedCountService: Service {
    let store: any DistrictStore
    let counter: FeedCounter
    let interval: Duration
    let logger: Logger

    public init(store: any DistrictStore, counter: FeedCounter, interval: Duration = .seconds(60), logger: Logger) {
        self.store = store
        self.counter = counter
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                do { try await counter.flush(to: store) } catch { logger.error("подписчики календарей не записаны: \(error)") }
            }
        }
        // The last minute's counts on the way out.
        try? await counter.flush(to: store)
    }
}

/// Another instance's or the command line's write reaches this instance's pages and feeds as it
/// commits, where the store notifies (PostgreSQL); the cache's poll of the revision stays the fallback.
public struct RevisionListener: Service {
    let store: any DistrictStore
    let cache: SiteCache

    public func run() async throws {
        // A service that returns would end the whole group, the HTTP server with it.
        guard let notifications = store.revisionNotifications() else { return try await gracefulShutdown() }
        await cancelWhenGracefulShutdown {
            for await _ in notifications { cache.expire() }
        }
    }
}
