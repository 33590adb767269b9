import Foundation
import Planning
import PlanFiles
import TestSupport
import Testing

/// Snapshots of the seed plans in `plans/` with the outcomes a test needs recorded on top.
enum Seeds {
    static let y2019 = AcademicYear(startYear: 2019)
    static let y2020 = AcademicYear(startYear: 2020)

    static func date(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
    static func month(_ iso: String) -> YearMonth { YearMonth(iso: iso)! }

    static func plan(_ directory: String) throws -> District {
        try PlanLoader.load(paths: [Fixtures.plansDirectory.appendingPathComponent(directory).path])
    }

    /// Seed 003 (`plans/nevsky`) with the outcomes of `Fixtures/reports/nevsky-outcomes.tsv`, three
    /// indicators added to the plan's (participants 100, schools reached 7, a share of 75.5 %) and
    /// recorded values for `model` and `share-passed` (2019/2020) and `report` (2020/2021).
    /// `rename` may change a school's name (id, name -> name).
    static func nevskySnapshot(rename: (String, String) -> String = { $1 }) throws -> DistrictSnapshot {
        var district = try plan("nevsky")
        for i in district.schools.indices { district.schools[i].name = rename(district.schools[i].id, district.schools[i].name) }
        let c = try #require(district.clusters.firstIndex { $0.id == "nevsky-exact" })
        district.clusters[c].plan?.indicators += [
            Indicator(id: "participants", title: "Участников мероприятий", target: 100, unit: "чел."),
            Indicator(id: "schools-reached", title: "Школ охвачено", target: 7),
            Indicator(id: "share-passed", title: "Доля справившихся с ВПР", target: 75.5, unit: "%"),
        ]

        let text = try String(contentsOf: Fixtures.url("reports/nevsky-outcomes.tsv"), encoding: .utf8)
        var states: [EventID: EventState] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let status = try #require(EventStatus(rawValue: f[1]))
            let day = LocalDate(iso: f[2])
            let outcome = Outcome(
                heldOn: status == .held ? day : nil, participants: Int(f[3]),
                schools: f[4].split(separator: ";").map(String.init),
                note: status == .cancelled || f[5].isEmpty ? nil : f[5],
                cancellationReason: status == .cancelled ? f[5] : nil)
            states[try #require(EventID(f[0]))] = EventState(date: day, lastModified: 0, status: status, outcome: outcome)
        }
        return DistrictSnapshot(
            district: district,
            events: district.events.map { EventSnapshot(event: $0, state: states[$0.id] ?? EventState(lastModified: 0)) },
            indicatorValues: [
                IndicatorValue(cluster: "nevsky-exact", indicator: "model", year: y2019, value: 1),
                IndicatorValue(cluster: "nevsky-exact", indicator: "share-passed", year: y2019, value: 71.25),
                IndicatorValue(cluster: "nevsky-exact", indicator: "report", year: y2020, value: 1),
            ])
    }

    /// Seed 001 (`plans/kirov`): 2019/2020 as in the seed. For 2020/2021 the test records one team
    /// of 3 listeners from each of the first `schools2020` schools of cluster 1, plus a team of 2
    /// from school 282 of cluster 3.
    static func kirovSnapshot(schools2020: Int = 12) throws -> DistrictSnapshot {
        var district = try plan("kirov")
        let cluster1 = try #require(district.cluster("kirov-1")).members
        let course = try #require(district.courses.firstIndex { $0.id == "kirov-vsoko" })
        district.courses[course].enrolments += cluster1.prefix(schools2020).map {
            .init(year: y2020, school: $0, teams: 1, listeners: 3)
        } + [.init(year: y2020, school: "282", teams: 1, listeners: 2)]
        return DistrictSnapshot(district: district, events: [])
    }
}
