import Foundation
import Hummingbird
import Logging
import Operations
import Planning
import Site
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
    /// bcrypt cost of passwords set through the workspace (`--bcrypt-cost`).
    var bcryptCost: UInt8 { get }
    /// The `sendmail` command change notices, invitations and reminders go through; nil: mail is queued only.
    var mailCommand: String? { get }
    /// The mails' sender (a no-reply address); nil: `no-reply@` the base URL's host.
    var mailFrom: String? { get }
}

extension AppArguments {
    public var limits: ConnectionLimits { ConnectionLimits() }
    public var bcryptCost: UInt8 { Credentials.defaultCost }
    public var mailCommand: String? { nil }
    public var mailFrom: String? { nil }

    /// `no-reply@plan.example.ru` for `https://plan.example.ru`; a dotless host (`localhost`) gets `.invalid`.
    public var senderAddress: String {
        if let mailFrom { return mailFrom }
        let host = siteOptions.baseURL.flatMap { URL(string: $0)?.host } ?? "localhost"
        return "no-reply@" + (host.contains(".") && !host.hasPrefix("[") ? host : "\(host).invalid")
    }
    public var siteOptions: SiteOptions { SiteOptions(baseURL: baseURL ?? "http://\(host):\(port)", refreshInterval: refresh) }
}

/// The server: router, request logging and the cache over the store.
/// `today` gives the day reports are "as of" in a time zone.
public func buildApplication(_ arguments: some AppArguments, store: some DistrictStore,
                             today: @escaping @Sendable (String) -> LocalDate) throws -> some ApplicationProtocol {
    var logger = Logger(label: "clusterplan.server")
    logger.logLevel = arguments.logLevel
    let cache = SiteCache(store: store, options: arguments.siteOptions, pages: try PageRenderer(), logger: logger)
    let limits = arguments.limits
    let accounts = AccountService(store: store, bcryptCost: arguments.bcryptCost)
    let mailLogger = logger
    let roster = Roster(store: store)
    let notifier = Notifier(from: arguments.senderAddress, options: arguments.siteOptions, registrants: roster.registrants,
                            report: { mailLogger.warning("почта: \($0)") })
    let counter = FeedCounter()
    return Application(
        router: buildRouter(cache: cache, accounts: accounts, today: today, notifier: notifier, feedCounter: counter, roster: roster),
        server: .http1(configuration: .init(
            additionalChannelHandlers: [ConnectionGuard(headerTimeout: limits.headerTimeout)], idleTimeout: limits.idleTimeout)),
        configuration: .init(address: .hostname(arguments.host, port: arguments.port), serverName: "ClusterPlan",
                             availableConnectionsDelegate: .maximum(limits.maxConnections, logger: logger)),
        services: [MailService(store: store, notifier: notifier, sendmail: arguments.mailCommand.map { Sendmail(command: $0) },
                               today: today, logger: logger),
                   FeedCountService(store: store, counter: counter, logger: logger),
                   RevisionListener(store: store, cache: cache)],
        logger: logger)
}

/// Every route of the site. Tests build the same router over an in-memory store.
/// `accounts` signs users in over the same store as `cache` reads.
/// `notifier` queues the mails writes send; `feedCounter` counts the feeds' subscribers; `roster` lists
/// each event's registered and attended (all optional for tests).
public func buildRouter(cache: SiteCache, accounts: AccountService, today: @escaping @Sendable (String) -> LocalDate,
                        notifier: Notifier? = nil, feedCounter: FeedCounter? = nil, roster: Roster = .empty)
    -> Router<AppRequestContext> {
    // HEAD answers every GET route with its headers (Content-Length, ETag) and no body.
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.addMiddleware {
        // nosniff everywhere; pages load only the site's own stylesheets and images: no script, no inline style.
        ContentSecurityMiddleware(contentSecurityPolicy: [
            .defaultSrc(.none), .styleSrc(.self), .imgSrc(.self), .baseURI(.none), .formAction(.self), .frameAncestors(.none),
        ])
        // One line per request only at `--log-level debug`: at info, load wrote 180 MB in 20 s.
        LogRequestsMiddleware(.debug)
        ErrorMiddleware(pages: cache.pages, options: cache.options)
        // Who is asking, then the one CSRF check for every unsafe request signed in by cookie.
        AuthenticationMiddleware(accounts: accounts)
        CSRFMiddleware()
        ExpireAfterWritesMiddleware(cache: cache)
    }
    let workspace = Workspace(cache: cache, accounts: accounts, notifier: notifier, feedCounter: feedCounter, roster: roster)
    router.addRoutes(SessionController(workspace: workspace).endpoints)
    router.addRoutes(UserController(workspace: workspace).endpoints, atPath: "/manage")
    let manage = ManageController(workspace: workspace, today: today)
    router.addRoutes(manage.endpoints, atPath: "/manage")
    router.addRoutes(ClusterPlanController(workspace: workspace, manage: manage).endpoints, atPath: "/manage")
    router.addRoutes(MaterialFormController(manage: manage).endpoints, atPath: "/manage")
    router.addRoutes(CalendarController(workspace: workspace).endpoints, atPath: "/manage")
    router.addRoutes(SupportController(workspace: workspace, today: today).endpoints, atPath: "/manage")
    router.addRoutes(SupportAPIController(workspace: workspace).endpoints, atPath: "/api")
    router.addRoutes(AttendanceController(workspace: workspace, today: today).endpoints, atPath: "/manage")
    router.addRoutes(EventWriteController(workspace: workspace, today: today).endpoints, atPath: "/api")
    router.addRoutes(ScheduleController(workspace: workspace, today: today).endpoints, atPath: "/api")
    router.addRoutes(AuditController(workspace: workspace).endpoints, atPath: "/api")
    router.addRoutes(PageController(cache: cache, today: today).endpoints)
    router.addRoutes(FeedController(cache: cache, counter: feedCounter).endpoints, atPath: "/feeds")
    router.addRoutes(APIController(cache: cache).endpoints, atPath: "/api")
    router.addRoutes(ReportController(cache: cache, today: today).endpoints, atPath: "/reports")
    router.addRoutes(MaterialController(cache: cache).endpoints, atPath: "/materials")
    router.addRoutes(MaterialAPIController(workspace: workspace).endpoints, atPath: "/api")
    router.addRoutes(RegistrationController(workspace: workspace).endpoints)
    router.addRoutes(ManageRegistrationController(workspace: workspace).endpoints, atPath: "/manage")
    router.addRoutes(RegistrationAPIController(workspace: workspace).endpoints, atPath: "/api")
    return router
}
