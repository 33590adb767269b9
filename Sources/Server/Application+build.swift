import Foundation
import Hummingbird
import Logging
import Planning
import Store

/// What `serve` passes in; the command line conforms, so this target never sees ArgumentParser.
public protocol AppArguments: Sendable {
    var host: String { get }
    var port: Int { get }
    /// Public address used in feeds and subscribe links; nil: `http://host:port`.
    var baseURL: String? { get }
    /// REFRESH-INTERVAL of the feeds, an iCalendar duration (`PT4H`).
    var refresh: String { get }
    var logLevel: Logger.Level { get }
    /// Timeouts and the connection cap against slow clients.
    var limits: ConnectionLimits { get }
}

extension AppArguments {
    public var limits: ConnectionLimits { ConnectionLimits() }
    public var siteOptions: SiteOptions { SiteOptions(baseURL: baseURL ?? "http://\(host):\(port)", refreshInterval: refresh) }
}

/// The server: router, request logging and the cache over the store.
public func buildApplication(_ arguments: some AppArguments, database: AppDatabase) throws -> some ApplicationProtocol {
    var logger = Logger(label: "clusterplan.server")
    logger.logLevel = arguments.logLevel
    let cache = SiteCache(database: database, options: arguments.siteOptions, pages: try PageRenderer(), logger: logger)
    // With request logging off, a conditional GET of a built feed is answered on the event loop.
    let fastPath = logger.logLevel > LogRequestsLevel.value
    let limits = arguments.limits
    return Application(
        router: buildRouter(cache: cache),
        server: .http1(configuration: .init(
            additionalChannelHandlers: [ConnectionGuard(headerTimeout: limits.headerTimeout)]
                + (fastPath ? [NotModifiedFastPath(cache: cache, serverName: "ClusterPlan")] : []),
            idleTimeout: limits.idleTimeout)),
        configuration: .init(address: .hostname(arguments.host, port: arguments.port), serverName: "ClusterPlan",
                             availableConnectionsDelegate: .maximum(limits.maxConnections, logger: logger)),
        logger: logger)
}

/// The level of the one log line per request: under load, info would write one line per request
/// (180 MB in 20 s was seen), so only `--log-level debug` asks for it.
enum LogRequestsLevel { static let value = Logger.Level.debug }

/// Every route of the site. Tests build the same router over an in-memory store.
public func buildRouter(cache: SiteCache, today: @escaping @Sendable (String) -> LocalDate = localToday)
    -> Router<BasicRequestContext> {
    // HEAD answers every GET route with its headers (Content-Length, ETag) and no body.
    let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.addMiddleware {
        // nosniff everywhere; pages load only the site's own stylesheets and images: no script, no inline style.
        ContentSecurityMiddleware(contentSecurityPolicy: [
            .defaultSrc(.none), .styleSrc(.self), .imgSrc(.self), .baseURI(.none), .formAction(.self), .frameAncestors(.none),
        ])
        LogRequestsMiddleware(LogRequestsLevel.value)
        ErrorMiddleware(pages: cache.pages, options: cache.options)
    }
    router.addRoutes(PageController(cache: cache).endpoints)
    router.addRoutes(FeedController(cache: cache).endpoints, atPath: "/feeds")
    router.addRoutes(APIController(cache: cache).endpoints, atPath: "/api")
    router.addRoutes(ReportController(cache: cache, today: today).endpoints, atPath: "/reports")
    return router
}

/// Today's date in an IANA time zone (Moscow when the name is unknown).
@Sendable public func localToday(in timezone: String) -> LocalDate {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: timezone) ?? TimeZone(secondsFromGMT: 3 * 3600) ?? .current
    let c = calendar.dateComponents([.year, .month, .day], from: Date())
    return LocalDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? LocalDate(daysSinceEpoch: 0)
}
