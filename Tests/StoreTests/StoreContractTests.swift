import Foundation
import Planning
import PlanFiles
import PostgresStore
import SQLiteStore
import Store
import TestSupport
import Testing

/// A way to make an empty store. Every `DistrictStore` implementation adds its factory to `all`,
/// and then passes the whole contract suite below.
struct StoreFactory: Sendable, CustomTestStringConvertible {
    let name: String
    let make: @Sendable () async throws -> any DistrictStore
    var testDescription: String { name }

    static let all: [StoreFactory] = [
        StoreFactory(name: "SQLite in memory") { try SQLiteStore.inMemory() },
        StoreFactory(name: "SQLite file (WAL)") {
            try SQLiteStore.open(path: try Fixtures.temporaryDirectory().appendingPathComponent("store.sqlite").path)
        },
    ] + (PostgresTestServer.address.map { server in
        [StoreFactory(name: "PostgreSQL") { try await PostgresTestServer.freshStore(server) }]
    } ?? [])
}

/// The throwaway PostgreSQL server `scripts/with-postgres.sh` starts for `make test`; nil when the
/// tests run without it (then only the SQLite stores are tested).
enum PostgresTestServer {
    static let address = ProcessInfo.processInfo.environment["CLUSTERPLAN_TEST_POSTGRES"]

    /// A store on a database of its own, so tests running at once never see each other's rows.
    static func freshStore(_ server: String) async throws -> PostgresStore {
        let name = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        return try await PostgresStore.open(url: try await PostgresStore.createDatabase(named: name, server: server))
    }
}

@Suite struct PostgresAvailabilityTests {
    /// Says in the test output, as a skipped test, when the PostgreSQL half of the contract did not run.
    @Test(.enabled(if: PostgresTestServer.address != nil, "CLUSTERPLAN_TEST_POSTGRES is not set: run through scripts/with-postgres.sh (make test)"))
    func theContractRunsOnPostgreSQL() async throws {
        let store = try await PostgresTestServer.freshStore(try #require(PostgresTestServer.address))
        #expect(try await store.appliedVersions() == SchemaVersions.all)
        #expect(try await store.revision() == 0)
    }
}

/// The store contract: what any `DistrictStore` must do, run over every factory.
@Suite struct StoreContractTests {
    let seeds: District

    init() throws {
        seeds = try PlanLoader.load(paths: [Fixtures.plansDirectory.appendingPathComponent("nevsky").path])
    }

    private func id(_ n: Int) -> EventID { EventID(cluster: "nevsky-exact", number: n) }

    private func state(_ db: any DistrictStore, _ n: Int) async throws -> EventState {
        try #require(try await db.snapshot().events.first { $0.id == id(n) }).state
    }

    @Test(arguments: StoreFactory.all) func reimportingUnchangedPlanChangesNothing(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        let first = try await db.importDistrict(seeds, now: 1_000)
        #expect(first.events.added.count == 8)
        let revision = try await db.revision()
        let again = try await db.importDistrict(seeds, now: 2_000)
        #expect(again.isEmpty)
        #expect(try await db.revision() == revision)
        #expect(try await db.read().snapshot?.district == seeds)
        #expect(try await state(db, 1).lastModified == 1_000)
    }

    @Test(arguments: StoreFactory.all) func venuesAndLinksAreStored(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        let district = try PlanLoader.load(paths: [Fixtures.url("planfiles/venues.yaml").path])
        _ = try await db.importDistrict(district, now: 1_000)
        #expect(try await db.snapshot().district == district)
        var moved = district
        moved.venues[0].address = "ул. Бабушкина, 44"
        moved.clusters[0].plan?.events[1].link = "https://meet.example.org/new"
        let summary = try await db.importDistrict(moved, now: 2_000)
        #expect(summary.events.updated == ["c1/2"])
        let stored = try await db.snapshot()
        #expect(stored.district.venues == moved.venues)
        // The link is an online event's place: a new one raises SEQUENCE once the event has a date.
        #expect(stored.events.map(\.event.link) == [nil, "https://meet.example.org/new", "https://meet.example.org/c1-3"])
    }

