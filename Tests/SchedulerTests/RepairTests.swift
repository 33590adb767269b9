import Planning
import PlanFiles
import Scheduler
import TestSupport
import Testing

/// The search beyond the greedy pass, on `Tests/Fixtures/schedule/repair/plan.yaml`: b/1 has one
/// free day (Wed 16.10.2019) and the greedy pass gives it to a/1 first.
@Suite struct RepairTests {
    static let a = EventID(cluster: "a", number: 1), b = EventID(cluster: "b", number: 1)

    static func at(_ date: String) -> Placement { Placement(date: day(date), start: TimeOfDay(hour: 15, minute: 0)!) }

    static func district() throws -> District {
        try PlanLoader.load(paths: [Fixtures.url("schedule/repair/plan.yaml").path])
    }

    @Test func anUnpublishedEventMovesToMakeRoom() throws {
        let result = schedule(ScheduleRequest(district: try Self.district()))
        #expect(result.leftByGreedy == 1)
        #expect(result.completeness == .complete)
        #expect(result.events.map(\.decision) == [.placed(Self.at("2019-10-15")), .placed(Self.at("2019-10-16"))])
        #expect(HardRules(try Self.district(), result).violations == [])
    }

    @Test func aPublishedDateMovesOnlyWhenNothingElseWorksAndSaysWhy() throws {
        var district = try Self.district()
        // c/1 is published on the same day in other schools: it has no reason to move.
        district.schools.append(School(id: "4", name: "Школа № 4"))
        district.clusters.append(Cluster(id: "c", title: "Кластер В", lead: "4", members: ["4"], plan: WorkPlan(
            years: [AcademicYear(startYear: 2019)], goal: "—",
            events: [PlannedEvent(id: EventID(cluster: "c", number: 1), year: AcademicYear(startYear: 2019), format: .seminar,
                                  title: "Семинар", timing: .window(from: day("2019-10-14"), to: day("2019-10-18")),
                                  host: "4", participants: ["4"])])))
        let c = EventID(cluster: "c", number: 1)
        let result = schedule(ScheduleRequest(district: district, previous: [Self.a: Self.at("2019-10-16"), c: Self.at("2019-10-16")]))
        #expect(result.completeness == .complete)
        #expect(result.events.map(\.decision) == [
            .moved(from: Self.at("2019-10-16"), to: Self.at("2019-10-15")), .placed(Self.at("2019-10-16")), .kept(Self.at("2019-10-16")),
        ])
        #expect(try #require(result.event(Self.a)).explanation.lines.first
            == "прежняя дата ср 16.10.2019 больше не подходит: без переноса нельзя назначить b/1")
        #expect(HardRules(district, result).violations == [])
    }

    @Test func withoutBudgetTheRepairIsUndecided() throws {
        let result = schedule(ScheduleRequest(district: try Self.district(), searchSteps: 0))
        #expect(result.completeness == .undecided)
        #expect(result.conflicts.isEmpty)
        #expect(result.events.map(\.decision) == [.placed(Self.at("2019-10-16")), .unplaced])
    }

    @Test func twoEventsNeedingTheOneFreeDayAreAMinimalConflictSet() throws {
        var district = try Self.district()
        // a/1 now also needs school 3, whose only free day b/1 needs too.
        district.clusters[0].members.append("3")
        district.clusters[0].plan?.events[0].participants = ["1", "2", "3"]
        let result = schedule(ScheduleRequest(district: district))
        #expect(result.completeness == .impossible)
        #expect(result.conflicts.map(\.items) == [[.event(Self.a), .event(Self.b), .busyPeriod(index: 0), .busyPeriod(index: 1)]])
        #expect(result.conflicts.first?.lines == [
            "нельзя назначить все мероприятия: эти условия вместе не оставляют расписания, а без любого одного из них оно есть:",
            "  - мероприятие a/1: окно 14.10.2019–18.10.2019, школы 1, 2, 3",
            "  - мероприятие b/1: окно 14.10.2019–18.10.2019, школы 3, 2",
            "  - школа 3 занята: ВПР, 14.10.2019–15.10.2019",
            "  - школа 3 занята: ВПР, 17.10.2019–18.10.2019",
            "a/1: школа 3 занята во все рабочие дни окна 14.10.2019–18.10.2019, кроме 16.10.2019, который нужен и мероприятию b/1",
            "b/1: школа 3 занята во все рабочие дни окна 14.10.2019–18.10.2019, кроме 16.10.2019, который нужен и мероприятию a/1",
            "что можно сделать: снять любое одно из условий — сократить занятость, расширить окно мероприятия, "
                + "перенести закреплённое мероприятие или убрать мероприятие из плана",
        ])
    }

    @Test func aPastPublishedDateNeverMoves() throws {
        var district = try Self.district()
        district.calendar.busy.append(BusyPeriod(school: "1", from: day("2019-10-16"), to: day("2019-10-16"), reason: "ремонт"))
        let request = ScheduleRequest(district: district, previous: [Self.a: Self.at("2019-10-16")], today: day("2019-10-17"))
        let result = schedule(request)
        #expect(result.event(Self.a)?.decision == .fixed(Self.at("2019-10-16")))
        #expect(result.event(Self.b)?.decision == .unplaced)
        #expect(result.completeness == .impossible)
    }

    @Test func withOnlyClusterOtherClustersPublishedDatesStay() throws {
        let result = schedule(ScheduleRequest(district: try Self.district(), previous: [Self.a: Self.at("2019-10-16")], onlyCluster: "b"))
        #expect(result.events.map(\.id) == [Self.b])
        #expect(result.events.map(\.decision) == [.unplaced])
        #expect(result.completeness == .impossible)
        #expect(result.conflicts.map(\.items) == [[.event(Self.a), .event(Self.b), .busyPeriod(index: 0), .busyPeriod(index: 1)]])
        #expect(result.conflicts.first?.lines[1] == "  - мероприятие a/1 не переносится (ср 16.10.2019), школы 1, 2")
    }
}
