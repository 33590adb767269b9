import Foundation
import HummingbirdTesting
import Planning
import SQLiteStore
import Server
import Site
import Store
import TestSupport
import Testing

/// `events --format json` and `/api/events` are one Codable shape with codes, ISO dates and numbers.
@Suite struct EventJSONTests {
    /// The seed store on disk, with one held, one cancelled and one postponed event.
    func store() async throws -> (SQLiteStore, String) {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("clusterplan.sqlite").path
        let store = try SQLiteStore.open(path: path)
        try await TestSite.populate(store)
        let id = { (n: Int) in EventID(cluster: "nevsky-exact", number: n) }
        try await store.record(.held(on: LocalDate(iso: "2019-10-17")!, participants: 42, schools: ["344", "498"], note: "стартовая",
                                     products: nil), for: id(1), now: TestSite.scheduleTime + 10)
        try await store.record(.cancelled(reason: "карантин"), for: id(4), now: TestSite.scheduleTime + 20)
        try await store.record(.postponed(to: LocalDate(iso: "2020-01-16")!), for: id(2), now: TestSite.scheduleTime + 30)
        return (store, path)
    }

    func decode(_ text: String) throws -> [EventJSON] { try JSONDecoder().decode([EventJSON].self, from: Data(text.utf8)) }

    @Test(arguments: [["--cluster", "nevsky-exact"], ["--school", "498", "--year", "2019/2020"], []])
    func cliJSONIsTheAPIsJSONPageAside(filters: [String]) async throws {
        let (store, path) = try await store()
        let cli = try CommandLineRun.clusterplan(["events", "--format", "json"] + filters, database: path)
        #expect(cli.status == 0, "\(cli.stderr)")
        let query = stride(from: 0, to: filters.count, by: 2).map { pair in
            "\(filters[pair].dropFirst(2))=\(filters[pair + 1].replacingOccurrences(of: "/", with: "-"))"
        }
        let site = try await TestSite(database: store, populated: true)
        try await site.app.test(.router) { client in
            let response = try await client.execute(uri: "/api/events?" + query.joined(separator: "&"), method: .get)
            #expect(response.status == .ok)
            let api = try decode(response.text)
            let fromCLI = try decode(cli.stdout)
            #expect(!api.isEmpty)
            #expect(api.allSatisfy { $0.page == "http://localhost:8080/events/\($0.cluster)/\($0.number)" })
            #expect(fromCLI.map(\.page) == fromCLI.map { "/events/\($0.cluster)/\($0.number)" })
            func pageAside(_ events: [EventJSON]) -> [EventJSON] { events.map { var e = $0; e.page = ""; return e } }
            #expect(pageAside(fromCLI) == pageAside(api))
        }
    }

    @Test func fieldsAreCodesISODatesAndNumbers() async throws {
        let (_, path) = try await store()
        let cli = try CommandLineRun.clusterplan(["events", "--cluster", "nevsky-exact", "--format", "json"], database: path)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [[String: Any]])
        let keys = ["cluster", "date", "durationMinutes", "end", "format", "host", "id", "link", "number", "outcome", "page", "participants",
                    "purpose", "sequence", "start", "status", "timezone", "title", "uid", "window", "year"]
        #expect(objects.allSatisfy { $0.keys.sorted() == keys })
        let events = try decode(cli.stdout)
        let held = try #require(events.first { $0.number == 1 })
        #expect(held.status == "held")
        #expect(held.format == "conference")
        #expect(held.date == "2019-10-17")
        #expect(LocalDate(iso: held.date ?? "") != nil)
        #expect(held.window == EventJSON.Window(from: "2019-10-01", to: "2019-10-31"))
        #expect(held.start == "15:00")
        #expect(held.end == "18:00")
        #expect(held.durationMinutes == 180)
        #expect(held.timezone == "Europe/Moscow")
        #expect(held.uid.hasPrefix("nevsky-exact-1.") && held.uid.hasSuffix("@clusterplan"))
        #expect(held.outcome == EventJSON.OutcomeJSON(status: "held", date: "2019-10-17", participants: 42, schools: ["344", "498"],
                                                     note: "стартовая", products: nil, reason: nil))
        #expect(objects.first?["number"] as? Int == 1)
        #expect((objects.first?["outcome"] as? [String: Any])?["participants"] as? Int == 42)
        #expect(objects.first?["purpose"] != nil, "every key is present, null or not")
        let cancelled = try #require(events.first { $0.number == 4 })
        #expect(cancelled.status == "cancelled")
        #expect(cancelled.outcome?.reason == "карантин")
        let postponed = try #require(events.first { $0.number == 2 })
        #expect(postponed.status == "postponed")
        #expect(postponed.date == "2020-01-16")
        #expect(postponed.outcome?.date == "2020-01-16")
        let planned = try #require(events.first { $0.number == 9 })
        #expect(planned.outcome == nil)
        #expect((objects.last?["outcome"]).map { $0 is NSNull } == true)
    }
}
