import Planning
import Scheduler
import Testing

@Suite struct SchedulerTests {
    static let three = TimeOfDay(hour: 15, minute: 0)!

    static func at(_ date: String) -> Placement { Placement(date: day(date), start: three) }

    static func event(_ cluster: String, _ n: Int, _ timing: EventTiming, host: String = "344",
                      participants: [String] = ["344", "498", "572"]) -> PlannedEvent {
        PlannedEvent(id: EventID(cluster: cluster, number: n), year: AcademicYear(startYear: 2019), format: .seminar,
                     title: "Семинар", timing: timing, host: host, participants: participants)
    }

    static func district(_ events: [PlannedEvent], busy: [BusyPeriod] = [], intervals: [BusyInterval] = [],
                         policy: VacationPolicy = .avoid) -> District {
        var d = Seed003.district(events: [], busy: busy, busyIntervals: intervals,
                                 preferences: SchedulingPreferences(duringVacations: policy))
        let byCluster = Dictionary(grouping: events, by: \.clusterID)
        d.clusters = byCluster.keys.sorted().map { id in
            Cluster(id: id, title: id, lead: "344", members: Seed003.members,
                    plan: WorkPlan(years: [AcademicYear(startYear: 2019)], goal: "—", events: byCluster[id]!))
        }
        return d
    }

