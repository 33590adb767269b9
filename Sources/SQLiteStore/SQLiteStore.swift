import Foundation
import GRDB
import Planning
import Store

/// The SQLite store (GRDB), the default `DistrictStore`: one file, no server to start. Every write
/// is one transaction that also raises `revision`, which the server polls to know when another
/// process changed the data.
public struct SQLiteStore: DistrictStore {
    let writer: any DatabaseWriter
    /// The database file; nil in memory.
    public let path: String?
    /// From this many events on, `read` uses two connections (the tests lower it).
    var twoConnectionReadFrom = 10_000

    init(_ writer: any DatabaseWriter, path: String?) throws(StoreError) {
        self.writer = writer
        self.path = path
        do {
            // A new store gets the current schema in one step, under the write lock (so two processes
            // opening one new file make it once); then any migration not yet applied runs. An
            // existing store is only read here: opening it must not wait for another writer.
            if try writer.read(Schema.isEmpty) {
                try writer.writeWithoutTransaction { db in
                    try db.inTransaction(.exclusive) {
                        try Schema.createIfEmpty(db)
                        return .commit
                    }
                }
            }
            try Schema.migrator.migrate(writer)
        } catch { throw StoreError(error) }
    }

    /// A WAL database file, safe for a server and command-line writers at the same time.
    /// A write waits up to `busyTimeout` seconds for another writer, then fails with `.locked`.
    public static func open(path: String, busyTimeout: TimeInterval = 10) throws(StoreError) -> SQLiteStore {
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        // A new file gets 16 KiB pages (an existing one keeps its own): a country's import and
        // schedule write a quarter as many pages, each one system call (BENCHMARKS.md, round 8).
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA page_size = 16384") }
        let pool: DatabasePool
        do { pool = try DatabasePool(path: path, configuration: config) } catch { throw StoreError(error) }
        return try SQLiteStore(pool, path: path)
    }

    public static func inMemory() throws(StoreError) -> SQLiteStore {
        let queue: DatabaseQueue
        do { queue = try DatabaseQueue() } catch { throw StoreError(error) }
        return try SQLiteStore(queue, path: nil)
    }

    // MARK: DistrictStore

    /// A large store's events are read on two connections at once, from either end of the table,
    /// the other rows beside them on the second: reading a country's 80,000 events was most of
    /// `schedule` and `export`. Every write raises the revision, so the same revision on both
    /// connections is the same data; when a write came between them, it is read again in one
    /// transaction. A city's store is read in one, which spares opening a second connection.
    public func read() async throws(StoreError) -> StoreState {
        let small = try await reading { db -> StoreState? in
            guard try EventRecord.fetchCount(db) < twoConnectionReadFrom else { return nil }
            return StoreState(revision: try Self.revision(db), snapshot: try Self.snapshot(db))
        }
        if let small { return small }
        let claims = EventClaims()
        async let first = result { () throws(StoreError) in
            try await reading { db in (revision: try Self.revision(db), events: try Self.events(db, claiming: claims)) }
        }
        let second = try await reading { db in
            let rows = try DistrictRows(db)
            return (revision: try Self.revision(db), events: try Self.events(db, claiming: claims, fromEnd: true), rows: rows)
        }
        let (revision, front) = try await first.get()
        guard revision == second.revision else {
            return try await reading { db in StoreState(revision: try Self.revision(db), snapshot: try Self.snapshot(db)) }
        }
        // The front's array has room for every event: the back's are appended without copying
        // the front's again (`+` copied all 80,000, and the array grew as they went in).
        var events = consume front
        events.append(contentsOf: second.events.reversed())
        do { return StoreState(revision: revision, snapshot: try second.rows?.snapshot(events: events)) }
        catch { throw StoreError(error) }
    }

    public func revision() async throws(StoreError) -> Int64 {
        try await reading { db in try Self.revision(db) }
    }

    public func importDistrict(_ district: District, now: Int64, by author: Author) async throws(StoreError) -> ImportSummary {
        try await writing(bulk: true) { db in
            let plan = ImportPlan(importing: district, over: try Self.snapshot(db), now: now)
            try Self.persist(plan, district: plan.district, db)
            try AuditRecord.insertAll(plan.audit(by: author, at: now).lazy.map(AuditRecord.init), db)
            return plan.summary
        }
    }

    @discardableResult
    public func applySchedule(_ changes: [ScheduleChange], now: Int64) async throws(StoreError) -> [EventID] {
        try await writing(bulk: true) { db in try Self.persist(changes, now: now, db) }
    }

    public func record(_ outcome: OutcomeEntry, for id: EventID, now: Int64) async throws(StoreError) {
        try await writing { db in try Self.persist(outcome, for: id, now: now, db) }
    }

    public func setIndicator(_ value: IndicatorValue) async throws(StoreError) {
        try await writing { db in
            try IndicatorValueRecord(cluster: value.cluster, indicator: value.indicator, year: value.year.description,
                                     value: value.value).save(db)
            try Self.bumpRevision(db)
        }
    }

    // MARK: Transactions

    func reading<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do { return try await writer.read(body) } catch { throw StoreError(error) }
    }

    /// `bulk`: a write of up to a country's rows (an import, a schedule) runs with a 128 MiB page
    /// cache. With SQLite's 2 MiB default its pages spill to the WAL and are written again: about
    /// 1 s of a 7–8 s country import (BENCHMARKS.md, round 6). The connection's own size comes back afterwards (a failure to
    /// restore it only leaves the larger cache).
    func writing<T: Sendable>(bulk: Bool = false, _ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await writer.write { db in
                guard bulk, let size = try Int.fetchOne(db, sql: "PRAGMA cache_size") else { return try body(db) }
                try db.execute(sql: "PRAGMA cache_size = -131072")
                defer { try? db.execute(sql: "PRAGMA cache_size = \(size)") }
                return try body(db)
            }
        } catch { throw StoreError(error) }
    }

    static func revision(_ db: Database) throws -> Int64 {
        guard let text = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'revision'") else { return 0 }
        guard let value = Int64(text) else { throw StoreError.corrupt("meta.revision «\(text)»") }
        return value
    }

    static func bumpRevision(_ db: Database) throws {
        try MetaRecord(key: "revision", value: String(try revision(db) + 1)).save(db)
    }
}

extension StoreError {
    /// GRDB and SQLite failures as the one store error; a `StoreError` thrown inside a
    /// transaction passes through unchanged.
    init(_ error: any Error) {
        if let error = error as? StoreError {
            self = error
        } else if let error = error as? DatabaseError, error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            self = .locked
        } else if let error = error as? DatabaseError {
            self = error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB
                ? .corrupt(error.message ?? "\(error.resultCode)") : .unavailable(error.message ?? "\(error.resultCode)")
        } else {
            self = .unavailable(String(describing: error))
        }
    }
}

/// A typed-throwing call as a value, for `async let` (which would widen the error to `any Error`).
private func result<T>(_ body: () async throws(StoreError) -> T) async -> Result<T, StoreError> {
    do { return .success(try await body()) } catch { return .failure(error) }
}
