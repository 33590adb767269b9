import Hummingbird
import Operations
import Planning
import Site

/// What the workspace's controllers share: the site cache (and through it the store), sign-in,
/// and the answers every workspace page gives (never cached: they show one user's data).
public struct Workspace: Sendable {
    public let cache: SiteCache
    public let accounts: AccountService
    /// Queues the mails a move or cancellation sends (nil: none, as in tests that do not look at mail).
    public let notifier: Notifier?
    /// The subscriber counts of the feeds, for the workspace's subscription health.
    public let feedCounter: FeedCounter?
    /// Who is registered for and attended each event: sign-in sheets and certificates.
    public let roster: Roster

    public init(cache: SiteCache, accounts: AccountService, notifier: Notifier? = nil, feedCounter: FeedCounter? = nil,
                roster: Roster = .empty) {
        self.cache = cache
        self.accounts = accounts
        self.notifier = notifier
        self.feedCounter = feedCounter
        self.roster = roster
    }

    public var options: SiteOptions { cache.options }
    public var pages: PageRenderer { cache.pages }
    /// Cookies get `Secure` when the public address is https.
    public var secureCookies: Bool { options.baseURL?.lowercased().hasPrefix("https://") == true }

    /// The top line of a `/manage/` page for the signed-in account.
    public func frame(_ account: Account, _ context: AppRequestContext) -> WorkspaceFrame {
        WorkspaceFrame(account: account, csrf: context.csrfToken ?? "", options: options)
    }

    /// The stored district as of the latest write, private fields included: one revision check,
    /// and the snapshot read again only when the revision moved.
    public func snapshot() async throws -> DistrictSnapshot { try await cache.latestSnapshot() }

    /// The imported district, to check cluster and school ids against; nil before the first import.
    public func district() async throws -> District? { try await cache.current().content?.district }

    public func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// 303 to a site path (after a form post, so a reload does not post again).
    public func redirect(_ path: String) -> Response {
        Response(status: .seeOther, headers: [.location: options.href(path), .cacheControl: "no-store"])
    }

    public func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: try SiteJSON.encode(value))))
    }
}
