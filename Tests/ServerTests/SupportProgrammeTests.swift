import Clustering
import Foundation
import HummingbirdTesting
import Operations
import Planning
import Server
import Store
import TestSupport
import Testing

/// Issue 17 on seed 001's Kirov data: results stored, a 2x2 grouping as a record, a road map
/// whose events reach the support site's feed, and the next year's movers.
@Suite struct SupportProgrammeTests {
    static let methodist = Author(login: "metod", source: .cli)
    static let now: Int64 = 1_700_001_000
    static var kirovFile: String { Fixtures.url("clustering/kirov-2019.csv").path }

    /// The Kirov results a year later: 221 (cluster 1) rises to high results, 249 (cluster 2) falls to low ones.
    static func secondYear() throws -> String {
        let text = try String(contentsOfFile: kirovFile, encoding: .utf8)
        return text.split(separator: "\n").enumerated().map { index, line in
            guard index > 0 else { return String(line) }
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[6] = "2020/2021"
            if fields[0] == "221" { fields[8] = "13.5" }
            if fields[0] == "249" { fields[8] = "9.5" }
            return fields.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }

    static func grouped(_ site: TestSite) async throws -> SupportGrouping {
        _ = try await SupportProgrammes.importResults(file: kirovFile, in: site.database)
        return try await SupportProgrammes.runGrouping(GroupingSettings(method: .twoByTwo, year: AcademicYear(startYear: 2019)),
                                                       by: methodist, in: site.database, now: now)
    }

    @Test func reimportingTheSameResultsChangesNothingAndABadFileNothingAtAll() async throws {
        let site = try await TestSite()
        let first = try await SupportProgrammes.importResults(file: Self.kirovFile, in: site.database)
        #expect(first == ResultsImportSummary(added: 86, changed: 0, unchanged: 0))
        let revision = try await site.database.revision()
        let again = try await SupportProgrammes.importResults(file: Self.kirovFile, in: site.database)
        #expect(again == ResultsImportSummary(added: 0, changed: 0, unchanged: 86))
        #expect(try await site.database.revision() == revision)
        await #expect(throws: Failure.self) {
            _ = try await SupportProgrammes.importResults(file: Fixtures.url("clustering/bad-rows.csv").path, in: site.database)
        }
        #expect(try await site.database.results().count == 86)
        let both = try await SupportProgrammes.importResults(csv: try Self.secondYear(), name: "kirov-2020.csv", in: site.database)
        #expect(both == ResultsImportSummary(added: 86, changed: 0, unchanged: 0))
    }

