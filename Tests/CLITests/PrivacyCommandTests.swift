import Foundation
import Planning
import SQLiteStore
import TestSupport
import Testing

/// `clusterplan privacy export|delete EMAIL`: a registrant's data out, or gone, with the outcome's counts kept.
@Suite struct PrivacyCommandTests {
    @Test func exportThenDeleteARegistrant() async throws {
        let cli = try CommandLineStore()
        #expect(try cli.run("import", "plans").status == 0)
        let event = EventID(cluster: "nevsky-exact", number: 1)
        do {
            let store = try SQLiteStore.open(path: cli.database)
            for (n, email) in ["Petrova@S344.example", "other@s498.example"].enumerated() {
                _ = try await store.register(NewRegistration(Registrant(name: "Учитель \(n)", school: "344", position: "учитель",
                                                                        email: email, consent: true), tokenDigest: "d\(n)"),
                                             for: event, now: 1_700_000_000)
            }
            try await store.record(.held(on: LocalDate(iso: "2019-10-17")!, participants: 2, schools: ["344"], note: nil, products: nil),
                                   for: event, now: 1_700_000_100)
        }
        let exported = try cli.run("privacy", "export", "petrova@s344.example")
        #expect(exported.status == 0, "\(exported.stderr)")
        struct Export: Decodable {
            struct Item: Decodable {
                struct Registration: Decodable { var name: String; var school: String; var status: String; var registeredAt: String }
                var event: String
                var consent: Bool
                var registration: Registration
            }
            var email: String
            var registrations: [Item]
        }
        let data = try JSONDecoder().decode(Export.self, from: Data(exported.stdout.utf8))
        #expect(data.email == "petrova@s344.example")
        #expect(data.registrations.map(\.event) == ["nevsky-exact/1"])
        #expect(data.registrations.first?.registration.name == "Учитель 0")
        #expect(data.registrations.first?.registration.registeredAt == "2023-11-14T22:13:20Z")
        #expect(data.registrations.first?.consent == true)
        #expect(!exported.stdout.contains("other@s498.example"))

        let deleted = try cli.run("privacy", "delete", "PETROVA@s344.example")
        #expect(deleted.stdout == "Удалено регистраций: 1; учтённые итоги мероприятий не изменились.\n")
        #expect(try cli.run("privacy", "export", "petrova@s344.example").stdout.contains("\"registrations\":[]"))
        let store = try SQLiteStore.open(path: cli.database)
        #expect(try await store.registrations(for: event).map(\.registrant.email) == ["other@s498.example"])
        #expect(try await store.snapshot().events.first { $0.id == event }?.state.outcome?.participants == 2)
    }
}