    @Test(arguments: StoreFactory.all) func materialsAreStoredApartFromTheSnapshot(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        _ = try await db.importDistrict(seeds, now: 1_000)
        let revision = try await db.revision()
        let bytes: [UInt8] = Array("%PDF-1.4 презентация".utf8)
        let material = try await db.addMaterial(event: id(1), fileName: "Презентация.pdf", title: "Презентация семинара",
                                                contentType: "application/pdf", bytes: bytes, now: 2_000)
        #expect(material.size == bytes.count)
        #expect(try await db.revision() == revision + 1)
        #expect(try await db.snapshot().materials == [material])
        let content = try #require(try await db.materialContent(material.id))
        #expect(content.material == material)
        #expect(content.bytes == bytes)
        await #expect(throws: StoreError.unknownEvent(id(99))) {
            try await db.addMaterial(event: id(99), fileName: "a.pdf", title: "a", contentType: "application/pdf", bytes: bytes, now: 3_000)
        }
        #expect(try await db.removeMaterial(material.id))
        #expect(try await !db.removeMaterial(material.id))
        #expect(try await db.materialContent(material.id) == nil)
        #expect(try await db.snapshot().materials.isEmpty)
    }

    @Test(arguments: StoreFactory.all) func storedDistrictEqualsTheLoadedOne(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        let everything = try PlanLoader.load(paths: [Fixtures.plansDirectory.path])
        _ = try await db.importDistrict(everything, now: 1)
        let snapshot = try await db.snapshot()
        #expect(snapshot.district == everything)
        #expect(snapshot.events.map(\.state.status).allSatisfy { $0 == .planned })
    }

    @Test(arguments: StoreFactory.all) func movingAPublishedEventRaisesSequenceOnlyForIt(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        _ = try await db.importDistrict(seeds, now: 1_000)
        let start = TimeOfDay(hour: 15, minute: 0)
        try await db.applySchedule([ScheduleChange(id: id(1), date: LocalDate(iso: "2019-10-17"), start: start),
                              ScheduleChange(id: id(2), date: LocalDate(iso: "2019-12-12"), start: start)], now: 2_000)
        #expect(try await state(db, 1).sequence == 0, "a first date was never published")
        #expect(try await state(db, 1).status == .scheduled)
        let moved = try await db.applySchedule([ScheduleChange(id: id(1), date: LocalDate(iso: "2019-10-24"), start: start),
                                          ScheduleChange(id: id(2), date: LocalDate(iso: "2019-12-12"), start: start)], now: 3_000)
        #expect(moved == [id(1)])
        #expect(try await state(db, 1).sequence == 1)
        #expect(try await state(db, 1).lastModified == 3_000)
        #expect(try await state(db, 2).sequence == 0)
        #expect(try await state(db, 2).lastModified == 2_000)
    }

    @Test(arguments: StoreFactory.all) func changedHostUpdatesTheEventAndItsSequence(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        _ = try await db.importDistrict(seeds, now: 1_000)
        try await db.applySchedule([ScheduleChange(id: id(3), date: LocalDate(iso: "2020-02-13"), start: TimeOfDay(hour: 15, minute: 0))],
                             now: 2_000)
        var changed = seeds
        changed.clusters[0].plan?.events[2].host = "329"
        let summary = try await db.importDistrict(changed, now: 3_000)
        #expect(summary.events.updated == ["nevsky-exact/3"])
        #expect(summary.clusters.updated == ["nevsky-exact"])
        let s = try await state(db, 3)
        #expect(s.sequence == 1)
        #expect(s.lastModified == 3_000)
        #expect(s.date == LocalDate(iso: "2020-02-13"), "the date still fits the window")
    }

