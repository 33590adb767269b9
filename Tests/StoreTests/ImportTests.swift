import Foundation
import GRDB
import Planning
import PlanFiles
import Store
import TestSupport
import Testing

@Suite struct ImportTests {
    let seeds: District

    init() throws {
        seeds = try PlanLoader.load(paths: [Fixtures.plansDirectory.appendingPathComponent("nevsky").path])
    }

    private func id(_ n: Int) -> EventID { EventID(cluster: "nevsky-exact", number: n) }

    private func state(_ db: AppDatabase, _ n: Int) throws -> EventState {
        try #require(try db.snapshot()?.events.first { $0.id == id(n) }).state
    }

    @Test func reimportingUnchangedPlanChangesNothing() throws {
        let db = try AppDatabase.inMemory()
        let first = try db.importDistrict(seeds, now: 1_000)
        #expect(first.events.added.count == 8)
        let revision = try db.revision()
        let again = try db.importDistrict(seeds, now: 2_000)
        #expect(again.isEmpty)
        #expect(try db.revision() == revision)
        #expect(try db.snapshot()?.district == seeds)
        #expect(try state(db, 1).lastModified == 1_000)
    }

    @Test func storedDistrictEqualsTheLoadedOne() throws {
        let db = try AppDatabase.inMemory()
        let everything = try PlanLoader.load(paths: [Fixtures.plansDirectory.path])
        _ = try db.importDistrict(everything, now: 1)
        let snapshot = try #require(try db.snapshot())
        #expect(snapshot.district == everything)
        #expect(snapshot.events.map(\.state.status).allSatisfy { $0 == .planned })
    }

    @Test func movingAPublishedEventRaisesSequenceOnlyForIt() throws {
        let db = try AppDatabase.inMemory()
        _ = try db.importDistrict(seeds, now: 1_000)
        let start = TimeOfDay(hour: 15, minute: 0)
        try db.applySchedule([ScheduleChange(id: id(1), date: LocalDate(iso: "2019-10-17"), start: start),
                              ScheduleChange(id: id(2), date: LocalDate(iso: "2019-12-12"), start: start)], now: 2_000)
        #expect(try state(db, 1).sequence == 0, "a first date was never published")
        #expect(try state(db, 1).status == .scheduled)
        let moved = try db.applySchedule([ScheduleChange(id: id(1), date: LocalDate(iso: "2019-10-24"), start: start),
                                          ScheduleChange(id: id(2), date: LocalDate(iso: "2019-12-12"), start: start)], now: 3_000)
        #expect(moved == [id(1)])
        #expect(try state(db, 1).sequence == 1)
        #expect(try state(db, 1).lastModified == 3_000)
        #expect(try state(db, 2).sequence == 0)
        #expect(try state(db, 2).lastModified == 2_000)
    }

    @Test func changedHostUpdatesTheEventAndItsSequence() throws {
        let db = try AppDatabase.inMemory()
        _ = try db.importDistrict(seeds, now: 1_000)
        try db.applySchedule([ScheduleChange(id: id(3), date: LocalDate(iso: "2020-02-13"), start: TimeOfDay(hour: 15, minute: 0))],
                             now: 2_000)
        var changed = seeds
        changed.clusters[0].plan?.events[2].host = "329"
        let summary = try db.importDistrict(changed, now: 3_000)
        #expect(summary.events.updated == ["nevsky-exact/3"])
        #expect(summary.clusters.updated == ["nevsky-exact"])
        let s = try state(db, 3)
        #expect(s.sequence == 1)
        #expect(s.lastModified == 3_000)
        #expect(s.date == LocalDate(iso: "2020-02-13"), "the date still fits the window")
    }

    @Test func aNewWindowThatExcludesTheDateUnschedulesTheEvent() throws {
        let db = try AppDatabase.inMemory()
        _ = try db.importDistrict(seeds, now: 1_000)
        try db.applySchedule([ScheduleChange(id: id(4), date: LocalDate(iso: "2020-04-16"), start: TimeOfDay(hour: 15, minute: 0))],
                             now: 2_000)
        var changed = seeds
        changed.clusters[0].plan?.events[3].timing = .month(YearMonth(iso: "2020-05")!)
        _ = try db.importDistrict(changed, now: 3_000)
        let s = try state(db, 4)
        #expect(s.date == nil)
        #expect(s.status == .planned)
        #expect(s.sequence == 1)
    }

