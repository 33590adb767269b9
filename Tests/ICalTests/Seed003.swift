import Foundation
import PlanFiles
import Planning
import TestSupport

/// Seed 003 (the Nevsky cluster work plan 2019-2021) as a DistrictSnapshot: the district from
/// `plans/nevsky/`, every event scheduled on an example date at the default start.
///
/// The plan files give no coordinator and no addresses; two example values are added here so
/// the ORGANIZER and the address part of LOCATION are exercised.
enum Seed003 {
    static let districtName = "Невский район Санкт-Петербурга"
    static let clusterID = "nevsky-exact"
    static let address = "Санкт-Петербург, ул. Тестовая, д. 1"
    static let coordinator = Coordinator(name: "Иванова Мария Петровна", email: "coordinator@example.org")
    /// 2019-09-01T09:00:00Z
    static let imported: Int64 = 1_567_328_400
    static let exampleDates = [1: "2019-10-17", 2: "2019-12-12", 3: "2020-02-13", 4: "2020-04-16",
                               6: "2020-10-15", 7: "2020-12-10", 8: "2021-02-11", 9: "2021-04-15"]

    private static let loaded = Result<District, any Error> {
        try PlanLoader.load(paths: [Fixtures.plansDirectory.appendingPathComponent("nevsky").path])
    }

    static func snapshot() throws -> DistrictSnapshot {
        var district = try loaded.get()
        for index in district.clusters.indices where district.clusters[index].id == clusterID {
            district.clusters[index].coordinator = coordinator
        }
        for index in district.schools.indices where district.schools[index].id == "344" {
            district.schools[index].address = address
        }
        let events = district.events.map { event in
            EventSnapshot(event: event, state: EventState(date: exampleDates[event.number].flatMap { LocalDate(iso: $0) },
                                                          lastModified: imported, status: .scheduled))
        }
        return DistrictSnapshot(district: district, events: events)
    }

    static func cluster() throws -> Cluster {
        guard let cluster = try snapshot().district.cluster(clusterID) else { throw Missing.cluster }
        return cluster
    }

    static func event(_ number: Int) throws -> PlannedEvent {
        guard let event = try snapshot().events.first(where: { $0.id.number == number })?.event else { throw Missing.event(number) }
        return event
    }

    enum Missing: Error { case cluster, event(Int) }

    /// The snapshot with one event's state changed.
    static func snapshot(changing number: Int, _ change: (inout EventState) -> Void) throws -> DistrictSnapshot {
        var snapshot = try snapshot()
        if let index = snapshot.events.firstIndex(where: { $0.id.number == number }) {
            change(&snapshot.events[index].state)
        }
        return snapshot
    }

    /// The snapshot with one planned event changed (its title, for instance).
    static func snapshot(editing number: Int, _ change: (inout PlannedEvent) -> Void) throws -> DistrictSnapshot {
        var snapshot = try snapshot()
        if let index = snapshot.events.firstIndex(where: { $0.id.number == number }) {
            change(&snapshot.events[index].event)
        }
        return snapshot
    }
}
