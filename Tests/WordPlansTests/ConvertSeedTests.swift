import Foundation
import Planning
import PlanFiles
import TestSupport
import Testing
@testable import WordPlans

/// `Fixtures/word/*.docx` are written by `make_fixtures.py` (python-docx) in seed 003's layout.
enum WordFixtures {
    static func data(_ name: String) throws -> Data { try Data(contentsOf: Fixtures.url("word/\(name)")) }

    static func nevsky() throws -> District {
        try PlanLoader.load(paths: [Fixtures.plansDirectory.appendingPathComponent("nevsky").path])
    }

    static func convert(_ name: String, known: [School]? = nil, id: String = "nevsky-exact") throws -> Result<WordPlan, WordPlanError> {
        let schools = try known ?? nevsky().schools
        return readWordPlan(try data(name), options: WordPlanOptions(
            fileName: name, clusterID: id, knownSchools: schools, district: "Невский район Санкт-Петербурга"))
    }
}

@Suite struct ConvertSeedTests {
    @Test func seed003TableGivesTheEightEventsOfThePlan() throws {
        let plan = try WordFixtures.convert("seed003.docx").get()
        let cluster = try #require(plan.district.clusters.first)
        let events = try #require(cluster.plan?.events)
        #expect(events.map(\.number) == [1, 2, 3, 4, 6, 7, 8, 9])
        #expect(events.map(\.year.description) == ["2019/2020", "2019/2020", "2019/2020", "2019/2020",
                                                   "2020/2021", "2020/2021", "2020/2021", "2020/2021"])
        #expect(events.map { $0.timing.firstDay.yearMonth.description } == [
            "2019-10", "2019-12", "2020-02", "2020-04", "2020-10", "2020-12", "2021-02", "2021-04"])
        #expect(events.allSatisfy { if case .month = $0.timing { true } else { false } })
        #expect(events.map(\.host) == ["344", "344", "498", "344", "344", "344", "498", "344"])
        #expect(events.map(\.format) == [.conference, .seminar, .seminar, .roundTable, .conference, .workingMeeting,
                                         .roundTable, .conference])
        #expect(events[0].title == "Стартовая конференция «Кластерный подход как основа сетевого взаимодействия образовательных организаций в процессе реализации программ точных и естественнонаучных дисциплин»")
        #expect(events[6].title == "Круглый стол «Значение оценочных процедур в формировании метапредметных результатов освоения учебных программ точных и естественнонаучных дисциплин»")
        // The plan file of the same seed keeps the name inside the quotes; the purpose lines as written.
        let seed = try #require(try WordFixtures.nevsky().cluster("nevsky-exact")?.plan?.events)
        for (converted, written) in zip(events, seed) {
            #expect(converted.title.contains("«\(written.title)"))
            #expect(converted.purpose == written.purpose)
        }
        #expect(plan.newSchools.isEmpty)
    }

    @Test func titleBlockGivesThemeMembersGoalTasksAndDirections() throws {
        let plan = try WordFixtures.convert("seed003.docx").get()
        let seed = try #require(try WordFixtures.nevsky().cluster("nevsky-exact"))
        let cluster = try #require(plan.district.clusters.first)
        #expect(cluster.title == seed.title)
        #expect(cluster.lead == "344")
        #expect(cluster.members == seed.members)
        let converted = try #require(cluster.plan), written = try #require(seed.plan)
        #expect(converted.theme == written.theme)
        #expect(converted.goal == written.goal)
        #expect(converted.years == written.years)
        #expect(converted.tasks == written.tasks)
        #expect(converted.directions == written.directions)
    }

    @Test func unknownSchoolsBecomeNewSchoolsWithIdsFromTheirNumbers() throws {
        let plan = try WordFixtures.convert("seed003.docx", known: []).get()
        #expect(plan.newSchools == ["344", "498", "329", "572", "331", "512", "625"])
        let schools = Dictionary(uniqueKeysWithValues: plan.district.schools.map { ($0.id, $0) })
        #expect(schools["344"]?.kind == .lyceum)        // «344», then «344 лицей» in the table
        #expect(schools["344"]?.name == "Лицей № 344")
        #expect(schools["498"]?.name == "ГБОУ гимназия №498")
        #expect(schools["498"]?.kind == .gymnasium)
        #expect(schools["625"]?.name == "ГБОУ СОШ № 625 с углубленным изучением математики")
    }

    @Test func aStoreWithSeveralDistrictsStillGivesTheClustersOwnSchools() throws {
        // Another district's gymnasium No 498 and lyceum No 344: the document's schools are the cluster's.
        let others = [School(id: "kirov-498", name: "ГБОУ гимназия № 498 Кировского района", kind: .gymnasium),
                      School(id: "kirov-344", name: "ГБОУ лицей № 344 Кировского района", kind: .lyceum)]
        let plan = try WordFixtures.convert("seed003.docx", known: try WordFixtures.nevsky().schools + others).get()
        let events = try #require(plan.district.clusters.first?.plan?.events)
        #expect(Set(events.map(\.host)) == ["344", "498"])
        #expect(plan.district.clusters.first?.members.contains("kirov-498") == false)
    }

    @Test func writtenPlanFileValidatesToTheSameCluster() throws {
        let plan = try WordFixtures.convert("seed003.docx", known: []).get()
        let yaml = try PlanWriter.yaml(plan.district)
        let loaded = try PlanLoader.load(text: yaml)
        var expected = try #require(plan.district.clusters.first)
        expected.district = "Невский район Санкт-Петербурга"
        #expect(loaded.clusters.first == expected)
        #expect(loaded.schools.map(\.id).sorted() == plan.district.schools.map(\.id).sorted())
    }
}
