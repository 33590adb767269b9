import Foundation
import GRDB
import Planning
import PlanFiles
@testable import SQLiteStore
import Store
import Synchronization
import TestSupport
import Testing

/// What only the SQLite store has: its schema's CHECK constraints and strict reading of rows.
@Suite struct SQLiteStoreTests {
    func seeded() async throws -> (SQLiteStore, String) {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("store.sqlite").path
        let store = try SQLiteStore.open(path: path)
        _ = try await store.importDistrict(try PlanLoader.load(paths: [Fixtures.plansDirectory.appendingPathComponent("nevsky").path]),
                                           now: 1_000)
        return (store, path)
    }

    /// Runs SQL through another SQLite client (Python's), as a hand edit or a buggy writer would.
    func sqlite(_ path: String, _ sql: String) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()",
                             path, sql]
        let err = Pipe()
        process.standardError = err
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    /// The PostgreSQL store migrates through the same list (`PostgresAvailabilityTests`).
    @Test func theMigrationsAreTheSchemaVersions() {
        #expect(Schema.migrator.migrations == SchemaVersions.all)
    }

    /// A new store's schema, made at once, is what the migrations make one by one, and records
    /// every migration as applied.
    @Test func aNewStoreHasTheSchemaTheMigrationsMake() throws {
        let migrated = try DatabaseQueue(), made = try DatabaseQueue()
        try Schema.migrator.migrate(migrated)
        try made.write { db in try Schema.createIfEmpty(db) }
        let sql = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        let expected = try migrated.read { db in try Row.fetchAll(db, sql: sql) }
        let statements = try migrated.read { db in
            try String.fetchAll(db, sql: "SELECT sql || ';' FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
                                    + "ORDER BY type = 'table' DESC, rowid")
        }
        #expect(try made.read { db in try Row.fetchAll(db, sql: sql) } == expected,
                "Schema.current is not what the migrations make; now (one statement a line):\n\(statements.joined(separator: "\n"))")
        let applied = try made.read { db in try Schema.migrator.appliedIdentifiers(db) }
        #expect(applied == Set(Schema.migrator.migrations))
        #expect(try made.read { db in try Schema.migrator.hasCompletedMigrations(db) })
        // A store with tables is left alone.
        try migrated.write { db in try Schema.createIfEmpty(db) }
        #expect(try migrated.read { db in try Row.fetchAll(db, sql: sql) } == expected)
    }

    /// Processes opening one new file at once: one makes the schema, every one opens the store.
    @Test func storesOpeningOneNewFileAtOnceAllOpenIt() throws {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("new.sqlite").path
        let opened = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            if (try? SQLiteStore.open(path: path)) != nil { opened.withLock { $0 += 1 } }
        }
        #expect(opened.withLock { $0 } == 8)
        let queue = try DatabaseQueue(path: path)
        #expect(try queue.read { db in try Schema.migrator.hasCompletedMigrations(db) })
    }

    @Test(arguments: ["UPDATE event SET status = 'done'", "UPDATE event SET format = 'lecture'", "UPDATE school SET kind = 'uni'",
                      "UPDATE event SET timingKind = 'week'", "UPDATE audit SET source = 'mail'", "UPDATE school SET contingent = 'mixed'"])
    func checkConstraintsRefuseUnknownCodes(sql: String) async throws {
        let (_, path) = try await seeded()
        let result = try sqlite(path, sql)
        #expect(result.status != 0)
        #expect(result.stderr.contains("CHECK constraint failed"))
    }

    /// IN lists in CHECKs cost a temporary index per written row; the migrated schema has none,
    /// and keeps every table's indexes.
    @Test func checksAreComparisonsNotLists() async throws {
        let (store, _) = try await seeded()
        let tables = try await store.writing { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '% IN (%'")
        }
        #expect(tables == [])
        let indexes = try await store.writing { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit' AND sql IS NOT NULL")
        }
        #expect(indexes == ["audit_on_cluster"])
        #expect(Schema.comparisons(#"CHECK ("kind" IN ('a', 'b-c')), CHECK (x IS NULL OR x IN ('y'))"#)
                == #"CHECK (("kind" = 'a' OR "kind" = 'b-c')), CHECK (x IS NULL OR (x = 'y'))"#)
    }

    /// `read` takes the events on two connections, from either end: the same snapshot as one
    /// transaction gives, for an odd count too, and nil before the first import.
    @Test func aReadOnTwoConnectionsIsTheSnapshotOfOneTransaction() async throws {
        var (store, _) = try await seeded()
        store.twoConnectionReadFrom = 0
        let whole = try await store.writing { db in try SQLiteStore.snapshot(db) }
        #expect(try await store.read().snapshot == whole)
        #expect((whole?.events.count ?? 0) > 2)
        try await store.writing { db in try db.execute(sql: "DELETE FROM event WHERE rowid = (SELECT MAX(rowid) FROM event)") }
        let odd = try await store.writing { db in try SQLiteStore.snapshot(db) }
        #expect(try await store.read().snapshot == odd)
        #expect(odd?.events.count == (whole?.events.count ?? 0) - 1)
        var empty = try SQLiteStore.open(path: try Fixtures.temporaryDirectory().appendingPathComponent("empty.sqlite").path)
        empty.twoConnectionReadFrom = 0
        #expect(try await empty.read().snapshot == nil)
    }

    @Test func aBulkWriteHasTheLargeCacheAndGivesTheConnectionItsOwnBack() async throws {
        let (store, _) = try await seeded()
        let before = try await store.writing { db in try Int.fetchOne(db, sql: "PRAGMA cache_size") }
        let during = try await store.writing(bulk: true) { db in try Int.fetchOne(db, sql: "PRAGMA cache_size") }
        let after = try await store.writing { db in try Int.fetchOne(db, sql: "PRAGMA cache_size") }
        #expect(during == -131_072)
        #expect(before != during)
        #expect(after == before)
    }

    /// The bulk insert steps the statement itself: a refused row is GRDB's constraint error, and
    /// the statement it left behind inserts the next rows.
    @Test func aRefusedBulkRowIsAConstraintErrorAndTheNextInsertWorks() async throws {
        let (store, _) = try await seeded()
        let taken = try #require(try await store.read().snapshot?.district.schools.first)
        await #expect(throws: StoreError.unavailable("UNIQUE constraint failed: school.id")) {
            try await store.writing { db in try SchoolRecord.insertAll([SchoolRecord(taken, position: 99)], db) }
        }
        let fresh = School(id: "new-school", name: "Новая школа", district: nil)
        try await store.writing { db in try SchoolRecord.insertAll([SchoolRecord(fresh, position: 99)], db) }
        let names = try await store.writing { db in try String.fetchAll(db, sql: "SELECT name FROM school WHERE id = 'new-school'") }
        #expect(names == ["Новая школа"])
    }

    /// From `RowPipe.threshold` rows on, the values are made on a second thread: every row still
    /// arrives in order, and a refused one stops the insert with nothing of it kept.
    @Test func aPipedBulkInsertWritesEveryRowInOrderOrNone() async throws {
        let (store, _) = try await seeded()
        let count = RowPipe.threshold + 3 * RowPipe.chunkSize + 7
        let schools = (0..<count).map { School(id: "piped-\($0)", name: "Школа \($0)", district: nil) }
        try await store.writing { db in try SchoolRecord.insertAll(schools.enumerated().lazy.map { SchoolRecord($1, position: 1_000 + $0) }, db) }
        let rows = try await store.writing { db in
            try String.fetchAll(db, sql: "SELECT id || '|' || name || '|' || position FROM school WHERE id LIKE 'piped-%' ORDER BY rowid")
        }
        let expected: [String] = (0..<count).map { i in "piped-\(i)|Школа \(i)|\(1_000 + i)" }
        #expect(rows == expected)

        let more = (0..<count).map { School(id: $0 == count - 5 ? "piped-0" : "again-\($0)", name: "Ещё \($0)", district: nil) }
        await #expect(throws: StoreError.unavailable("UNIQUE constraint failed: school.id")) {
            try await store.writing { db in try SchoolRecord.insertAll(more.enumerated().lazy.map { SchoolRecord($1, position: $0) }, db) }
        }
        let kept = try await store.writing { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM school WHERE id LIKE 'again-%'") }
        #expect(kept == 0)
    }

    @Test func aNewStoreFileHas16KiBPages() async throws {
        let (store, _) = try await seeded()
        #expect(try await store.writing { db in try Int.fetchOne(db, sql: "PRAGMA page_size") } == 16_384)
    }

    @Test func anUnparsableStoredValueIsAnErrorNotADefault() async throws {
        let (store, path) = try await seeded()
        #expect(try sqlite(path, "UPDATE event SET date = '2019-13-45' WHERE number = 1").status == 0)
        await #expect(throws: StoreError.corrupt("мероприятие nevsky-exact/1: дата: «2019-13-45»")) { try await store.read() }
    }
}

