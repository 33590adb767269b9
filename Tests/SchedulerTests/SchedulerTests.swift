import Planning
import PlanFiles
import Scheduler
import TestSupport
import Testing

@Suite struct SchedulerTests {
    static let three = TimeOfDay(hour: 15, minute: 0)!

    static func at(_ date: String) -> Placement { Placement(date: day(date), start: three) }

    static func event(_ cluster: String, _ n: Int, _ timing: EventTiming, host: String = "344",
                      participants: [String] = ["344", "498", "572"]) -> PlannedEvent {
        PlannedEvent(id: EventID(cluster: cluster, number: n), year: AcademicYear(startYear: 2019), format: .seminar,
                     title: "Семинар", timing: timing, host: host, participants: participants)
    }

    /// The Nevsky calendar (St Petersburg vacations, Russian holidays) with the given clusters' events.
    static func district(_ events: [PlannedEvent], busy: [BusyPeriod] = [], intervals: [BusyInterval] = [],
                         policy: VacationPolicy = .avoid) throws -> District {
        var d = try Seed003.district(busy: busy)
        d.calendar.busyIntervals = intervals
        d.calendar.preferences.duringVacations = policy
        let byCluster = Dictionary(grouping: events, by: \.clusterID)
        d.clusters = byCluster.keys.sorted().map { id in
            Cluster(id: id, title: id, district: d.clusters[0].district, lead: "344", members: d.clusters[0].members,
                    plan: WorkPlan(years: [AcademicYear(startYear: 2019)], goal: "—", events: byCluster[id]!))
        }
        return d
    }

