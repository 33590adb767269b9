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

    /// The base URL names this machine only (`localhost`, `127.0.0.1`, `::1`): feeds and subscribe
    /// links from it work on no teacher's phone or calendar service.
    public var isLoopback: Bool {
        guard let baseURL, let host = URL(string: baseURL)?.host?.lowercased() else { return false }
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return bare == "localhost" || bare.hasSuffix(".localhost") || bare == "::1" || bare.hasPrefix("127.")
            || bare == "0.0.0.0"
    }

    /// `webcal://` for the same address: calendar apps open it as a subscription.
    public func webcal(_ path: String) -> String? {
        guard let baseURL, let colon = baseURL.firstIndex(of: ":") else { return nil }
        return "webcal" + baseURL[colon...] + path
    }
}
