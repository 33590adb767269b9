import NIOConcurrencyHelpers
import Planning
import Store

/// Distinct subscribers per feed and client, counted in memory: each fetch adds a hash of the
/// address and User-Agent salted with a random value drawn anew each (UTC) day, so nothing said
/// about a subscriber outlives the day or leaves the process. Only the counts are written to the
/// store, by `FeedCountService` at most once a minute; a fetch costs one lock, one hash and one set
/// insert, never a store write (the 304 answer stays as fast).
public final class FeedCounter: Sendable {
    struct Key: Hashable { var feed: String; var client: FeedClient }

    struct Day {
        var date: LocalDate
        var salt: UInt64
        /// Every subscriber seen today, hashed with its feed: a fetch by one already known costs one lookup.
        var known: Set<Int> = []
        var seen: [Key: Set<Int>] = [:]
        var lastFetch: [String: Int64] = [:]

        var counts: [FeedDayCount] {
            seen.map { key, hashes in
                FeedDayCount(feed: key.feed, day: date, client: key.client, subscribers: hashes.count,
                             lastFetch: lastFetch[key.feed] ?? 0)
            }.sorted { ($0.feed, $0.client) < ($1.feed, $1.client) }
        }
    }

    struct State {
        var day: Day?
        /// The counts of a finished day not yet written.
        var finished: [FeedDayCount] = []
        var changed = false
    }

    private let state = NIOLockedValueBox(State())

    public init() {}

    /// One fetch of the feed at `feed` (its site path) at Unix second `now`. The User-Agent is
    /// sorted into its family only the first time a subscriber is seen in a day.
    public func saw(feed: String, address: String, userAgent: String, now: Int64) {
        let today = LocalDate(daysSinceEpoch: Int(now.dividedReportingOverflow(by: 86_400).partialValue))
        let subscriber: Int? = state.withLockedValue { s in
            if s.day?.date != today {
                if let old = s.day { s.finished += old.counts }
                s.day = Day(date: today, salt: UInt64.random(in: .min ... .max))
            }
            var hasher = Hasher()
            hasher.combine(s.day?.salt ?? 0)
            hasher.combine(feed)
            hasher.combine(address)
            hasher.combine(userAgent)
            let hash = hasher.finalize()
            s.day?.lastFetch[feed] = now
            s.changed = true
            return s.day?.known.insert(hash).inserted == true ? hash : nil
        }
        guard let subscriber else { return }
        let key = Key(feed: feed, client: FeedClient(userAgent: userAgent))
        state.withLockedValue { s in
            guard s.day?.date == today else { return }
            s.day?.seen[key, default: []].insert(subscriber)
        }
    }

    /// The counts so far today (and of a finished day not yet written), for the workspace.
    public var current: [FeedDayCount] {
        state.withLockedValue { $0.finished + ($0.day?.counts ?? []) }
    }

    /// Writes the counts when anything changed since the last flush; counts older than
    /// `FeedHealth.days` are deleted from the store.
    public func flush(to store: some FeedHealthStore) async throws(StoreError) {
        let (counts, date): ([FeedDayCount], LocalDate?) = state.withLockedValue { s in
            guard s.changed else { return ([], nil) }
            let counts = s.finished + (s.day?.counts ?? [])
            s.finished = []
            s.changed = false
            return (counts, s.day?.date)
        }
        guard let date, !counts.isEmpty else { return }
        do {
            try await store.recordFeedCounts(counts, keepFrom: date.adding(days: -FeedHealth.days))
        } catch {
            // Kept for the next flush: the store may be busy for a moment.
            state.withLockedValue { s in
                s.finished = counts.filter { $0.day != s.day?.date } + s.finished
                s.changed = true
            }
            throw error
        }
    }

    /// What the workspace shows: the stored counts of the last week with today's from memory.
    public func health(from store: some FeedHealthStore, now: Int64) async throws(StoreError) -> [FeedHealth] {
        let today = LocalDate(daysSinceEpoch: Int(now.dividedReportingOverflow(by: 86_400).partialValue))
        let stored = try await store.feedCounts(since: today.adding(days: -(FeedHealth.days - 1)))
        return FeedHealth.summarize(stored + current, today: today)
    }
}
