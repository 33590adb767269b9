import Planning
import Scheduler
import Testing

@Suite struct Seed003Tests {
    static let expected: [(Int, String)] = [
        (1, "2019-10-16"), (2, "2019-12-17"), (3, "2020-02-13"), (4, "2020-04-16"),
        (6, "2020-10-15"), (7, "2020-12-16"), (8, "2021-02-16"), (9, "2021-04-15"),
    ]

    @Test func everyEventGetsAWorkingDayInItsMonthInNumberOrderWithTheGap() throws {
        let district = try Seed003.district()
        let result = schedule(ScheduleRequest(district: district))
        #expect(result.isFeasible)
        #expect(result.orderWarnings.isEmpty)
        #expect(result.events.map(\.id) == Self.expected.map { Seed003.id($0.0) })
        for (n, date) in Self.expected {
            let s = try #require(result.event(Seed003.id(n)))
            #expect(s.decision == .placed(Placement(date: day(date), start: TimeOfDay(hour: 15, minute: 0)!)))
        }
        #expect(HardRules(district, result).violations == [])
        let dates = result.events.compactMap { $0.decision.placement?.date }
        for (a, b) in zip(dates, dates.dropFirst()) { #expect(a.days(until: b) >= 14) }
    }

    @Test func repeatedRunsGiveTheSameResult() throws {
        let request = ScheduleRequest(district: try Seed003.district())
        #expect(schedule(request) == schedule(request))
    }

    @Test func rerunningWithPublishedDatesKeepsThemAll() throws {
        let district = try Seed003.district()
        let first = schedule(ScheduleRequest(district: district))
        let second = schedule(ScheduleRequest(district: district, previous: first.placements))
        #expect(second.events.map(\.decision) == first.events.map { .kept($0.decision.placement!) })
    }

    @Test func aChangedBusyPeriodMovesOnlyTheAffectedEvent() throws {
        let first = schedule(ScheduleRequest(district: try Seed003.district()))
        let busy = BusyPeriod(school: "498", from: day("2020-02-10"), to: day("2020-02-14"), reason: "ВПР")
        let second = schedule(ScheduleRequest(district: try Seed003.district(busy: [busy]), previous: first.placements))
        let three = Seed003.id(3)
        for s in second.events where s.id != three {
            #expect(s.decision == .kept(first.placements[s.id]!))
        }
        let moved = try #require(second.event(three))
        #expect(moved.decision == .moved(from: Placement(date: day("2020-02-13"), start: TimeOfDay(hour: 15, minute: 0)!),
                                         to: Placement(date: day("2020-02-18"), start: TimeOfDay(hour: 15, minute: 0)!)))
        #expect(moved.explanation.lines == [
            "прежняя дата чт 13.02.2020 больше не подходит: школа 498 занята (ВПР, 10.02.2020–14.02.2020)",
            "февраль 2020: 19 рабочих дней, 5 — школа 498 занята (ВПР, 10.02.2020–14.02.2020)",
            "выбран вт 18.02.2020 — предпочтительный день недели, 3 дн. позже намеченного 15.02.2020, интервал 63 дня после nevsky-exact/2",
        ])
    }

    @Test func explainSaysWhyTheDayWasChosen() throws {
        let result = schedule(ScheduleRequest(district: try Seed003.district()))
        let first = try #require(result.event(Seed003.id(1)))
        #expect(first.explanation.lines == [
            "октябрь 2019: 23 рабочих дня, 4 — каникулы (Осенние каникулы)",
            "выбран ср 16.10.2019 — предпочтительный день недели, равномерно по окну",
        ])
        let second = try #require(result.event(Seed003.id(2)))
        #expect(second.explanation.lines == [
            "декабрь 2019: 22 рабочих дня, 2 — каникулы (Зимние каникулы)",
            "выбран вт 17.12.2019 — предпочтительный день недели, 1 дн. позже намеченного 16.12.2019, интервал 62 дня после nevsky-exact/1",
        ])
    }
}