    @Test(arguments: StoreFactory.all) func aNewWindowThatExcludesTheDateUnschedulesTheEvent(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        _ = try await db.importDistrict(seeds, now: 1_000)
        try await db.applySchedule([ScheduleChange(id: id(4), date: LocalDate(iso: "2020-04-16"), start: TimeOfDay(hour: 15, minute: 0))],
                             now: 2_000)
        var changed = seeds
        changed.clusters[0].plan?.events[3].timing = .month(YearMonth(iso: "2020-05")!)
        _ = try await db.importDistrict(changed, now: 3_000)
        let s = try await state(db, 4)
        #expect(s.date == nil)
        #expect(s.status == .planned)
        #expect(s.sequence == 1)
    }

    @Test(arguments: StoreFactory.all) func removedEventIsKeptWithItsOutcomeAndComesBack(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        _ = try await db.importDistrict(seeds, now: 1_000)
        try await db.applySchedule([ScheduleChange(id: id(9), date: LocalDate(iso: "2021-04-15"), start: TimeOfDay(hour: 15, minute: 0))],
                             now: 2_000)
        try await db.record(.cancelled(reason: "карантин"), for: id(9), now: 2_500)
        var shorter = seeds
        shorter.clusters[0].plan?.events.removeLast()
        let summary = try await db.importDistrict(shorter, now: 3_000)
        #expect(summary.events.removed == ["nevsky-exact/9"])
        let removed = try await state(db, 9)
        #expect(removed.status == .removed)
        #expect(removed.outcome?.cancellationReason == "карантин")
        #expect(removed.sequence == 2)
        #expect(try await db.read().snapshot?.events.count == 8)
        #expect(try await db.read().snapshot?.district.cluster("nevsky-exact")?.plan?.events.count == 7)

        let back = try await db.importDistrict(seeds, now: 4_000)
        #expect(back.restoredEvents == [id(9)])
        #expect(try await state(db, 9).status == .scheduled)
        #expect(try await state(db, 9).outcome?.cancellationReason == "карантин")
    }

    @Test(arguments: StoreFactory.all) func outcomesSurviveReimport(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        _ = try await db.importDistrict(seeds, now: 1_000)
        let held = try #require(LocalDate(iso: "2019-10-17"))
        try await db.record(.held(on: held, participants: 42, schools: ["344", "498"], note: "стартовая", products: "сборник"),
                      for: id(1), now: 2_000)
        var changed = seeds
        changed.clusters[0].plan?.events[0].title = "Новое название"
        _ = try await db.importDistrict(changed, now: 3_000)
        let s = try await state(db, 1)
        #expect(s.status == .held)
        #expect(s.outcome == Outcome(heldOn: held, participants: 42, schools: ["344", "498"], note: "стартовая", products: "сборник"))
    }

    @Test(arguments: StoreFactory.all) func postponingPinsTheEventAndRaisesSequence(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        _ = try await db.importDistrict(seeds, now: 1_000)
        try await db.applySchedule([ScheduleChange(id: id(2), date: LocalDate(iso: "2019-12-12"), start: TimeOfDay(hour: 15, minute: 0))],
                             now: 2_000)
        let later = try #require(LocalDate(iso: "2020-01-16"))
        try await db.record(.postponed(to: later), for: id(2), now: 3_000)
        #expect(try await db.snapshot().postponements == [id(2): later])
        let s = try await state(db, 2)
        #expect(s.date == later)
        #expect(s.status == .postponed)
        #expect(s.sequence == 1)
    }

    @Test(arguments: StoreFactory.all) func aFailingImportWritesNothing(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        _ = try await db.importDistrict(seeds, now: 1_000)
        let revision = try await db.revision()
        var broken = seeds
        broken.clusters[0].plan?.events[0].title = "Изменено"
        // A lead that is no school violates a foreign key half-way through the write.
        broken.clusters[0].lead = "нет такой"
        await #expect(throws: StoreError.self) { try await db.importDistrict(broken, now: 2_000) }
        #expect(try await db.revision() == revision)
        #expect(try await db.read().snapshot?.district == seeds)
    }

