import Foundation
import Hummingbird
import HummingbirdTesting
import PlanFiles
import Planning
import Server
import SQLiteStore
import Store
import TestSupport
import Testing

/// Issue 14, item 10: a cluster may keep its coordinator's contact and its outcome notes off the public site.
@Suite struct PrivacyTests {
    /// The seed plans with nevsky-exact private (contact and notes) and the district's methodical centre named.
    static func privatePlan() throws -> URL {
        let folder = try Fixtures.temporaryDirectory()
        for file in ["nevsky-exact.yaml", "calendar-spb.yaml"] {
            var text = try String(contentsOf: Fixtures.plansDirectory.appendingPathComponent("nevsky/\(file)"), encoding: .utf8)
            if file == "nevsky-exact.yaml" {
                text = text.replacingOccurrences(of: "\n    lead: ", with: "\n    privacy: {contact: private, notes: private}\n"
                    + "    coordinator: {name: Иванова Мария, email: ivanova@school344.example}\n    lead: ")
                text = text.replacingOccurrences(of: "\ndistrict: ", with: "\nmethodical_centre: {name: ИМЦ Невского района, email: imc@nevsky.example}\ndistrict: ")
            }
            try text.write(to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func thePlanFileSetsPrivacyAndTheCentre() async throws {
        let district = try PlanLoader.load(paths: [try Self.privatePlan().path])
        let cluster = try #require(district.cluster("nevsky-exact"))
        #expect(cluster.privacy == ClusterPrivacy(contactPrivate: true, notesPrivate: true))
        #expect(district.methodicalCentre == Coordinator(name: "ИМЦ Невского района", email: "imc@nevsky.example"))
        let database = try SQLiteStore.inMemory()
        _ = try await database.importDistrict(district, now: 1)
        let stored = try await database.snapshot().district
        #expect(stored.cluster("nevsky-exact")?.privacy == cluster.privacy)
        #expect(stored.methodicalCentre == district.methodicalCentre)
    }

    @Test func anUnknownPrivacyValueIsALocatedError() throws {
        let text = """
        version: 1
        district: Р
        schools: [{id: "1", name: Ш}]
        clusters:
          - {id: c, title: К, lead: "1", members: ["1"], privacy: {contact: secret}}
        """
        #expect(throws: PlanLoadError.self) { try PlanLoader.load(text: text) }
        do { _ = try PlanLoader.load(text: text) } catch {
            #expect(error.description == "plan.yaml:5:69: clusters.c.privacy.contact: «secret» — допустимо: public, private")
        }
    }

    @Test func feedsAndPagesNameTheCentreAndHideNotes() async throws {
        let database = try SQLiteStore.inMemory()
        let district = try PlanLoader.load(paths: [try Self.privatePlan().path])
        _ = try await database.importDistrict(district, now: TestSite.importTime)
        let coordinator = try #require(district.cluster("nevsky-exact")?.coordinator?.email)
        let first = try #require(district.events.first { $0.id.cluster == "nevsky-exact" })
        try await database.record(.held(on: first.timing.firstDay, participants: 30, schools: ["344"], note: "ЛИЧНАЯ ЗАМЕТКА",
                                  products: "ВНУТРЕННИЙ СБОРНИК"), for: first.id, now: TestSite.importTime + 10)
        let site = try await TestSite(database: database, populated: true)
        try await site.app.test(.router) { client in
            let feed = try await client.execute(uri: "/feeds/clusters/nevsky-exact.ics", method: .get).text
                .replacingOccurrences(of: "\r\n ", with: "")  // unfolded
            #expect(feed.contains("ORGANIZER;CN=ИМЦ Невского района:mailto:imc@nevsky.example\r\n"))
            #expect(!feed.contains(coordinator))
            let page = try await client.execute(uri: "/clusters/nevsky-exact", method: .get).text
            #expect(!page.contains(coordinator) && page.contains("imc@nevsky.example"))
            for uri in ["/events/nevsky-exact/\(first.id.number)", "/api/clusters/nevsky-exact", "/reports/2019-2020"] {
                let text = try await client.execute(uri: uri, method: .get).text
                #expect(!text.contains("ЛИЧНАЯ ЗАМЕТКА") && !text.contains("ВНУТРЕННИЙ СБОРНИК"), "\(uri)")
            }
        }
        // The store keeps them for the coordinator's own report.
        #expect(try await database.snapshot().events.first { $0.id == first.id }?.state.outcome?.note == "ЛИЧНАЯ ЗАМЕТКА")
    }
}