@Suite struct BackupTests {
    @Test func aBackupOfALiveStoreRestoresEveryEvent() async throws {
        let folder = try Fixtures.temporaryDirectory()
        let path = folder.appendingPathComponent("live.sqlite").path
        let store = try SQLiteStore.open(path: path)
        let seeds = try PlanLoader.load(paths: [Fixtures.plansDirectory.appendingPathComponent("nevsky").path])
        _ = try await store.importDistrict(seeds, now: 1_000)
        let first = EventID(cluster: "nevsky-exact", number: 1)
        // Still in the WAL: the pool keeps it open, so a plain file copy would miss it.
        try await store.applySchedule([ScheduleChange(id: first, date: LocalDate(iso: "2019-10-17"), start: TimeOfDay("15:00"))],
                                      now: 2_000)
        let before = try await store.read()
        let copy = folder.appendingPathComponent("copy.sqlite").path
        try await store.backup(to: copy)
        await #expect(throws: StoreError.unavailable("\(copy) уже существует")) { try await store.backup(to: copy) }

        try await store.record(.cancelled(reason: "ошибка"), for: first, now: 3_000)
        try await SQLiteStore.restore(from: copy, to: path)
        #expect(try await SQLiteStore.open(path: path).read() == before)
    }

    @Test func restoreIsRefusedWhileAServerHoldsTheStore() async throws {
        let folder = try Fixtures.temporaryDirectory()
        let path = folder.appendingPathComponent("live.sqlite").path
        let store = try SQLiteStore.open(path: path)
        let copy = folder.appendingPathComponent("copy.sqlite").path
        try await store.backup(to: copy)
        do {
            let lease = try ServerLease(store: path)
            await #expect(throws: StoreError.inUse("её обслуживает запущенный clusterplan serve; остановите его и повторите")) {
                try await SQLiteStore.restore(from: copy, to: path)
            }
            withExtendedLifetime(lease) {}
        }
        // The server is gone (its lease released): now it goes through.
        try await SQLiteStore.restore(from: copy, to: path)
    }

    @Test func aFileThatIsNoStoreIsRefusedBeforeAnythingChanges() async throws {
        let folder = try Fixtures.temporaryDirectory()
        let path = folder.appendingPathComponent("live.sqlite").path
        _ = try SQLiteStore.open(path: path)
        let junk = folder.appendingPathComponent("junk.sqlite")
        try Data("not a database".utf8).write(to: junk)
        await #expect(throws: StoreError.self) { try await SQLiteStore.restore(from: junk.path, to: path) }
    }
}