    @Test func removedEventIsKeptWithItsOutcomeAndComesBack() throws {
        let db = try AppDatabase.inMemory()
        _ = try db.importDistrict(seeds, now: 1_000)
        try db.applySchedule([ScheduleChange(id: id(9), date: LocalDate(iso: "2021-04-15"), start: TimeOfDay(hour: 15, minute: 0))],
                             now: 2_000)
        try db.record(.cancelled(reason: "карантин"), for: id(9), now: 2_500)
        var shorter = seeds
        shorter.clusters[0].plan?.events.removeLast()
        let summary = try db.importDistrict(shorter, now: 3_000)
        #expect(summary.events.removed == ["nevsky-exact/9"])
        let removed = try state(db, 9)
        #expect(removed.status == .removed)
        #expect(removed.outcome?.cancellationReason == "карантин")
        #expect(removed.sequence == 2)
        #expect(try db.snapshot()?.events.count == 8)
        #expect(try db.snapshot()?.district.cluster("nevsky-exact")?.plan?.events.count == 7)

        let back = try db.importDistrict(seeds, now: 4_000)
        #expect(back.restoredEvents == [id(9)])
        #expect(try state(db, 9).status == .scheduled)
        #expect(try state(db, 9).outcome?.cancellationReason == "карантин")
    }

    @Test func outcomesSurviveReimport() throws {
        let db = try AppDatabase.inMemory()
        _ = try db.importDistrict(seeds, now: 1_000)
        let held = try #require(LocalDate(iso: "2019-10-17"))
        try db.record(.held(on: held, participants: 42, schools: ["344", "498"], note: "стартовая", products: "сборник"),
                      for: id(1), now: 2_000)
        var changed = seeds
        changed.clusters[0].plan?.events[0].title = "Новое название"
        _ = try db.importDistrict(changed, now: 3_000)
        let s = try state(db, 1)
        #expect(s.status == .held)
        #expect(s.outcome == Outcome(heldOn: held, participants: 42, schools: ["344", "498"], note: "стартовая", products: "сборник"))
    }

    @Test func postponingPinsTheEventAndRaisesSequence() throws {
        let db = try AppDatabase.inMemory()
        _ = try db.importDistrict(seeds, now: 1_000)
        try db.applySchedule([ScheduleChange(id: id(2), date: LocalDate(iso: "2019-12-12"), start: TimeOfDay(hour: 15, minute: 0))],
                             now: 2_000)
        let later = try #require(LocalDate(iso: "2020-01-16"))
        try db.record(.postponed(to: later), for: id(2), now: 3_000)
        #expect(try db.postponements() == [id(2): later])
        let s = try state(db, 2)
        #expect(s.date == later)
        #expect(s.status == .postponed)
        #expect(s.sequence == 1)
    }

    @Test func aFailingImportWritesNothing() throws {
        let db = try AppDatabase.inMemory()
        _ = try db.importDistrict(seeds, now: 1_000)
        let revision = try db.revision()
        var broken = seeds
        broken.clusters[0].plan?.events[0].title = "Изменено"
        // A lead that is no school violates a foreign key half-way through the write.
        broken.clusters[0].lead = "нет такой"
        #expect(throws: (any Error).self) { try db.importDistrict(broken, now: 2_000) }
        #expect(try db.revision() == revision)
        #expect(try db.snapshot()?.district == seeds)
    }

    @Test func unknownEventsAreRefused() throws {
        let db = try AppDatabase.inMemory()
        _ = try db.importDistrict(seeds, now: 1_000)
        #expect(throws: StoreError.unknownEvent(id(5))) {
            try db.record(.cancelled(reason: "нет"), for: id(5), now: 2_000)
        }
    }
}

/// Issue 14: a write that meets another writer's lock says so in Russian; busy calendars are stored.
@Suite struct StoreHardeningTests {
    @Test func aLockedStoreGivesOneClearLine() throws {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("s.sqlite").path
        let first = try AppDatabase.open(path: path)
        try first.importDistrict(try PlanLoader.load(paths: [Fixtures.plansDirectory.path]), now: 1)
        // Another writer holds the lock (on its own thread) until the check is done.
        let holder = try DatabaseQueue(path: path)
        let taken = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? holder.write { db in
                try db.execute(sql: "UPDATE meta SET value = value WHERE key = 'district'")
                taken.signal()
                release.wait()
            }
            done.signal()
        }
        taken.wait()
        defer { release.signal(); done.wait() }
        let second = try AppDatabase.open(path: path, busyTimeout: 0.2)
        #expect(throws: StoreError.locked) { try second.setIndicator(IndicatorValue(cluster: "nevsky-exact", indicator: "events-held",
                                                                                     year: AcademicYear(startYear: 2019), value: 1)) }
        #expect(StoreError.locked.description.hasPrefix("база занята: сейчас идёт другая запись"))
    }

    @Test func busyIntervalsAreStoredAtImportAndReadBack() throws {
        var district = try PlanLoader.load(paths: [Fixtures.plansDirectory.path])
        let interval = BusyInterval(school: "344", startDay: LocalDate(year: 2019, month: 10, day: 1)!, startMinute: 900,
                                    endDay: LocalDate(year: 2019, month: 10, day: 1)!, endMinute: 1020, reason: "Педсовет",
                                    source: "busy/344.ics")
        district.calendar.busyIntervals = [interval]
        let database = try AppDatabase.inMemory()
        try database.importDistrict(district, now: 1)
        #expect(try database.snapshot()?.district.calendar.busyIntervals == [interval])
    }
}
