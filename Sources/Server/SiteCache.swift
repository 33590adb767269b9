import Foundation
import Logging
import Planning
import Store

/// The site as of the store's latest revision, built lazily and kept until another write.
///
/// Any process may write the store (`import`, `schedule`, `record` from the command line). The
/// store raises a revision counter on each write; this cache reads that counter (one indexed row)
/// at most once per `pollInterval` and, when it moved, loads a new snapshot. Feeds and pages of
/// the new snapshot are then built on first request and served from memory after that.
public final class SiteCache: Sendable {
    let database: AppDatabase
    let options: SiteOptions
    let pages: PageRenderer
    let pollInterval: Duration
    let logger: Logger
    private let state = Locked(State())

    struct State {
        var generation: Generation?
        var lastPoll: ContinuousClock.Instant?
        /// The last tag and time served per resource, so a Last-Modified never goes back nor
        /// stays put when the bytes change without any event changing (a renamed cluster).
        var validators: [String: (etag: String, lastModified: Int64)] = [:]
        /// The last poll of the store failed: answer 503 until one succeeds, never the old data.
        var storeFailing = false
    }

    public init(database: AppDatabase, options: SiteOptions, pages: PageRenderer, pollInterval: Duration = .seconds(1),
                logger: Logger) {
        self.database = database
        self.options = options
        self.pages = pages
        self.pollInterval = pollInterval
        self.logger = logger
    }

    /// The current generation; nil content means the store has no district yet.
    func current() throws -> Generation {
        let now = ContinuousClock.now
        let (known, poll): (Generation?, Bool) = state.withLock { s in
            if let g = s.generation, let last = s.lastPoll, now - last < pollInterval, !s.storeFailing { return (g, false) }
            s.lastPoll = now
            return (s.generation, true)
        }
        if let known, !poll { return known }
        let revision: Int64
        let snapshot: DistrictSnapshot?
        do {
            revision = try database.revision()
            if let known, known.revision == revision {
                state.withLock { $0.storeFailing = false }
                return known
            }
            snapshot = try database.snapshot()
        } catch {
            state.withLock { $0.storeFailing = true }
            logger.error("store cannot be read", metadata: ["error": "\(error)"])
            throw SiteError.storeUnavailable
        }
        state.withLock { $0.storeFailing = false }
        let fresh = Generation(revision: revision,
                               content: snapshot.map { SiteContent(snapshot: $0, options: options, pages: pages) })
        logger.info("site data loaded", metadata: ["revision": "\(revision)", "events": "\(snapshot?.events.count ?? 0)"])
        return state.withLock { s in
            // Two requests may load at once: keep the newest.
            if let g = s.generation, g.revision >= revision { return g }
            s.generation = fresh
            return fresh
        }
    }

    /// A resource already built in the current generation, when no poll of the store is due;
    /// never touches the store, so an event loop may ask. Nil: take the ordinary path.
    func builtResource(_ key: String) -> Resource? {
        let now = ContinuousClock.now
        let generation: Generation? = state.withLock { s in
            guard let g = s.generation, let last = s.lastPoll, now - last < pollInterval, !s.storeFailing else { return nil }
            return g
        }
        return generation?.cached(key)
    }

    /// A cached resource of the current generation, built by `make` on first use.
    func resource(_ key: String, make: (SiteContent) throws -> Resource) throws -> Resource {
        let generation = try current()
        if let cached = generation.cached(key) { return cached }
        guard let content = generation.content else { throw SiteError.emptyStore }
        let built = stamped(key, try make(content))
        return generation.store(key, built)
    }

    private func stamped(_ key: String, _ resource: Resource) -> Resource {
        guard let lastModified = resource.lastModified else { return resource }
        return state.withLock { s in
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
    let content: SiteContent?
    private let resources = Locked([String: Resource]())

    init(revision: Int64, content: SiteContent?) {
        self.revision = revision
        self.content = content
    }

    func cached(_ key: String) -> Resource? { resources.withLock { $0[key] } }

    /// Keeps the first one stored when two requests built the same resource at once.
    func store(_ key: String, _ resource: Resource) -> Resource {
        resources.withLock { cache in
            if let existing = cache[key] { return existing }
            cache[key] = resource
            return resource
        }
    }
}

/// A value behind a lock. (Synchronization's `Mutex` needs macOS 15; the package supports 14.)
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
