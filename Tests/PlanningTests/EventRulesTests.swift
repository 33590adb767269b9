import Planning
import Testing

/// The rules of what happens to an event, on plain values: every store persists exactly these.
@Suite struct EventRulesTests {
    let calendar = DistrictCalendar()
    let id = EventID(cluster: "c", number: 1)
    let three = TimeOfDay(hour: 15, minute: 0)!
    let october17 = LocalDate(iso: "2019-10-17")!

    func event(_ timing: EventTiming = .month(YearMonth(iso: "2019-10")!), host: String = "344", start: TimeOfDay? = nil,
               title: String = "Конференция") -> PlannedEvent {
        PlannedEvent(id: id, year: AcademicYear(startYear: 2019), format: .conference, title: title, timing: timing, start: start,
                     host: host, participants: [host])
    }

    func scheduled(sequence: Int = 0) -> EventState {
        EventState(date: october17, start: three, sequence: sequence, lastModified: 100, status: .scheduled)
    }

    @Test func aNewEventWaitsForScheduleUnlessPinned() {
        #expect(EventState.initial(for: event(), calendar: calendar, now: 5) == EventState(lastModified: 5))
        let pinned = EventState.initial(for: event(.pinned(october17)), calendar: calendar, now: 5)
        #expect(pinned == EventState(date: october17, start: three, lastModified: 5, status: .scheduled))
    }

    @Test func aFirstDateDoesNotRaiseSequenceAMoveDoes() throws {
        let first = try #require(EventState(lastModified: 1).scheduled(on: october17, at: three, now: 10))
        #expect(first.sequence == 0)
        #expect(first.status == .scheduled)
        #expect(first.lastModified == 10)
        let moved = try #require(first.scheduled(on: october17.adding(days: 7), at: three, now: 20))
        #expect(moved.sequence == 1)
        #expect(first.scheduled(on: october17, at: three, now: 30) == nil, "an unchanged placement is no change")
        let undated = try #require(moved.scheduled(on: nil, at: three, now: 40))
        #expect(undated.status == .planned)
        #expect(undated.start == nil)
        #expect(undated.sequence == 2)
    }

    @Test func scheduleKeepsAHeldEventsStatus() throws {
        var held = scheduled()
        held.status = .held
        #expect(try #require(held.scheduled(on: october17.adding(days: 1), at: three, now: 9)).status == .held)
    }

    @Test func reimportRaisesSequenceOnlyForPlaceOrTime() {
        let old = event()
        let retitled = scheduled().reimported(from: old, to: event(title: "Другое"), calendar: calendar, now: 200)
        #expect(retitled.sequence == 0)
        #expect(retitled.lastModified == 200, "new text still refreshes LAST-MODIFIED")
        #expect(scheduled().reimported(from: old, to: event(host: "498"), calendar: calendar, now: 200).sequence == 1)
        let later = scheduled().reimported(from: old, to: event(start: TimeOfDay(hour: 16, minute: 30)), calendar: calendar, now: 200)
        #expect(later.start == TimeOfDay(hour: 16, minute: 30))
        #expect(later.sequence == 1)
    }

    @Test func reimportFollowsANewPinAndDropsADateOutsideTheNewWindow() {
        let old = event()
        let pinned = scheduled().reimported(from: old, to: event(.pinned(october17.adding(days: 1))), calendar: calendar, now: 300)
        #expect(pinned.date == october17.adding(days: 1))
        #expect(pinned.sequence == 1)
        let moved = scheduled().reimported(from: old, to: event(.month(YearMonth(iso: "2019-11")!)), calendar: calendar, now: 300)
        #expect(moved.date == nil)
        #expect(moved.start == nil)
        #expect(moved.status == .planned)
        #expect(moved.sequence == 1)
    }

    @Test(arguments: [EventStatus.held, .cancelled, .postponed])
    func reimportLeavesSettledAndPostponedDaysAlone(status: EventStatus) {
        var state = scheduled()
        state.status = status
        if status == .postponed { state.postponedTo = october17 }
        let after = state.reimported(from: event(), to: event(.month(YearMonth(iso: "2019-11")!)), calendar: calendar, now: 400)
        #expect(after.date == october17)
        #expect(after.status == status)
    }

    @Test func removalAndRestorePublish() {
        let removed = scheduled().removed(now: 500)
        #expect(removed.status == .removed)
        #expect(removed.sequence == 1)
        #expect(removed.lastModified == 500)
        let back = removed.restored(now: 600)
        #expect(back.status == .scheduled)
        #expect(back.sequence == 2)
        #expect(EventState(lastModified: 0, status: .removed).restored(now: 1).status == .planned)
        #expect(scheduled().restored(now: 700) == scheduled(), "only a removed event is restored")
    }

