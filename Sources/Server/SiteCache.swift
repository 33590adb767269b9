import Foundation
import Hummingbird
import Logging
import NIOConcurrencyHelpers
import Planning
import Site
import Store

/// The site as of the store's latest revision, built lazily and kept until another write.
///
/// Any process may write the store (`import`, `schedule`, `record` from the command line). The
/// store raises a revision counter on each write; this cache reads that counter (one indexed row)
/// at most once per `pollInterval` and, when it moved, reads a new snapshot with its revision in
/// one call. Feeds and pages of the new snapshot are then built on first request and served from
/// memory after that.
public final class SiteCache: Sendable {
    let store: any DistrictStore
    let options: SiteOptions
    let pages: PageRenderer
    let pollInterval: Duration
    let logger: Logger
    private let state = NIOLockedValueBox(State())

    struct State {
        var generation: Generation?
        var lastPoll: ContinuousClock.Instant?
        /// The last tag and time served per resource, so a Last-Modified never goes back nor
        /// stays put when the bytes change without any event changing (a renamed cluster).
        var validators: [String: (etag: String, lastModified: Int64)] = [:]
        /// The last poll of the store failed: answer 503 until one succeeds, never the old data.
        var storeFailing = false
    }

    public init(store: some DistrictStore, options: SiteOptions, pages: PageRenderer, pollInterval: Duration = .seconds(1),
                logger: Logger) {
        self.store = store
        self.options = options
        self.pages = pages
        self.pollInterval = pollInterval
        self.logger = logger
    }

    /// The current generation; nil content means the store has no district yet. `fresh` checks the
    /// revision now rather than once per `pollInterval`: the workspace shows a user their own write
    /// at once, and still rebuilds nothing while the revision stays put.
    func current(fresh: Bool = false) async throws(StoreError) -> Generation {
        let now = ContinuousClock.now
        let (known, poll): (Generation?, Bool) = state.withLockedValue { s in
            if !fresh, let g = s.generation, let last = s.lastPoll, now - last < pollInterval, !s.storeFailing { return (g, false) }
            s.lastPoll = now
            return (s.generation, true)
        }
        if let known, !poll { return known }
        let loaded: (revision: Int64, snapshot: DistrictSnapshot?)
        do {
            let latest = try await store.revision()
            if let known, known.revision == latest {
                state.withLockedValue { $0.storeFailing = false }
                return known
            }
            let read = try await store.read()
            loaded = (read.revision, read.snapshot)
        } catch {
            state.withLockedValue { $0.storeFailing = true }
            throw error
        }
        state.withLockedValue { $0.storeFailing = false }
        let (revision, snapshot) = loaded
        let loadedGeneration = Generation(revision: revision, snapshot: snapshot,
                                          content: snapshot.map { SiteContent(snapshot: $0, options: options, pages: pages) })
        logger.info("site data loaded", metadata: ["revision": "\(revision)", "events": "\(snapshot?.events.count ?? 0)"])
        return state.withLockedValue { s in
            // Two requests may load at once: keep the newest.
            if let g = s.generation, g.revision >= revision { return g }
            s.generation = loadedGeneration
            return loadedGeneration
        }
    }

    /// The whole stored snapshot (private fields included) as of the latest revision, for the workspace.
    func latestSnapshot() async throws -> DistrictSnapshot {
        guard let snapshot = try await current(fresh: true).snapshot else { throw StoreError.empty }
        return snapshot
    }

    /// A piece of a workspace page that depends on the stored data only (a cluster's event rows,
    /// the start page's lists of one scope): built from the newest loaded snapshot once per revision.
    /// Called after `latestSnapshot()`, so that snapshot is loaded; a newer one may be, and then wins.
    func fragment(_ key: String, make: (DistrictSnapshot) -> String) throws(StoreError) -> String {
        guard let built = state.withLockedValue({ $0.generation })?.fragment(key, make: make) else { throw StoreError.empty }
        return built
    }

    /// After a write: the next request of any kind checks the revision, so feeds show the write at once.
    func expire() {
        state.withLockedValue { $0.lastPoll = nil }
    }

    /// The site content of the current generation, or `SiteError.emptyStore` before the first import.
    func content() async throws -> SiteContent {
        guard let content = try await current().content else { throw SiteError.emptyStore }
        return content
    }

    /// A cached resource of the current generation, built by `make` on first use.
    func resource(_ key: String, make: (SiteContent) throws -> Resource) async throws -> Resource {
        let generation = try await current()
        if let cached = generation.cached(key) { return cached }
        guard let content = generation.content else { throw SiteError.emptyStore }
        let built = stamped(key, try make(content))
        return generation.store(key, built)
    }

    private func stamped(_ key: String, _ resource: Resource) -> Resource {
        guard let lastModified = resource.lastModified else { return resource }
        return state.withLockedValue { s in
            var time = lastModified
            if let previous = s.validators[key] {
                if previous.etag == resource.etag {
                    time = previous.lastModified
                } else if time <= previous.lastModified {
                    time = max(previous.lastModified + 1, Int64(Date().timeIntervalSince1970))
                }
            }
            s.validators[key] = (resource.etag, time)
            return time == lastModified ? resource : Resource(copying: resource, lastModified: time)
        }
    }
}

/// One snapshot of the store and what has been built from it so far.
final class Generation: Sendable {
    let revision: Int64
    /// As stored; `content` is built from its public view.
    let snapshot: DistrictSnapshot?
    let content: SiteContent?
    private let resources = NIOLockedValueBox([String: Resource]())
    /// Rendered workspace fragments (`SiteCache.fragment`).
    private let fragments = NIOLockedValueBox([String: String]())

    init(revision: Int64, snapshot: DistrictSnapshot?, content: SiteContent?) {
        self.revision = revision
        self.snapshot = snapshot
        self.content = content
    }

    func cached(_ key: String) -> Resource? { resources.withLockedValue { $0[key] } }

    /// Keeps the first one stored when two requests built the same resource at once.
    func store(_ key: String, _ resource: Resource) -> Resource { resources.keepFirst(key, resource) }

    /// A workspace fragment of this generation's snapshot, rendered on first use; nil without a snapshot.
    func fragment(_ key: String, make: (DistrictSnapshot) -> String) -> String? {
        guard let snapshot else { return nil }
        if let cached = fragments.withLockedValue({ $0[key] }) { return cached }
        return fragments.keepFirst(key, make(snapshot))
    }
}

extension NIOLockedValueBox {
    /// Stores `value` under `key` unless another request stored one first; returns the one kept.
    func keepFirst<V>(_ key: String, _ value: V) -> V where Value == [String: V] {
        withLockedValue { cache in
            if let existing = cache[key] { return existing }
            cache[key] = value
            return value
        }
    }
}

/// After any request that may have written the store, the next read checks the revision at once:
/// an edit reaches the feeds of this instance without waiting out the poll interval.
struct ExpireAfterWritesMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let cache: SiteCache

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard ![.get, .head, .options].contains(request.method) else { return try await next(request, context) }
        defer { cache.expire() }
        return try await next(request, context)
    }
}