    /// `Tests/Fixtures/scheduler/infeasible.yaml`: every day of 21-31 October 2019 is excluded for nevsky-exact/1.
    @Test func anInfeasibleEventListsTheConflictingConstraints() throws {
        let district = try PlanLoader.load(paths: [Fixtures.url("scheduler/infeasible.yaml").path])
        let result = schedule(ScheduleRequest(district: district))
        #expect(!result.isFeasible)
        #expect(result.event(EventID(cluster: "nevsky-other", number: 1))?.decision == .pinned(Self.at("2019-10-24")))
        let s = try #require(result.event(EventID(cluster: "nevsky-exact", number: 1)))
        #expect(s.decision == .unplaced)
        #expect(s.explanation.conflicts == [
            .schoolBusy(school: "344", reason: "ВПР", days: [day("2019-10-21"), day("2019-10-22"), day("2019-10-23")]),
            .schoolHasEvent(school: "344", event: EventID(cluster: "nevsky-other", number: 1), days: [day("2019-10-24")]),
            .schoolBusy(school: "572", reason: "Педсовет", days: [day("2019-10-25")]),
            .dayOff(.weekend, days: [day("2019-10-26"), day("2019-10-27")]),
            .vacationForbidden(title: "Осенние каникулы",
                               days: [day("2019-10-28"), day("2019-10-29"), day("2019-10-30"), day("2019-10-31")]),
        ])
        #expect(s.explanation.lines == [
            "назначить нельзя: в окне 21.10.2019–31.10.2019 (11 дней) нет ни одного подходящего дня",
            "2 дня — выходные и праздники",
            "3 дня — школа 344 занята (ВПР, 21.10.2019–23.10.2019)",
            "1 день — школа 344 как площадка уже на другом мероприятии (nevsky-other/1, 24.10.2019)",
            "1 день — школа 572 занята (Педсовет, 25.10.2019)",
            "4 дня — каникулы (Осенние каникулы), а календарь запрещает мероприятия в каникулы",
            "что можно сделать: расширить окно мероприятия (month или from/to); сократить занятость: школа 344 в calendar.busy; "
                + "перенести nevsky-other/1 или выбрать другую площадку; сократить занятость: школа 572 в calendar.busy; "
                + "разрешить мероприятия в каникулы (calendar: during_vacations: avoid)",
        ])
        #expect(HardRules(district, result).unexplained(s) == [])
    }

    @Test func aBusyIntervalIsNamedByItsCalendarFile() throws {
        let window = EventTiming.window(from: day("2019-10-21"), to: day("2019-10-22"))
        let intervals = ["2019-10-21", "2019-10-22"].map {
            BusyInterval(school: "572", startDay: day($0), startMinute: 14 * 60, endDay: day($0), endMinute: 18 * 60,
                         reason: "Педсовет", source: "busy/572.ics")
        }
        let s = try #require(schedule(ScheduleRequest(district: try Self.district([Self.event("c", 1, window)],
                                                                                  intervals: intervals))).events.first)
        #expect(s.explanation.conflicts == [.schoolBusy(school: "572", reason: "busy/572.ics",
                                                        days: [day("2019-10-21"), day("2019-10-22")])])
        #expect(s.explanation.lines[1] == "2 дня — школа 572 занята (busy/572.ics: Педсовет)")
    }

    @Test func aPinnedDateIsKeptAsIsAndItsBrokenRuleIsReported() throws {
        let district = try Self.district([Self.event("c", 1, .pinned(day("2019-10-22")))],
                                     busy: [BusyPeriod(school: "498", from: day("2019-10-22"), to: day("2019-10-22"), reason: "ОГЭ")])
        let s = try #require(schedule(ScheduleRequest(district: district)).event(EventID(cluster: "c", number: 1)))
        #expect(s.decision == .pinned(Self.at("2019-10-22")))
        #expect(s.explanation.lines == ["дата закреплена: вт 22.10.2019",
                                        "внимание: закреплённая дата нарушает правило — школа 498 занята (ОГЭ, 22.10.2019)"])
        #expect(s.explanation.conflicts == [.schoolBusy(school: "498", reason: "ОГЭ", days: [day("2019-10-22")])])
    }

    @Test func pinnedDatesOutOfNumberOrderAreReportedAndTheRestFollowThem() throws {
        let district = try Self.district([
            Self.event("c", 1, .pinned(day("2019-12-10"))), Self.event("c", 2, .pinned(day("2019-11-12"))),
            Self.event("c", 3, .month(YearMonth(year: 2019, month: 12)!)),
        ])
        let result = schedule(ScheduleRequest(district: district))
        #expect(result.orderWarnings == [
            "c/2 (12.11.2019) стоит не позже c/1 (10.12.2019): закреплённые даты нарушают порядок номеров",
        ])
        #expect(result.event(EventID(cluster: "c", number: 3))?.decision == .placed(Self.at("2019-12-24")))
    }

    @Test func aStorePinOverridesTheWindow() throws {
        let district = try Self.district([Self.event("c", 1, .month(YearMonth(year: 2019, month: 10)!))])
        let id = EventID(cluster: "c", number: 1)
        let result = schedule(ScheduleRequest(district: district, pinned: [id: day("2019-11-20")]))
        #expect(result.event(id)?.decision == .pinned(Self.at("2019-11-20")))
    }

    @Test func twoEventsInATightWindowReportTheShortGap() throws {
        let window = EventTiming.window(from: day("2019-10-14"), to: day("2019-10-23"))
        let result = schedule(ScheduleRequest(district: try Self.district([Self.event("c", 1, window), Self.event("c", 2, window)])))
        #expect(result.events.map(\.decision) == [.placed(Self.at("2019-10-16")), .placed(Self.at("2019-10-23"))])
        #expect(try #require(result.event(EventID(cluster: "c", number: 2))).explanation.lines.last
            == "выбран ср 23.10.2019 — предпочтительный день недели, 2 дн. позже намеченного 21.10.2019, "
            + "интервал 7 дней после c/1 — меньше минимального (14): в окне нет дня с нужным интервалом")
    }

    @Test func eventsSharingAWindowSpreadThroughIt() throws {
        let window = EventTiming.window(from: day("2019-09-02"), to: day("2019-12-20"))
        let events = (1...4).map { Self.event("c", $0, window) }
        let result = schedule(ScheduleRequest(district: try Self.district(events)))
        #expect(result.events.map(\.decision) == [
            .placed(Self.at("2019-09-17")), .placed(Self.at("2019-10-15")),
            .placed(Self.at("2019-11-07")), .placed(Self.at("2019-12-05")),
        ])
    }

    @Test(arguments: [(VacationPolicy.avoid, "2019-10-16"), (.prefer, "2019-10-29"), (.forbid, "2019-10-16")])
    func vacationPolicyWeighsVacationDays(policy: VacationPolicy, expected: String) throws {
        let district = try Self.district([Self.event("c", 1, .month(YearMonth(year: 2019, month: 10)!))], policy: policy)
        #expect(schedule(ScheduleRequest(district: district)).events.map(\.decision) == [.placed(Self.at(expected))])
    }

    @Test func onlyClusterLeavesOtherClustersWhereTheyAre() throws {
        let october = EventTiming.month(YearMonth(year: 2019, month: 10)!)
        let district = try Self.district([Self.event("a", 1, october), Self.event("b", 1, october)])
        let other = EventID(cluster: "a", number: 1)
        let result = schedule(ScheduleRequest(district: district, previous: [other: Self.at("2019-10-16")], onlyCluster: "b"))
        #expect(result.events.map(\.id) == [EventID(cluster: "b", number: 1)])
        #expect(result.events.map(\.decision) == [.placed(Self.at("2019-10-15"))])
    }

    @Test func fixedEventsStayAndStillOccupyTheirDay() throws {
        let october = EventTiming.month(YearMonth(year: 2019, month: 10)!)
        let district = try Self.district([Self.event("a", 1, october), Self.event("b", 1, october)])
        let held = EventID(cluster: "a", number: 1)
        let result = schedule(ScheduleRequest(district: district, previous: [held: Self.at("2019-10-16")], fixed: [held]))
        #expect(result.events.map(\.decision) == [.fixed(Self.at("2019-10-16")), .placed(Self.at("2019-10-15"))])
        #expect(result.isFeasible)
    }

    @Test func aChangedStartTimeKeepsTheDayButCountsAsAMove() throws {
        var e = Self.event("c", 1, .month(YearMonth(year: 2019, month: 10)!))
        e.start = TimeOfDay(hour: 16, minute: 30)
        let id = e.id
        let result = schedule(ScheduleRequest(district: try Self.district([e]), previous: [id: Self.at("2019-10-16")]))
        #expect(result.events.map(\.decision) == [
            .moved(from: Self.at("2019-10-16"), to: Placement(date: day("2019-10-16"), start: TimeOfDay(hour: 16, minute: 30)!)),
        ])
    }

    @Test func aBusyIntervalBlocksOnlyOverlappingTimes() throws {
        let october = EventTiming.month(YearMonth(year: 2019, month: 10)!)
        let morning = BusyInterval(school: "344", startDay: day("2019-10-16"), startMinute: 9 * 60, endDay: day("2019-10-16"),
                                   endMinute: 12 * 60, source: "busy/344.ics")
        let afternoon = BusyInterval(school: "344", startDay: day("2019-10-16"), startMinute: 16 * 60, endDay: day("2019-10-16"),
                                     endMinute: 17 * 60, source: "busy/344.ics")
        let free = schedule(ScheduleRequest(district: try Self.district([Self.event("c", 1, october)], intervals: [morning])))
        let busy = schedule(ScheduleRequest(district: try Self.district([Self.event("c", 1, october)], intervals: [afternoon])))
        #expect(free.events.map(\.decision) == [.placed(Self.at("2019-10-16"))])
        #expect(busy.events.map(\.decision) == [.placed(Self.at("2019-10-15"))])
    }
}

