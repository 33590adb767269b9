import Planning
import PlanFiles
import TestSupport

/// Seed 003, the Nevsky cluster's 2019-2021 plan, as `plans/nevsky` describes it.
enum Seed003 {
    static let cluster = "nevsky-exact"

    static func id(_ n: Int) -> EventID { EventID(cluster: cluster, number: n) }

    static func district(busy: [BusyPeriod] = []) throws -> District {
        var district = try PlanLoader.load(paths: [Fixtures.plansDirectory.appendingPathComponent("nevsky").path])
        district.calendar.busy += busy
        return district
    }
}

func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }
