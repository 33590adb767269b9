import Foundation
import TestSupport
import Testing

/// `clusterplan next-cycle`: a cluster's plan copied two years on, as a new cluster.
@Suite struct NextCycleCommandTests {
    @Test func theNextCycleIsANewClusterWithNothingScheduled() throws {
        let cli = try CommandLineStore()
        #expect(try cli.run("import", "plans").status == 0)
        let made = try cli.run("next-cycle", "nevsky-exact", "--id", "nevsky-exact-2021")
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout == "Создан кластер nevsky-exact-2021 на 2021/2022, 2022/2023: 8 мероприятий, даты не назначены.\n")
        let events = try cli.run("events", "--cluster", "nevsky-exact-2021", "--format", "json")
        struct Item: Decodable { var number: Int; var year: String; var date: String?; var status: String }
        let items = try JSONDecoder().decode([Item].self, from: Data(events.stdout.utf8))
        #expect(items.map(\.number) == Array(1...8), "renumbered: seed 003 has no event 5")
        #expect(items.allSatisfy { $0.date == nil && $0.status == "planned" })
        #expect(items.first?.year == "2021/2022" && items.last?.year == "2022/2023")

        let again = try cli.run("next-cycle", "nevsky-exact", "--id", "nevsky-exact-2021")
        #expect(again.status == 1 && again.stderr == "ошибка: кластер «nevsky-exact-2021» уже есть\n")
        let unknown = try cli.run("next-cycle", "nevsky-exakt", "--id", "x")
        #expect(unknown.status == 1 && unknown.stderr.contains("nevsky-exact"), "did you mean")
    }
}
