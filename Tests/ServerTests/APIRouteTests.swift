import Foundation
import Hummingbird
import HummingbirdTesting
import Planning
import Server
import Testing

@Suite struct APIRouteTests {
    struct ClusterItem: Decodable, Equatable { var id: String; var lead: String; var members: [String]; var feed: String }
    struct EventItem: Decodable { var id: String; var number: Int; var year: String; var date: String?; var start: String?; var status: String }
    struct Detail: Decodable {
        struct Plan: Decodable { var goal: String; var tasks: [Task] }
        struct Task: Decodable { var id: String }
        var id: String
        var plan: Plan?
        var events: [EventItem]
    }

    @Test func clustersListsEveryCluster() async throws {
        let site = try await TestSite()
        let district = try await site.snapshot().district
        try await site.app.test(.router) { client in
            let response = try await client.execute(uri: "/api/clusters", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let items = try JSONDecoder().decode([ClusterItem].self, from: Data(response.body.readableBytesView))
            #expect(items.map(\.id) == district.clusters.map(\.id))
            let nevsky = try #require(items.first { $0.id == "nevsky-exact" })
            #expect(nevsky.lead == "344")
            #expect(nevsky.members == ["344", "498", "329", "572", "331", "512", "625"])
            #expect(nevsky.feed == "http://localhost:8080/feeds/clusters/nevsky-exact.ics")
        }
    }

    @Test func clusterDetailCarriesThePlanAndEvents() async throws {
        let site = try await TestSite()
        try await site.app.test(.router) { client in
            let response = try await client.execute(uri: "/api/clusters/nevsky-exact", method: .get)
            #expect(response.status == .ok)
            let detail = try JSONDecoder().decode(Detail.self, from: Data(response.body.readableBytesView))
            #expect(detail.plan?.tasks.map(\.id) == ["T1", "T2", "T3", "T4"])
            #expect(detail.events.map(\.number) == [1, 2, 3, 4, 6, 7, 8, 9])
            #expect(detail.events.allSatisfy { $0.date != nil && $0.start != nil && $0.status == "scheduled" })
        }
    }

    @Test func eventsFilterByClusterSchoolAndYear() async throws {
        let site = try await TestSite()
        try await site.app.test(.router) { client in
            let byYear = try await client.execute(uri: "/api/events?cluster=nevsky-exact&year=2019-2020", method: .get)
            #expect(try JSONDecoder().decode([EventItem].self, from: Data(byYear.body.readableBytesView)).map(\.number) == [1, 2, 3, 4])
            let slash = try await client.execute(uri: "/api/events?cluster=nevsky-exact&year=2020%2F2021", method: .get)
            #expect(try JSONDecoder().decode([EventItem].self, from: Data(slash.body.readableBytesView)).map(\.number) == [6, 7, 8, 9])
            let school = try await client.execute(uri: "/api/events?school=344", method: .get)
            let schoolEvents = try JSONDecoder().decode([EventItem].self, from: Data(school.body.readableBytesView))
            let expected = try await site.snapshot().events(forSchool: "344").map(\.id.description).sorted()
            #expect(schoolEvents.map(\.id).sorted() == expected)
            #expect(!expected.isEmpty)
        }
    }

    @Test(arguments: [("/api/clusters/nope", HTTPResponse.Status.notFound), ("/api/events?cluster=nope", .notFound),
                      ("/api/events?school=nope", .notFound), ("/api/events?year=2019", .badRequest), ("/api/nothing", .notFound)])
    func badRequestsGetAJSONError(path: String, status: HTTPResponse.Status) async throws {
        let site = try await TestSite()
        try await site.app.test(.router) { client in
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == status)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let object = try JSONDecoder().decode([String: String].self, from: Data(response.body.readableBytesView))
            #expect(object.keys.sorted() == ["error"])
        }
    }
}