    @Test func recordingHeldMovesTheDayAndKeepsEarlierNotes() {
        var state = scheduled()
        state.outcome = Outcome(note: "раньше", products: "сборник")
        let held = state.recording(.held(on: october17.adding(days: 1), participants: 40, schools: ["344"], note: nil, products: nil),
                                   plannedStart: nil, now: 800)
        #expect(held.status == .held)
        #expect(held.date == october17.adding(days: 1))
        #expect(held.sequence == 1, "the published day moved")
        #expect(held.outcome == Outcome(heldOn: october17.adding(days: 1), participants: 40, schools: ["344"], note: "раньше",
                                        products: "сборник"))
        let onTheDay = scheduled().recording(.held(on: october17, participants: 1, schools: [], note: nil, products: nil),
                                             plannedStart: nil, now: 800)
        #expect(onTheDay.sequence == 0)
        let undated = EventState(lastModified: 0).recording(.held(on: october17, participants: 1, schools: [], note: nil, products: nil),
                                                           plannedStart: three, now: 800)
        #expect(undated.start == three)
    }

    @Test func cancellingAndPostponingRaiseSequence() {
        let cancelled = scheduled().recording(.cancelled(reason: "карантин"), plannedStart: nil, now: 900)
        #expect(cancelled.status == .cancelled)
        #expect(cancelled.outcome?.cancellationReason == "карантин")
        #expect(cancelled.sequence == 1)
        let later = october17.adding(days: 30)
        let postponed = scheduled().recording(.postponed(to: later), plannedStart: nil, now: 900)
        #expect(postponed.status == .postponed)
        #expect(postponed.date == later)
        #expect(postponed.postponedTo == later)
        #expect(postponed.sequence == 1)
    }

    @Test func importPlanAddsUpdatesRemovesAndRestores() {
        let cluster = Cluster(id: "c", title: "К", lead: "344", members: ["344"],
                              plan: WorkPlan(years: [AcademicYear(startYear: 2019)], goal: "цель", events: [event()]))
        let district = District(name: "Район", schools: [School(id: "344", name: "Школа 344")], clusters: [cluster])
        let first = ImportPlan(importing: district, over: nil, now: 1)
        #expect(first.summary.events.added == ["c/1"])
        #expect(first.inserted.map(\.state) == [EventState(lastModified: 1)])
        #expect(first.replacesPlanRows)

        let stored = DistrictSnapshot(district: district, events: [EventSnapshot(event: event(), state: scheduled())])
        let same = ImportPlan(importing: district, over: stored, now: 2)
        #expect(same.summary.isEmpty)
        #expect(same.updated.isEmpty && same.inserted.isEmpty && !same.replacesPlanRows)

        var empty = district
        empty.clusters[0].plan?.events = []
        let removal = ImportPlan(importing: empty, over: stored, now: 3)
        #expect(removal.summary.events.removed == ["c/1"])
        #expect(removal.updated.map(\.state.status) == [.removed])

        let gone = DistrictSnapshot(district: empty, events: removal.updated)
        let back = ImportPlan(importing: district, over: gone, now: 4)
        #expect(back.summary.restoredEvents == [id])
        #expect(back.updated.map(\.state.status) == [.scheduled])
    }
}

@Suite struct EventQueryTests {
    @Test func unknownIdsNameTheNearestOnes() {
        let error = UnknownID(kind: .cluster, id: "nevsky-exakt", known: ["nevsky-exact", "kirov-1"])
        #expect(error.suggestions == ["nevsky-exact"])
        #expect(error.description == "неизвестный кластер «nevsky-exakt»; может быть, «nevsky-exact»?")
        let far = UnknownID(kind: .school, id: "999", known: ["344", "498"])
        #expect(far.description == "неизвестная школа «999» (есть: 344, 498)")
    }

    @Test func theEndTimeWrapsPastMidnight() {
        #expect(TimeOfDay(hour: 23, minute: 0)!.adding(minutes: 90) == TimeOfDay(hour: 0, minute: 30))
        #expect(TimeOfDay(hour: 15, minute: 0)!.adding(minutes: Int.max).minutesSinceMidnight < 1440)
    }
}

@Suite struct SitePathTests {
    @Test func everyIdIsOnePercentEncodedSegment() {
        #expect(SitePaths.event(EventID(cluster: "nevsky-exact", number: 7)) == "/events/nevsky-exact/7")
        #expect(SitePaths.event(EventID(cluster: "к 1/а?#%", number: 2)) == "/events/%D0%BA%201%2F%D0%B0%3F%23%25/2")
        #expect(SitePaths.clusterFeed("a;b") == "/feeds/clusters/a%3Bb.ics")
        #expect(SitePaths.school("344") == "/schools/344")
        #expect(SitePaths.report(AcademicYear(startYear: 2019)) == "/reports/2019-2020")
    }
}
