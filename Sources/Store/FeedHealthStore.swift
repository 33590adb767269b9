import Planning

/// The feeds' daily subscriber counts (`FeedDayCount`), written by the server at most once a
/// minute from what it counted in memory; never a row per fetch.
public protocol FeedHealthStore: Sendable {
    /// Stores each count, keeping the larger of it and one already stored for the same feed, day
    /// and client (a restarted server counts its day again from zero), and the later last fetch.
    /// Counts from before `keepFrom` are deleted.
    func recordFeedCounts(_ counts: [FeedDayCount], keepFrom: LocalDate) async throws(StoreError)

    /// Every count from `day` on.
    func feedCounts(since day: LocalDate) async throws(StoreError) -> [FeedDayCount]
}
