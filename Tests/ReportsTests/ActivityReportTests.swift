import Planning
import Testing
@testable import Reports

@Suite struct ActivityReportTests {
    let today = Seeds.date("2020-06-30")

    @Test func seed003FirstYearCountsThreeHeldAndOneCancelled() throws {
        let report = try buildReport(Seeds.nevskySnapshot(), year: Seeds.y2019, today: today)
        #expect(report.summary.clusters == 1)
        #expect(report.summary.schools == 7)
        #expect(report.summary.figures == EventFigures(planned: 4, held: 3, cancelled: 1, postponed: 0, open: 0,
                                                       participants: 105, schoolsReached: 7))
        let section = try #require(report.clusters.first)
        #expect(section.events.map(\.id.number) == [1, 2, 3, 4])
        #expect(section.events.map(\.status) == [.held, .held, .cancelled, .held])
        #expect(section.events[0].heldOn == Seeds.date("2019-10-17"))
        #expect(section.events[2].cancellationReason == "Карантин")
        #expect(section.carriedOver.isEmpty)
    }

    @Test func eachTaskListsTheEventsServingItWithTheirStatus() throws {
        let section = try #require(try buildReport(Seeds.nevskySnapshot(), year: Seeds.y2019, today: today).clusters.first)
        let tasks = section.tasks.map { task in "\(task.id): " + task.events.map { "\($0.id.number) \($0.status)" }.joined(separator: ", ") }
        #expect(tasks == ["T1: 1 held, 2 held", "T2: 2 held", "T3: 3 cancelled", "T4: 4 held"])
    }

    // Whole-plan targets: progress in the plan's first year, not judged yet.
    @Test(arguments: [
        // id, actual, derived, met
        ("events-held", 3.0, true, Bool?.none),
        ("participants", 105, true, nil),
        ("schools-reached", 7, true, nil),
        ("model", 1, false, nil),
        ("share-passed", 71.25, false, nil),
    ])
    func indicatorsAreRecordedOrDerivedFromEvents(id: String, actual: Double, derived: Bool, met: Bool?) throws {
        let section = try #require(try buildReport(Seeds.nevskySnapshot(), year: Seeds.y2019, today: today).clusters.first)
        let row = try #require(section.indicators.first { $0.id == id })
        #expect(row.actual == actual)
        #expect(row.derived == derived)
        #expect(row.met == met)
    }

    @Test func recordedValueWinsOverTheDerivedOne() throws {
        var snapshot = try Seeds.nevskySnapshot()
        snapshot.indicatorValues.append(IndicatorValue(cluster: "nevsky-exact", indicator: "events-held", year: Seeds.y2019, value: 8))
        let section = try #require(try buildReport(snapshot, year: Seeds.y2019, today: today).clusters.first)
        let row = try #require(section.indicators.first { $0.id == "events-held" })
        #expect(row.actual == 8)
        #expect(!row.derived)
        #expect(row.scope == .progress)
        #expect(row.met == nil)
    }

    @Test func eventsNeitherHeldNorCancelledMoveToTheNextYear() throws {
        let report = try buildReport(Seeds.nevskySnapshot(), year: Seeds.y2020, today: Seeds.date("2021-06-30"))
        #expect(report.summary.figures == EventFigures(planned: 4, held: 1, cancelled: 0, postponed: 1, open: 2,
                                                       participants: 40, schoolsReached: 7))
        let section = try #require(report.clusters.first)
        #expect(section.carriedOver.map(\.id.number) == [7, 8, 9])
        #expect(section.carriedOver[0].date == Seeds.date("2021-01-21"))
        #expect(section.indicators.first { $0.id == "report" }?.met == true)
        #expect(section.indicators.first { $0.id == "model" }?.actual == nil)
        #expect(section.indicators.first { $0.id == "model" }?.met == nil)
    }

    @Test func monthsRunSeptemberToAugustWithPlannedAndHeld() throws {
        let report = try buildReport(Seeds.nevskySnapshot(), year: Seeds.y2019, today: today)
        #expect(report.eventsPerMonth.count == 12)
        #expect(report.eventsPerMonth.first?.month == Seeds.month("2019-09"))
        #expect(report.eventsPerMonth.last?.month == Seeds.month("2020-08"))
        let busy = report.eventsPerMonth.filter { $0.planned + $0.held > 0 }.map { "\($0.month) \($0.planned)/\($0.held)" }
        #expect(busy == ["2019-10 1/1", "2019-12 1/1", "2020-02 1/0", "2020-04 1/1"])
        #expect(report.participantsByHost.map { "\($0.school.id) \($0.participants)" } == ["344 105"])
    }

    @Test func removedEventsAreNotPartOfThePlan() throws {
        var snapshot = try Seeds.nevskySnapshot()
        snapshot.events[3].state.status = .removed
        let report = try buildReport(snapshot, year: Seeds.y2019, today: today)
        #expect(report.summary.figures.planned == 3)
        #expect(report.summary.figures.held == 2)
    }

    @Test func kirovTrainingCountsTwentyFiveListenersFromNineSchools() throws {
        let report = try buildReport(try Seeds.kirovSnapshot(), year: Seeds.y2019, today: today)
        // Kirov's four clusters have no work plan: left out; the course is reported for its own year.
        #expect(report.summary.clusters == 0)
        #expect(report.clusters.isEmpty)
        #expect(report.summary.trainingListeners == 25)
        #expect(report.summary.trainingSchools == 9)
        let course = try #require(report.courses.first)
        #expect(course.listeners == 25)
        #expect(course.teams == 9)
        #expect(course.schools == 9)
        #expect(course.target == nil)
        let byCluster = Dictionary(grouping: course.enrolments, by: { $0.cluster ?? "" })
            .mapValues { $0.reduce(0) { $0 + $1.listeners } }
        #expect(byCluster == ["kirov-2": 18, "kirov-3": 4, "kirov-4": 3])
    }

    @Test(arguments: [(12, 36, 12, true), (11, 33, 11, false)])
    func kirovTargetCountsOnlyTheTargetClustersSchools(schools: Int, listeners: Int, reached: Int, met: Bool) throws {
        let report = try buildReport(try Seeds.kirovSnapshot(schools2020: schools), year: Seeds.y2020, today: today)
        let course = try #require(report.courses.first)
        #expect(course.listeners == listeners + 2)
        #expect(course.schools == reached + 1)
        let target = try #require(course.target)
        #expect(target.listeners == 36)
        #expect(target.schools == 12)
        #expect(target.cluster == "kirov-1")
        #expect(target.actualListeners == listeners)
        #expect(target.actualSchools == reached)
        #expect(target.met == met)
    }

    @Test func oneClusterReportKeepsOnlyThatClustersTraining() throws {
        let report = try buildReport(try Seeds.kirovSnapshot(), year: Seeds.y2020, cluster: "kirov-1", today: today)
        #expect(report.clusters.isEmpty)
        #expect(report.summary.schools == 12)
        #expect(report.summary.trainingListeners == 36)
        #expect(report.courses.first?.target?.met == true)
        // Cluster 2 has neither a plan nor a course target in 2020/2021: nothing to report.
        #expect(throws: ReportError.nothingInYear(Seeds.y2020)) {
            try buildReport(try Seeds.kirovSnapshot(), year: Seeds.y2020, cluster: "kirov-2", today: today)
        }
    }

    @Test func unknownClusterIsATypedError() {
        #expect(throws: ReportError.unknownCluster("nowhere")) {
            try buildReport(try Seeds.kirovSnapshot(), year: Seeds.y2019, cluster: "nowhere", today: today)
        }
    }
}
