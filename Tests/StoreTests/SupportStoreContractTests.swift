import Clustering
import Foundation
import Planning
import Store
import TestSupport
import Testing

/// The support-programme part of the store contract (results, groupings, road maps), over every
/// store factory, on seed 001's Kirov results.
@Suite struct SupportStoreContractTests {
    let rows: [ResultRow]
    let settings = GroupingSettings(method: .twoByTwo, year: AcademicYear(startYear: 2019))

    init() throws {
        let file = Fixtures.url("clustering/kirov-2019.csv").path
        rows = try parseResults(csv: try String(contentsOfFile: file, encoding: .utf8), file: file)
    }

    /// What the store gives back: rows without their source line.
    var stored: [ResultRow] { rows.map { var row = $0; row.line = 0; return row } }

    @Test(arguments: StoreFactory.all) func resultsAreAddedChangedOrLeftAsTheyWere(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        #expect(try await db.importResults(rows) == ResultsImportSummary(added: 86, changed: 0, unchanged: 0))
        #expect(try await db.results() == stored)
        var changed = rows
        changed[3].score = .mean(changed[3].score.value + 1, standardDeviation: nil)
        changed[3].students += 1
        #expect(try await db.importResults(changed) == ResultsImportSummary(added: 0, changed: 1, unchanged: 85))
        let back = try await db.results()
        #expect(back.count == 86)
        #expect(back[3].students == rows[3].students + 1)
        #expect(back[3].score == .mean(rows[3].score.value + 1, standardDeviation: nil))
        #expect(Array(back[4...]) == Array(stored[4...]))
    }

    @Test(arguments: StoreFactory.all) func groupingsComeBackNewestFirstAndAsAdjusted(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        _ = try await db.importResults(rows)
        let run = SupportGrouping(running: settings, on: try await db.results(), at: 1_700_000_000, by: "metod")
        let first = try await db.addGrouping(run, audit: [])
        let second = try await db.addGrouping(run, audit: [])
        #expect(first != second)
        let both = try await db.groupings()
        #expect(both.map(\.id) == [second, first])
        var expected = run
        expected.id = first
        #expect(both.last == expected)
        #expect(both.last?.schools.count == 43)

        // A hand adjustment: one supported school moves to another support site.
        let mentee = try #require(expected.schools.firstIndex { $0.site != nil })
        let other = try #require(expected.schools.first { $0.group == .complexHigh && $0.school != expected.schools[mentee].site })
        expected.schools[mentee].site = other.school
        expected.schools[mentee].reason = "вручную"
        try await db.updateGrouping(expected, audit: [])
        #expect(try await db.groupings().last == expected)
        #expect(try await db.groupings().first?.schools == run.schools)
    }

    @Test(arguments: StoreFactory.all) func aRoadMapIsReplacedWholeWithItsActions(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        _ = try await db.importResults(rows)
        let run = SupportGrouping(running: settings, on: try await db.results(), at: 1_700_000_000, by: "metod")
        let id = try await db.addGrouping(run, audit: [])
        let schools = run.schools.filter { $0.site != nil }.map(\.school)
        let september = try #require(YearMonth(year: 2019, month: 9)), december = try #require(YearMonth(year: 2019, month: 12))
        let action = SupportAction(number: 1, level: .teacher, kind: .openLesson, title: "Открытый урок", responsible: schools[0],
                                   from: september, to: december)
        let map = RoadMap(grouping: id, school: schools[1], text: "Учителям: — консультации", actions: [action])
        try await db.saveRoadMap(map, audit: [])
        try await db.saveRoadMap(RoadMap(grouping: id, school: schools[0], text: "первая"), audit: [])
        #expect(try await db.roadMaps(grouping: id).sorted { $0.school < $1.school }
            == [RoadMap(grouping: id, school: schools[0], text: "первая"), map].sorted { $0.school < $1.school })

        var again = map
        again.text = "Учителям: — консультации и открытые уроки"
        again.actions = [SupportAction(number: 2, level: .school, kind: .consultation, title: "Консультация", responsible: schools[0],
                                       from: december, to: december, event: 7)]
        try await db.saveRoadMap(again, audit: [])
        #expect(try await db.roadMaps(grouping: id).first { $0.school == schools[1] } == again)
        #expect(try await db.roadMaps(grouping: id).count == 2)
    }
}