    @Test func aStored2x2GroupingReproducesTheKirovClustersAndPairsWithinCapacity() async throws {
        let site = try await TestSite()
        let run = try await Self.grouped(site)
        let grouping = try #require(try await site.database.grouping(run.id))
        #expect(grouping == run)
        #expect([Group.complexLow, .complexHigh, .favourableLow, .favourableHigh].map { grouping.members(of: $0).count } == [12, 9, 5, 17])
        #expect(grouping.members(of: .complexLow).map(\.school)
            == ["221", "240", "250", "251", "264", "277", "283", "377", "381", "501", "538", "608"])
        let sites = Set(grouping.members(of: .complexHigh).map(\.school))
        for mentee in grouping.members(of: .complexLow) {
            #expect(sites.contains(mentee.site ?? ""), "\(mentee.school)")
            #expect(mentee.reason?.hasPrefix("тот же контингент, ближайшие маркеры") == true)
        }
        #expect(grouping.pairs.allSatisfy { $0.mentees.count <= 3 })
        #expect(grouping.unpaired.isEmpty)
        #expect(grouping.summary == "Группировка № 1 (2x2, 2019/2020, все предметы): кластер 1 — 12, кластер 2 — 9, кластер 3 — 5, "
            + "кластер 4 — 17; пар 17, без пары 0.")
    }

    @Test func handAdjustmentsRespectCapacityAndGoToTheAuditLog() async throws {
        let site = try await TestSite()
        let grouping = try await Self.grouped(site)
        let full = try #require(grouping.pairs.first { $0.mentees.count == 3 })
        let other = try #require(grouping.members(of: .complexLow).first { $0.site != full.site })
        await #expect(throws: FieldProblems.self) {
            _ = try await SupportProgrammes.changeMentor(of: other.school, to: full.site, in: grouping.id, by: Self.methodist,
                                                         store: site.database, now: Self.now)
        }
        let load = Dictionary(grouping.pairs.map { ($0.site, $0.mentees.count) }, uniquingKeysWith: { a, _ in a })
        let free = try #require(grouping.members(of: .complexHigh).first { (load[$0.school] ?? 0) < 3 && $0.school != other.site })
        let changed = try await SupportProgrammes.changeMentor(of: other.school, to: free.school, in: grouping.id, by: Self.methodist,
                                                               store: site.database, now: Self.now)
        #expect(changed.school(other.school)?.site == free.school)
        let moved = try await SupportProgrammes.move("221", to: "complex-high", in: grouping.id, by: Self.methodist, store: site.database,
                                                     now: Self.now)
        #expect(moved.school("221")?.group == .complexHigh && moved.school("221")?.site == nil)
        #expect(try await site.database.grouping(grouping.id) == moved)
        let audit = try await site.database.auditLog(cluster: "support-2019").map { "\($0.field): \($0.old ?? "-") → \($0.new ?? "-")" }
        #expect(audit.contains("grouping 1: \(other.school) site: \(other.site ?? "-") → \(free.school)"))
        #expect(audit.contains("grouping 1: 221 group: complex-low → complex-high"))
    }

    @Test func aRoadMapWithThreeActionsFor221PutsThreeEventsInTheSupportSiteFeed() async throws {
        let site = try await TestSite()
        let grouping = try await Self.grouped(site)
        let mentor = try #require(grouping.school("221")?.site)
        let start = try await SupportProgrammes.roadMap("221", in: grouping, store: site.database)
        #expect(start.text.contains("Руководителям ОО:"), "the recommendations for cluster 1 are the starting text")
        for (kind, title, from, to) in [("consultation", "Консультация по ВСОКО", "2020-10", ""),
                                        ("open-lesson", "Открытый урок математики", "2020-11", ""),
                                        ("master-class", "Мастер-класс по формирующему оцениванию", "2020-12", "2021-01")] {
            _ = try await SupportProgrammes.addAction(SupportActionFields(level: "teacher", kind: kind, title: title, responsible: mentor,
                                                                          from: from, to: to),
                                                      school: "221", in: grouping, by: Self.methodist, store: site.database, now: Self.now)
        }
        _ = try await SupportProgrammes.addAction(SupportActionFields(level: "school", kind: "mentoring", title: "Наставник ОО", responsible: mentor,
                                                                      from: "2020-09", to: "2021-05"),
                                                  school: "221", in: grouping, by: Self.methodist, store: site.database, now: Self.now)
        let map = try #require(try await site.database.roadMaps(grouping: grouping.id).first)
        #expect(map.actions.map(\.event) == [1, 2, 3, nil])
        let cluster = try #require(try await site.snapshot().district.cluster("support-2019"))
        #expect(cluster.members == [mentor, "221"])
        _ = try await SchedulePreview.publish(cluster: "support-2019", by: Self.methodist, in: site.database, now: Self.now + 10,
                                              today: LocalDate(year: 2020, month: 9, day: 1)!)
        let events = try await site.snapshot().events(inCluster: "support-2019")
        #expect(events.map(\.state.status) == [.scheduled, .scheduled, .scheduled])
        #expect(events.allSatisfy { $0.event.host == mentor && $0.event.participants == [mentor, "221"] })
        try await site.app.test(.router) { client in
            let feed = try await client.execute(uri: "/feeds/schools/\(mentor).ics", method: .get).text
                .replacingOccurrences(of: "\r\n ", with: "")
            let support = feed.components(separatedBy: "BEGIN:VEVENT").dropFirst().filter { $0.contains("/events/support-2019/") }
            let summaries = support.compactMap { block in
                block.split(separator: "\r\n").first { $0.hasPrefix("SUMMARY:") }.map { String($0.dropFirst("SUMMARY:".count)) }
            }
            // The feed's SUMMARY starts with the format, as for every event.
            #expect(summaries == ["Консультация: Консультация по ВСОКО", "Открытый урок: Открытый урок математики",
                                  "Мастер-класс: Мастер-класс по формирующему оцениванию"])
            #expect(support.allSatisfy { $0.contains("STATUS:CONFIRMED") })
        }
    }

    @Test func theNextYearShowsExactlyWhoMovedUpAndWhoFellBack() async throws {
        let site = try await TestSite()
        let grouping = try await Self.grouped(site)
        _ = try await SupportProgrammes.importResults(csv: try Self.secondYear(), name: "kirov-2020.csv", in: site.database)
        let monitoring = try await SupportProgrammes.monitoring(grouping, in: site.database)
        #expect(monitoring.movedUp.map(\.line) == ["221: кластер 1 → кластер 2"])
        #expect(monitoring.fellBack.map(\.line) == ["249: кластер 2 → кластер 1"])
        #expect(monitoring.table?.count(from: .complexLow, to: .complexLow) == 11)
        #expect(monitoring.table?.count(from: .favourableHigh, to: .favourableHigh) == 17)
        let site221 = try #require(grouping.school("221")?.site)
        #expect(monitoring.sites.first { $0.site == site221 }?.up == 1)
        let section = SupportProgrammes.reportSection(grouping, monitoring)
        #expect(section.groups.map(\.schools) == [12, 9, 5, 17])
        #expect(section.pairs.map(\.mentees.count).reduce(0, +) == 17)
        let report = String(decoding: try await SupportProgrammes.report(grouping, in: site.database, format: .md,
                                                                          today: LocalDate(year: 2021, month: 6, day: 30)!), as: UTF8.self)
        #expect(report.contains("## Адресная поддержка"))
        #expect(report.contains("По результатам 2020/2021 поднялись: 221: кластер 1 → кластер 2."))
        #expect(report.contains("Опустились: 249: кластер 2 → кластер 1."))
    }
}
