import Planning
import PlanFiles
import TestSupport
import Testing

/// The transcribed seeds load without errors and say exactly what the source documents say.
@Suite struct SeedPlanTests {
    let district: District

    init() throws {
        district = try PlanLoader.load(paths: [Fixtures.plansDirectory.path])
    }

    @Test func nevskyClusterMatchesSeed003() throws {
        let cluster = try #require(district.cluster("nevsky-exact"))
        #expect(cluster.lead == "344")
        #expect(cluster.members == ["344", "498", "329", "572", "331", "512", "625"])
        let plan = try #require(cluster.plan)
        #expect(plan.years.map(\.description) == ["2019/2020", "2020/2021"])
        #expect(plan.tasks.map(\.id) == ["T1", "T2", "T3", "T4"])
        #expect(plan.directions.map(\.title) == ["Исследовательское", "Научно-методическое", "Проектное"])
        #expect(plan.events.map(\.number) == [1, 2, 3, 4, 6, 7, 8, 9])
        #expect(plan.events.map(\.host) == ["344", "344", "498", "344", "344", "344", "498", "344"])
        #expect(plan.events.map(\.format) == [.conference, .seminar, .seminar, .roundTable, .conference,
                                              .workingMeeting, .roundTable, .conference])
        #expect(plan.events.map(\.timing) == ["2019-10", "2019-12", "2020-02", "2020-04", "2020-10", "2020-12",
                                              "2021-02", "2021-04"].map { .month(YearMonth(iso: $0)!) })
        #expect(plan.events[2].title == "Подходы к разработке инструментария по оценке метапредметных результатов обучения")
        // No participants were written: every member takes part.
        #expect(plan.events.allSatisfy { $0.participants == cluster.members })
    }

    @Test func kirovClustersMatchSeed001() {
        let sizes = ["kirov-1", "kirov-2", "kirov-3", "kirov-4"].map { district.cluster($0)?.members.count }
        #expect(sizes == [12, 9, 5, 17])
        #expect(district.cluster("kirov-2")?.members.first == "int-2")
        #expect(district.school("221")?.contingent == .complex)
        #expect(district.school("389")?.contingent == .favourable)
    }

    @Test func kirovCourseHas25ListenersFrom9Schools() throws {
        let course = try #require(district.courses.first { $0.id == "kirov-vsoko" })
        let year = try #require(AcademicYear("2019/2020"))
        #expect(course.listeners(in: year) == 25)
        #expect(course.schools(in: year).count == 9)
        #expect(course.enrolments(in: year).reduce(0) { $0 + $1.teams } == 9)
        #expect(course.targets == [.init(year: year.next, listeners: 36, schools: 12, cluster: "kirov-1")])
    }

    @Test func millerovoNetworkHasThirteenGrowthPointSchools() throws {
        let network = try #require(district.cluster("millerovo-tochka-rosta"))
        #expect(network.members.count == 13)
        #expect(Set(network.plan?.events.map(\.format) ?? []) == [.masterClass, .openLesson, .consultation])
    }

    @Test func saintPetersburgCalendarKnowsVacationsAndHolidays() throws {
        let calendar = district.calendar
        func day(_ s: String) throws -> LocalDate { try #require(LocalDate(iso: s)) }
        #expect(calendar.vacation(on: try day("2019-10-30"))?.title == "Осенние каникулы")
        #expect(calendar.vacation(on: try day("2019-11-05")) == nil)
        #expect(calendar.dayOff(try day("2019-11-04")) == .publicHoliday("День народного единства"))
        #expect(calendar.dayOff(try day("2020-02-24")) == .transferredDayOff)
        #expect(calendar.dayOff(try day("2021-02-20")) == nil, "Saturday made a working day by the 2021 transfer")
        #expect(calendar.dayOff(try day("2019-10-19")) == .weekend)
        #expect(calendar.isWorkingDay(try day("2019-10-17")))
        #expect(calendar.preferences.preferredWeekdays == [.tue, .wed, .thu])
        #expect(calendar.preferences.minimumGapDays == 14)
    }
}