@Suite struct VenueSchedulingTests {
    static let day15 = EventTiming.window(from: day("2019-10-15"), to: day("2019-10-15"))

    static func district(host: String) throws -> District {
        var d = try SchedulerTests.district([
            SchedulerTests.event("a", 1, day15, host: host, participants: ["344"]),
            SchedulerTests.event("b", 1, day15, host: host, participants: ["498"]),
        ])
        d.venues = [Venue(id: "imc", name: "ИМЦ Невского района")]
        return d
    }

    @Test func onlineEventsOfDifferentSchoolsShareADay() throws {
        let result = schedule(ScheduleRequest(district: try Self.district(host: PlannedEvent.online)))
        #expect(result.events.map(\.decision) == [.placed(SchedulerTests.at("2019-10-15")), .placed(SchedulerTests.at("2019-10-15"))])
    }

    @Test func aVenueHostsOneEventADayAndIsNamedInTheExplanation() throws {
        let result = schedule(ScheduleRequest(district: try Self.district(host: "imc")))
        #expect(result.events.map(\.decision).first == .placed(SchedulerTests.at("2019-10-15")))
        let second = try #require(result.event(EventID(cluster: "b", number: 1)))
        #expect(second.decision.placement == nil)
        #expect(second.explanation.lines.contains { $0.contains("площадка «ИМЦ Невского района» уже на другом мероприятии (a/1") })
    }
}
