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
    public func href(_ path: String) -> String { basePath + path }

    /// An absolute address when the base URL is known, else the site path.
    public func absolute(_ path: String) -> String { (baseURL.map { $0 + path }) ?? href(path) }

    /// `webcal://` for the same address: calendar apps open it as a subscription.
    public func webcal(_ path: String) -> String? {
        guard let baseURL, let colon = baseURL.firstIndex(of: ":") else { return nil }
        return "webcal" + baseURL[colon...] + path
    }
}