    @Test(arguments: StoreFactory.all) func unknownEventsAreRefused(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        _ = try await db.importDistrict(seeds, now: 1_000)
        await #expect(throws: StoreError.unknownEvent(id(5))) {
            try await db.record(.cancelled(reason: "нет"), for: id(5), now: 2_000)
        }
    }

    @Test(arguments: StoreFactory.all) func anEmptyStoreReadsAsNoDistrictAtRevisionZero(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        #expect(try await db.read() == StoreState(revision: 0, snapshot: nil))
        await #expect(throws: StoreError.empty) { try await db.snapshot() }
    }

    @Test(arguments: StoreFactory.all) func oneReadGivesTheSnapshotWithItsRevision(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        _ = try await db.importDistrict(seeds, now: 1_000)
        let first = try await db.read()
        try await db.applySchedule([ScheduleChange(id: id(1), date: LocalDate(iso: "2019-10-17"), start: TimeOfDay(hour: 15, minute: 0))],
                                   now: 2_000)
        let second = try await db.read()
        #expect(second.revision == first.revision + 1)
        #expect(try await db.revision() == second.revision)
        #expect(first.snapshot?.events.first { $0.id == id(1) }?.state.date == nil)
        #expect(second.snapshot?.events.first { $0.id == id(1) }?.state.date == LocalDate(iso: "2019-10-17"))
    }

    @Test(arguments: StoreFactory.all) func indicatorValuesAreKeptPerYear(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        _ = try await db.importDistrict(seeds, now: 1_000)
        let year = AcademicYear(startYear: 2019)
        try await db.setIndicator(IndicatorValue(cluster: "nevsky-exact", indicator: "trained", year: year, value: 12))
        try await db.setIndicator(IndicatorValue(cluster: "nevsky-exact", indicator: "trained", year: year, value: 36))
        #expect(try await db.snapshot().indicatorValues == [IndicatorValue(cluster: "nevsky-exact", indicator: "trained", year: year, value: 36)])
    }

    @Test(arguments: StoreFactory.all) func schedulingAnUnknownEventWritesNothing(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        _ = try await db.importDistrict(seeds, now: 1_000)
        let before = try await db.read()
        await #expect(throws: StoreError.unknownEvent(id(5))) {
            try await db.applySchedule([ScheduleChange(id: id(1), date: LocalDate(iso: "2019-10-17"), start: TimeOfDay(hour: 15, minute: 0)),
                                        ScheduleChange(id: id(5), date: LocalDate(iso: "2019-10-18"), start: nil)], now: 2_000)
        }
        #expect(try await db.read() == before)
    }
}

/// Workspace writes (contract v2): events stored as Planning computed them, with the audit log in
/// the same transaction; stale revisions refused; schedule versions numbered per cluster.
extension StoreContractTests {
    private var editor: Author { Author(login: "coord", source: .web) }

    private func item(_ db: any DistrictStore, _ n: Int) async throws -> EventSnapshot {
        try #require(try await db.snapshot().events.first { $0.id == id(n) })
    }

    @Test(arguments: StoreFactory.all) func anEditIsStoredWithItsPendingValuesAndAuditEntries(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        _ = try await db.importDistrict(seeds, now: 1_000)
        let stored = try await item(db, 1)
        let snapshot = try await db.snapshot()
        let cluster = try #require(snapshot.district.cluster("nevsky-exact"))
        let (edited, changes) = try stored.editing(try EventEdit(EventFields(title: "Новое", month: "2019-11", start: "16:00")),
                                                   in: cluster, district: snapshot.district, now: 2_000)
        let revision = try await db.revision()
        try await db.write([EventWrite(edited, expecting: stored.revision)],
                           audit: AuditEntry.entries(changes, by: editor, cluster: "nevsky-exact", event: 1, at: 2_000), version: nil)
        #expect(try await db.revision() == revision + 1)
        let back = try await item(db, 1)
        #expect(back == edited)
        #expect(back.pending?.start == TimeOfDay(hour: 16, minute: 0))
        #expect(back.revision == stored.revision + 1)
        let log = try await db.auditLog(cluster: "nevsky-exact").filter { $0.source != .import }
        #expect(log.map(\.field) == ["start", "month", "title"], "newest first")
        #expect(log.last?.old == stored.event.title)
        #expect(log.allSatisfy { $0.login == "coord" && $0.source == .web && $0.event == 1 && $0.at == 2_000 })
        #expect(try await db.auditLog(cluster: "kirov-1").isEmpty)
    }

