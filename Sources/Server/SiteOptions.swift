import Foundation
import ICal

/// What every page and feed needs to know about where the site lives.
public struct SiteOptions: Sendable, Hashable {
    /// Public address without a trailing slash (`https://plan.example.ru`, `http://127.0.0.1:8080`);
    /// nil for a static copy that only knows its own paths.
    public var baseURL: String?
    /// REFRESH-INTERVAL and X-PUBLISHED-TTL of the feeds.
    public var refreshInterval: String

    public init(baseURL: String? = nil, refreshInterval: String = "PT4H") {
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.refreshInterval = refreshInterval
    }

    /// The same options `export ics` is given, so both produce the same bytes.
    public var feedOptions: FeedOptions { FeedOptions(baseURL: baseURL, refreshInterval: refreshInterval) }

    /// The path the site is mounted under (`/plans` for `https://example.ru/plans`), or "".
    var basePath: String {
        guard let baseURL, let url = URL(string: baseURL) else { return "" }
        let path = url.path
        return path == "/" ? "" : path
    }

    /// A link inside the site: `/clusters/nevsky-exact` under the base path.
    func href(_ path: String) -> String { basePath + path }

    /// An absolute address when the base URL is known, else the site path.
    func absolute(_ path: String) -> String { (baseURL.map { $0 + path }) ?? href(path) }

    /// `webcal://` for the same address: calendar apps open it as a subscription.
    func webcal(_ path: String) -> String? {
        guard let baseURL, let colon = baseURL.firstIndex(of: ":") else { return nil }
        return "webcal" + baseURL[colon...] + path
    }
}

/// One path segment of an id: `/` and other reserved characters escaped.
func segment(_ id: String) -> String {
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "/;?#%")
    return id.addingPercentEncoding(withAllowedCharacters: allowed) ?? id
}

/// The paths of the site, shared by the router, the pages and `publish`.
enum Paths {
    static let districtFeed = "/feeds/district.ics"
    static func clusterFeed(_ id: String) -> String { "/feeds/clusters/\(segment(id)).ics" }
    static func schoolFeed(_ id: String) -> String { "/feeds/schools/\(segment(id)).ics" }
    static func cluster(_ id: String) -> String { "/clusters/\(segment(id))" }
    static func school(_ id: String) -> String { "/schools/\(segment(id))" }
    static func event(_ cluster: String, _ number: Int) -> String { "/events/\(segment(cluster))/\(number)" }
    /// `2019/2020` is written `2019-2020` in URLs.
    static func report(_ year: String) -> String { "/reports/\(year.replacingOccurrences(of: "/", with: "-"))" }
}
