import Foundation
import GRDB
import Planning
import PlanFiles
import SQLiteStore
import Store
import TestSupport
import Testing

/// Issue 14: a write that meets another writer's lock says so in Russian; busy calendars are stored.
@Suite struct StoreHardeningTests {
    @Test func aLockedStoreGivesOneClearLine() async throws {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("s.sqlite").path
        let first = try SQLiteStore.open(path: path)
        _ = try await first.importDistrict(try PlanLoader.load(paths: [Fixtures.plansDirectory.path]), now: 1)
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
        let second = try SQLiteStore.open(path: path, busyTimeout: 0.2)
        await #expect(throws: StoreError.locked) {
            try await second.setIndicator(IndicatorValue(cluster: "nevsky-exact", indicator: "events-held",
                                                         year: AcademicYear(startYear: 2019), value: 1))
        }
        #expect(StoreError.locked.description.hasPrefix("база занята: сейчас идёт другая запись"))
    }

    @Test func busyIntervalsAreStoredAtImportAndReadBack() async throws {
        var district = try PlanLoader.load(paths: [Fixtures.plansDirectory.path])
        let interval = BusyInterval(school: "344", startDay: LocalDate(year: 2019, month: 10, day: 1)!, startMinute: 900,
                                    endDay: LocalDate(year: 2019, month: 10, day: 1)!, endMinute: 1020, reason: "Педсовет",
                                    source: "busy/344.ics")
        district.calendar.busyIntervals = [interval]
        let store = try SQLiteStore.inMemory()
        _ = try await store.importDistrict(district, now: 1)
        #expect(try await store.snapshot().district.calendar.busyIntervals == [interval])
    }
}