    /// 21-31 October 2019 for nevsky-exact/1: every day is excluded by a different rule.
    @Test func anInfeasibleEventListsTheConflictingConstraints() throws {
        let window = EventTiming.window(from: day("2019-10-21"), to: day("2019-10-31"))
        let district = Self.district(
            [Self.event("nevsky-exact", 1, window), Self.event("nevsky-other", 1, .pinned(day("2019-10-24")))],
            busy: [BusyPeriod(school: "344", from: day("2019-10-21"), to: day("2019-10-23"), reason: "ВПР")],
            intervals: [BusyInterval(school: "572", startDay: day("2019-10-25"), startMinute: 14 * 60,
                                     endDay: day("2019-10-25"), endMinute: 18 * 60, reason: "Педсовет",
                                     source: "busy/572.ics")],
            policy: .forbid)
        let result = schedule(ScheduleRequest(district: district))
        #expect(!result.isFeasible)
        let s = try #require(result.event(EventID(cluster: "nevsky-exact", number: 1)))
        #expect(s.decision == .unplaced)
        #expect(s.explanation.conflicts == [
            .schoolBusy(school: "344", reason: "ВПР", days: [day("2019-10-21"), day("2019-10-22"), day("2019-10-23")]),
            .schoolHasEvent(school: "344", event: EventID(cluster: "nevsky-other", number: 1), days: [day("2019-10-24")]),
            .schoolBusy(school: "572", reason: "busy/572.ics", days: [day("2019-10-25")]),
            .dayOff(.weekend, days: [day("2019-10-26"), day("2019-10-27")]),
            .vacationForbidden(title: "Осенние каникулы",
                               days: [day("2019-10-28"), day("2019-10-29"), day("2019-10-30"), day("2019-10-31")]),
        ])
        #expect(s.explanation.lines == [
            "назначить нельзя: в окне 21.10.2019–31.10.2019 (11 дней) нет ни одного подходящего дня",
            "2 дня — выходные и праздники",
            "3 дня — школа 344 занята (ВПР, 21.10.2019–23.10.2019)",
            "1 день — школа 344 как площадка уже на другом мероприятии (nevsky-other/1, 24.10.2019)",
            "1 день — школа 572 занята (busy/572.ics: Педсовет)",
            "4 дня — каникулы (Осенние каникулы), а календарь запрещает мероприятия в каникулы",
            "что можно сделать: расширить окно мероприятия (month или from/to); сократить занятость: школа 344 в calendar.busy; "
                + "перенести nevsky-other/1 или выбрать другую площадку; "
                + "освободить время в busy/572.ics или изменить время начала (школа 572); "
                + "разрешить мероприятия в каникулы (calendar: during_vacations: avoid)",
        ])
        #expect(HardRules(district, result).unexplained(s) == [])
    }

    @Test func aPinnedDateIsKeptAsIsAndItsBrokenRuleIsReported() throws {
        let district = Self.district([Self.event("c", 1, .pinned(day("2019-10-22")))],
                                     busy: [BusyPeriod(school: "498", from: day("2019-10-22"), to: day("2019-10-22"), reason: "ОГЭ")])
        let s = try #require(schedule(ScheduleRequest(district: district)).event(EventID(cluster: "c", number: 1)))
        #expect(s.decision == .pinned(Self.at("2019-10-22")))
        #expect(s.explanation.lines == ["дата закреплена: вт 22.10.2019",
                                        "внимание: закреплённая дата нарушает правило — школа 498 занята (ОГЭ, 22.10.2019)"])
        #expect(s.explanation.conflicts == [.schoolBusy(school: "498", reason: "ОГЭ", days: [day("2019-10-22")])])
    }

    @Test func pinnedDatesOutOfNumberOrderAreReportedAndTheRestFollowThem() throws {
        let district = Self.district([
            Self.event("c", 1, .pinned(day("2019-12-10"))), Self.event("c", 2, .pinned(day("2019-11-12"))),
            Self.event("c", 3, .month(YearMonth(year: 2019, month: 12)!)),
        ])
        let result = schedule(ScheduleRequest(district: district))
        #expect(result.orderWarnings == [
            "c/2 (12.11.2019) стоит не позже c/1 (10.12.2019): закреплённые даты нарушают порядок номеров",
        ])
        #expect(result.event(EventID(cluster: "c", number: 3))?.decision == .placed(Self.at("2019-12-24")))
    }

    @Test func aStorePinOverridesTheWindow() {
        let district = Self.district([Self.event("c", 1, .month(YearMonth(year: 2019, month: 10)!))])
        let id = EventID(cluster: "c", number: 1)
        let result = schedule(ScheduleRequest(district: district, pinned: [id: day("2019-11-20")]))
        #expect(result.event(id)?.decision == .pinned(Self.at("2019-11-20")))
    }

    @Test func twoEventsInATightWindowReportTheShortGap() throws {
        let window = EventTiming.window(from: day("2019-10-14"), to: day("2019-10-23"))
        let result = schedule(ScheduleRequest(district: Self.district([Self.event("c", 1, window), Self.event("c", 2, window)])))
        #expect(result.events.map(\.decision) == [.placed(Self.at("2019-10-16")), .placed(Self.at("2019-10-23"))])
        #expect(try #require(result.event(EventID(cluster: "c", number: 2))).explanation.lines.last
            == "выбран ср 23.10.2019 — предпочтительный день недели, 2 дн. позже намеченного 21.10.2019, "
            + "интервал 7 дней после c/1 — меньше минимального (14): в окне нет дня с нужным интервалом")
    }

    @Test func eventsSharingAWindowSpreadThroughIt() {
        let window = EventTiming.window(from: day("2019-09-02"), to: day("2019-12-20"))
        let events = (1...4).map { Self.event("c", $0, window) }
        let result = schedule(ScheduleRequest(district: Self.district(events)))
        #expect(result.events.map(\.decision) == [
            .placed(Self.at("2019-09-17")), .placed(Self.at("2019-10-15")),
            .placed(Self.at("2019-11-07")), .placed(Self.at("2019-12-05")),
        ])
    }

    @Test(arguments: [(VacationPolicy.avoid, "2019-10-16"), (.prefer, "2019-10-29"), (.forbid, "2019-10-16")])
    func vacationPolicyWeighsVacationDays(policy: VacationPolicy, expected: String) {
        let district = Self.district([Self.event("c", 1, .month(YearMonth(year: 2019, month: 10)!))], policy: policy)
        #expect(schedule(ScheduleRequest(district: district)).events.map(\.decision) == [.placed(Self.at(expected))])
    }

    @Test func onlyClusterLeavesOtherClustersWhereTheyAre() {
        let october = EventTiming.month(YearMonth(year: 2019, month: 10)!)
        let district = Self.district([Self.event("a", 1, october), Self.event("b", 1, october)])
        let other = EventID(cluster: "a", number: 1)
        let result = schedule(ScheduleRequest(district: district, previous: [other: Self.at("2019-10-16")], onlyCluster: "b"))
        #expect(result.events.map(\.id) == [EventID(cluster: "b", number: 1)])
        #expect(result.events.map(\.decision) == [.placed(Self.at("2019-10-15"))])
    }

    @Test func fixedEventsStayAndStillOccupyTheirDay() {
        let october = EventTiming.month(YearMonth(year: 2019, month: 10)!)
        let district = Self.district([Self.event("a", 1, october), Self.event("b", 1, october)])
        let held = EventID(cluster: "a", number: 1)
        let result = schedule(ScheduleRequest(district: district, previous: [held: Self.at("2019-10-16")], fixed: [held]))
        #expect(result.events.map(\.decision) == [.fixed(Self.at("2019-10-16")), .placed(Self.at("2019-10-15"))])
        #expect(result.isFeasible)
    }

    @Test func aChangedStartTimeKeepsTheDayButCountsAsAMove() {
        var e = Self.event("c", 1, .month(YearMonth(year: 2019, month: 10)!))
        e.start = TimeOfDay(hour: 16, minute: 30)
        let id = e.id
        let result = schedule(ScheduleRequest(district: Self.district([e]), previous: [id: Self.at("2019-10-16")]))
        #expect(result.events.map(\.decision) == [
            .moved(from: Self.at("2019-10-16"), to: Placement(date: day("2019-10-16"), start: TimeOfDay(hour: 16, minute: 30)!)),
        ])
    }

    @Test func aBusyIntervalBlocksOnlyOverlappingTimes() {
        let october = EventTiming.month(YearMonth(year: 2019, month: 10)!)
        let morning = BusyInterval(school: "344", startDay: day("2019-10-16"), startMinute: 9 * 60, endDay: day("2019-10-16"),
                                   endMinute: 12 * 60, source: "busy/344.ics")
        let afternoon = BusyInterval(school: "344", startDay: day("2019-10-16"), startMinute: 16 * 60, endDay: day("2019-10-16"),
                                     endMinute: 17 * 60, source: "busy/344.ics")
        let free = schedule(ScheduleRequest(district: Self.district([Self.event("c", 1, october)], intervals: [morning])))
        let busy = schedule(ScheduleRequest(district: Self.district([Self.event("c", 1, october)], intervals: [afternoon])))
        #expect(free.events.map(\.decision) == [.placed(Self.at("2019-10-16"))])
        #expect(busy.events.map(\.decision) == [.placed(Self.at("2019-10-15"))])
    }
}
