/// Which calendar app fetched a feed, from its User-Agent.
public enum FeedClient: String, CaseIterable, Hashable, Sendable, Comparable {
    case google, microsoft, apple, yandex, thunderbird, other

    /// `Google-Calendar-Importer`, `Microsoft Office/16.0 (… Outlook …)`, `iOS/17.2 (…) dataaccessd/1.0`,
    /// `macOS/14.2 (…) CalendarAgent/…`, `YandexCalendar/…`, `Mozilla/5.0 (…) Thunderbird/115.0`.
    public init(userAgent: String) {
        let ua = userAgent.lowercased()
        let has = { (words: [String]) in words.contains { ua.contains($0) } }
        self = if has(["yandex"]) { .yandex }
            else if has(["google"]) { .google }
            else if has(["microsoft", "outlook", "exchange", "office"]) { .microsoft }
            else if has(["thunderbird", "lightning"]) { .thunderbird }
            else if has(["ios/", "macos/", "mac os x", "mac_os_x", "dataaccessd", "calendaragent", "ical/", "iphone", "ipad"]) { .apple }
            else { .other }
    }

    public var russian: String {
        switch self {
        case .google: "Google"
        case .microsoft: "Outlook / Microsoft"
        case .apple: "Apple"
        case .yandex: "Яндекс"
        case .thunderbird: "Thunderbird"
        case .other: "другие"
        }
    }

    public static func < (a: FeedClient, b: FeedClient) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }
}

/// Distinct subscribers of one feed on one day through one client, and its last fetch (Unix
/// seconds). A subscriber is a hash of address and User-Agent salted anew each day: nothing of it
/// is kept, only the count.
public struct FeedDayCount: Hashable, Sendable {
    public var feed: String
    public var day: LocalDate
    public var client: FeedClient
    public var subscribers: Int
    public var lastFetch: Int64

    public init(feed: String, day: LocalDate, client: FeedClient, subscribers: Int, lastFetch: Int64) {
        self.feed = feed
        self.day = day
        self.client = client
        self.subscribers = subscribers
        self.lastFetch = lastFetch
    }
}

/// What a coordinator sees of one feed: subscribers in the last `days` days by client, and the last fetch.
public struct FeedHealth: Hashable, Sendable {
    public static let days = 7

    public var feed: String
    /// Per client, the most distinct subscribers seen on one day of the period: a calendar polls
    /// every few hours, and daily salts cannot tell Monday's subscriber from Tuesday's, so a sum
    /// over days would count each one up to seven times.
    public var subscribers: [FeedClient: Int]
    public var lastFetch: Int64

    public var total: Int { subscribers.values.reduce(0) { $0.addingReportingOverflow($1).partialValue } }

    /// The figures of every feed fetched within the `days` days ending `today`, by feed path.
    public static func summarize(_ counts: [FeedDayCount], today: LocalDate) -> [FeedHealth] {
        let first = today.adding(days: -(days - 1))
        let recent = counts.filter { $0.day >= first && $0.day <= today }
        return Dictionary(grouping: recent, by: \.feed).map { feed, rows in
            FeedHealth(feed: feed,
                       subscribers: Dictionary(grouping: rows, by: \.client).mapValues { $0.map(\.subscribers).max() ?? 0 },
                       lastFetch: rows.map(\.lastFetch).max() ?? 0)
        }.sorted { $0.feed < $1.feed }
    }
}