    @Test(arguments: StoreFactory.all) func aStaleRevisionIsAConflictAndWritesNothing(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        _ = try await db.importDistrict(seeds, now: 1_000)
        var stored = try await item(db, 2)
        stored.event.title = "Первая правка"
        stored.revision += 1
        try await db.write([EventWrite(stored, expecting: stored.revision - 1)], audit: [], version: nil)
        let before = try await db.read()
        var stale = stored
        stale.event.title = "Вторая правка по старой копии"
        let entry = AuditEntry(at: 3, login: "x", source: .api, cluster: "nevsky-exact", event: 2, field: "title", old: nil, new: nil)
        await #expect(throws: StoreError.conflict(id(2))) {
            try await db.write([EventWrite(stale, expecting: stored.revision - 1)], audit: [entry], version: nil)
        }
        #expect(try await db.read() == before)
        #expect(try await db.auditLog(cluster: nil).allSatisfy { $0.source == .import }, "the audit entry went with the refused write")
        // A new event may not take a number that is in use, removed events included.
        await #expect(throws: StoreError.conflict(id(2))) {
            try await db.write([EventWrite(stored, expecting: nil)], audit: [], version: nil)
        }
    }

    @Test(arguments: StoreFactory.all) func aNewEventAndARemovalAreStored(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        _ = try await db.importDistrict(seeds, now: 1_000)
        let snapshot = try await db.snapshot()
        let cluster = try #require(snapshot.district.cluster("nevsky-exact"))
        let made = try EventSnapshot.new(number: 10, try EventEdit(EventFields(format: "webinar", title: "Итоги года", date: "2020-05-14")),
                                         in: cluster, district: snapshot.district, now: 2_000)
        let removed = try await item(db, 3).removed(now: 2_000)
        try await db.write([EventWrite(made, expecting: nil), EventWrite(removed, expecting: removed.revision - 1)], audit: [], version: nil)
        let after = try await db.snapshot()
        #expect(after.events.first { $0.id == id(10) } == made)
        #expect(after.events.first { $0.id == id(3) }?.state.status == .removed)
        let numbers = after.district.cluster("nevsky-exact")?.plan?.events.map(\.number)
        #expect(numbers == [1, 2, 4, 6, 7, 8, 9, 10], "the removed event left the plan, the new one joined it")
    }

    @Test(arguments: StoreFactory.all) func scheduleVersionsAreNumberedPerClusterWithTheirMoves(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        _ = try await db.importDistrict(seeds, now: 1_000)
        let three = TimeOfDay(hour: 15, minute: 0)
        let move = ScheduleMove(event: 1, old: PublishedTime(date: nil, start: nil),
                                new: PublishedTime(date: LocalDate(iso: "2019-10-17"), start: three))
        let first = try await db.write([], audit: [], version: ScheduleVersion(cluster: "nevsky-exact", number: 0, at: 5, login: "a", moves: [move]))
        let second = try await db.write([], audit: [], version: ScheduleVersion(cluster: "nevsky-exact", number: 0, at: 6, login: "b", moves: []))
        #expect((first, second) == (1, 2))
        let versions = try await db.scheduleVersions(cluster: "nevsky-exact")
        #expect(versions.map(\.number) == [2, 1])
        #expect(versions.last?.moves == [move])
        #expect(versions.last?.login == "a")
        #expect(try await db.scheduleVersions(cluster: "kirov-1").isEmpty)
    }

    @Test(arguments: StoreFactory.all) func aSavedClusterReplacesItsFieldsAndKeepsItsEvents(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        _ = try await db.importDistrict(seeds, now: 1_000)
        var cluster = try #require(try await db.snapshot().district.cluster("nevsky-exact"))
        cluster.title = "Новое название кластера"
        cluster.members.removeAll { $0 == "625" }
        cluster.plan?.tasks.append(PlanTask(id: "T5", text: "Пятая задача"))
        cluster.plan?.indicators = [Indicator(id: "trained", title: "Обучено", target: 36,
                                              targets: [AcademicYear(startYear: 2019): 12, AcademicYear(startYear: 2020): 24], unit: "чел.")]
        let entry = AuditEntry(at: 2_000, login: "m", source: .web, cluster: "nevsky-exact", event: nil, field: "title", old: "a", new: "b")
        try await db.saveCluster(cluster, audit: [entry])
        let after = try await db.snapshot()
        #expect(after.district.cluster("nevsky-exact") == cluster)
        #expect(after.district.clusters.map(\.id) == seeds.clusters.map(\.id), "the cluster keeps its place")
        #expect(try await db.auditLog(cluster: "nevsky-exact").first == entry)
    }
}