@Suite struct JSONListTests {
    @Test(arguments: [[], ["344"], ["344", "школа №5", "", "🙂"], ["a\"b", "c\\d", "строка\nвторая", "\u{1}", "🙂", "/"]])
    func listsRoundTrip(list: [String]) {
        #expect(parseJSONArray(jsonArray(list)) == list)
    }

    @Test func otherWritersEscapesAreRead() {
        #expect(parseJSONArray(#" [ "a\/b" , "\u0410\ud83d\ude42" ] "#) == ["a/b", "А🙂"])
        #expect(parseJSONArray("[\"a\",]") == nil)
        #expect(parseJSONArray("{}") == nil)
        #expect(parseJSONArray("[1]") == nil)
    }

    /// Lists without a backslash take a shorter way, with the same grammar.
    @Test func plainListsFollowTheSameGrammar() {
        #expect(parseJSONArray(" [ \"a\" ,\n\"б в\" ] ") == ["a", "б в"])
        #expect(parseJSONArray("[ ]") == [])
        #expect(parseJSONArray("[\"a\" \"b\"]") == nil)
        #expect(parseJSONArray("[\"a\"") == nil)
        #expect(parseJSONArray("[\"a") == nil)
        #expect(parseJSONArray("[,\"a\"]") == nil)
        #expect(parseJSONArray("") == nil)
    }
}
