import Foundation
import Planning
import Reports
import Testing
@testable import WordPlans

/// `workplan --format docx` read back by `convert` gives the same plan.
@Suite struct RoundTripTests {
    private func snapshot(_ district: District, scheduled: [Int: String] = [:]) -> DistrictSnapshot {
        DistrictSnapshot(district: district, events: district.events.map { e in
            let day = scheduled[e.number].flatMap { LocalDate(iso: $0) }
            return EventSnapshot(event: e, state: EventState(date: day, lastModified: 0, status: day == nil ? .planned : .scheduled))
        })
    }

    private func readBack(_ docx: Data, schools: [School]) throws -> Cluster {
        let plan = try readWordPlan(docx, options: WordPlanOptions(fileName: "plan.docx", clusterID: "nevsky-exact",
                                                                   knownSchools: schools, district: "Невский район Санкт-Петербурга")).get()
        return try #require(plan.district.clusters.first)
    }

    @Test func seed003WorkPlanConvertsBackToTheSameEightEvents() throws {
        let district = try WordFixtures.nevsky()
        let docx = try renderWorkPlan(snapshot(district, scheduled: [1: "2019-10-16", 6: "2020-10-14"]),
                                      cluster: "nevsky-exact", as: .docx, today: LocalDate(iso: "2019-09-02")!)
        let back = try readBack(docx, schools: district.schools)
        let seed = try #require(district.cluster("nevsky-exact"))
        let events = try #require(back.plan?.events), written = try #require(seed.plan?.events)
        #expect(events.count == 8)
        // The scheduled day beside the month is ignored: the month window comes back.
        #expect(events.map(\.id) == written.map(\.id))
        #expect(events.map(\.timing) == written.map(\.timing))
        #expect(events.map(\.year) == written.map(\.year))
        #expect(events.map(\.host) == written.map(\.host))
        #expect(events.map(\.format) == written.map(\.format))
        #expect(events.map(\.purpose) == written.map(\.purpose))
        // A bare title is printed with its format's word, as the district writes it.
        #expect(events.map(\.title) == written.map { "\($0.format.russian) «\($0.title)»" })
        #expect(back.members == seed.members)
        #expect(back.lead == seed.lead)
        #expect(back.plan?.tasks == seed.plan?.tasks)
        #expect(back.plan?.directions == seed.plan?.directions)
        #expect(back.plan?.goal == seed.plan?.goal)
        #expect(back.plan?.theme == seed.plan?.theme)
        #expect(back.plan?.years == seed.plan?.years)
    }

    @Test func aConvertedPlanSurvivesTheRoundTripExactly() throws {
        let converted = try WordFixtures.convert("variants.docx").get().district
        let docx = try renderWorkPlan(snapshot(converted), cluster: "nevsky-exact", as: .docx, today: LocalDate(iso: "2019-09-02")!)
        let back = try readBack(docx, schools: converted.schools)
        #expect(back == converted.clusters.first)
    }

    @Test func scheduledDateStandsBesideTheMonth() throws {
        let district = try WordFixtures.nevsky()
        let md = try renderWorkPlan(snapshot(district, scheduled: [1: "2019-10-16"]), cluster: "nevsky-exact", as: .md,
                                    today: LocalDate(iso: "2019-09-02")!)
        let text = String(decoding: md, as: UTF8.self)
        #expect(text.contains("| Октябрь 2019, 16.10 | ГБОУ лицей № 344 Невского района |"))
        #expect(text.contains("| Декабрь 2019 | ГБОУ лицей № 344 Невского района |"))
        #expect(text.contains("| **2020-2021 уч. г.** |"))
    }
}