/// Import next to the workspace: only the clusters and schools the files contain are replaced.
extension StoreContractTests {
    @Test(arguments: StoreFactory.all) func importingOtherFilesKeepsTheStoredClusters(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        _ = try await db.importDistrict(seeds, now: 1_000)
        let kirov = try PlanLoader.load(paths: [Fixtures.plansDirectory.appendingPathComponent("kirov").path])
        let summary = try await db.importDistrict(kirov, now: 2_000, by: Author(login: "ops", source: .import))
        #expect(summary.clusters.removed.isEmpty)
        #expect(summary.events.removed.isEmpty)
        let snapshot = try await db.snapshot()
        #expect(snapshot.district.cluster("nevsky-exact") == seeds.cluster("nevsky-exact"))
        #expect(snapshot.district.school("344") != nil)
        #expect(snapshot.district.cluster("kirov-1") != nil)
        #expect(snapshot.events(inCluster: "nevsky-exact").allSatisfy { $0.state.status == .planned })
        let log = try await db.auditLog(cluster: "kirov-1")
        #expect(!log.isEmpty && log.allSatisfy { $0.source == .import && $0.login == "ops" && $0.at == 2_000 })
        #expect(log.contains { $0.event == nil && $0.new == "кластер добавлен" })
    }

    @Test(arguments: StoreFactory.all) func reimportingDropsPendingValuesOfItsClustersOnly(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        let both = try PlanLoader.load(paths: [Fixtures.plansDirectory.appendingPathComponent("nevsky").path,
                                               Fixtures.plansDirectory.appendingPathComponent("millerovo").path])
        _ = try await db.importDistrict(both, now: 1_000)
        let snapshot = try await db.snapshot()
        let otherEvent = try #require(snapshot.events(inCluster: "millerovo-tochka-rosta").first)
        var writes: [EventWrite] = []
        for item in [try #require(snapshot.events.first { $0.id == id(1) }), otherEvent] {
            var pending = item
            pending.pending = PendingSchedule(year: item.event.year, timing: .pinned(item.event.year.firstDay.adding(days: 60)),
                                              start: nil, durationMinutes: 60, host: item.event.host)
            pending.revision += 1
            writes.append(EventWrite(pending, expecting: item.revision))
        }
        try await db.write(writes, audit: [], version: nil)
        _ = try await db.importDistrict(seeds, now: 2_000)
        let after = try await db.snapshot()
        #expect(after.events.first { $0.id == id(1) }?.pending == nil, "the files win for their clusters")
        #expect(after.events.first { $0.id == otherEvent.id }?.pending != nil, "other clusters keep their pending values")
    }
}
