import Foundation
import Hummingbird
import HummingbirdTesting
import PlanFiles
import Planning
import Server
import Testing

/// The write API for every role: allowed, 401, 403, 422, 409, and the audit entry of each write;
/// the feed shows a text edit at once and a month edit only after publish, with a higher SEQUENCE.
@Suite struct WriteAPIRouteTests {
    struct Edited: Decodable {
        struct Event: Decodable { var title: String; var date: String?; var sequence: Int; var status: String; var host: String }
        struct Pending: Decodable { var month: String? }
        var event: Event
        var revision: Int
        var pending: Pending?
    }
    struct Preview: Decodable {
        struct Entry: Decodable { var number: Int; var kind: String; var explanation: [String]; var new: Time }
        struct Time: Decodable { var date: String? }
        var published: Bool
        var version: Int?
        var events: [Entry]
    }
    struct Problems: Decodable {
        struct Item: Decodable { var field: String?; var message: String }
        var errors: [Item]
    }
    struct Audit: Decodable { var login: String; var source: String; var event: Int?; var field: String; var new: String? }

    /// A store with four accounts and their API tokens; `app` is the router on 1 September 2019,
    /// so that the seed events are still to come and a schedule may move them.
    struct Signed {
        let site: TestSite
        let methodist: String
        let coordinator: String
        let other: String
        let school: String
        let app: Application<RouterResponder<AppRequestContext>>

        init() async throws {
            let site = try await TestSite()
            let district = try await site.snapshot().district
            var tokens: [String] = []
            for account in [Account(login: "metod", role: .methodist),
                            Account(login: "coord", role: .coordinator, clusters: ["nevsky-exact"]),
                            Account(login: "kirov", role: .coordinator, clusters: ["kirov-1"]),
                            Account(login: "s498", role: .school, school: "498")] {
                _ = try await site.accounts.add(account, password: "пароль-для-теста", in: district)
                tokens.append(try await site.accounts.issueToken(account.login))
            }
            self.site = site
            app = Application(router: buildRouter(cache: site.cache, accounts: site.accounts, today: { _ in LocalDate(year: 2019, month: 9, day: 1)! }))
            (methodist, coordinator, other, school) = (tokens[0], tokens[1], tokens[2], tokens[3])
        }
    }

    static func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    func call(_ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, token: String?,
              body: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body.map(Self.json))
    }

    func decode<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
        try JSONDecoder().decode(type, from: Data(response.body.readableBytesView))
    }

    @Test func patchingAnEventByRole() async throws {
        let s = try await Signed()
        try await s.app.test(.router) { client in
            let uri = "/api/events/nevsky-exact/1"
            let body = #"{"title": "Новое название"}"#
            #expect(try await call(client, .patch, uri, token: nil, body: body).status == .unauthorized)
            #expect(try await call(client, .patch, uri, token: s.other, body: body).status == .forbidden)
            #expect(try await call(client, .patch, uri, token: s.school, body: body).status == .forbidden)
            let ok = try await call(client, .patch, uri, token: s.coordinator, body: body)
            #expect(ok.status == .ok)
            #expect(try decode(Edited.self, ok).event.title == "Новое название")
            let bad = try await call(client, .patch, uri, token: s.methodist, body: #"{"host": "9999", "month": "2019-13"}"#)
            #expect(bad.status == .unprocessableContent)
            let problems = try decode(Problems.self, bad).errors
            #expect(problems.map(\.field) == ["month", "host"] || problems.map(\.field) == ["month"])
            let audit = try await s.site.database.auditLog(cluster: "nevsky-exact").filter { $0.source != .import }
            #expect(audit.count == 1, "the refused edit wrote nothing")
            #expect(audit.first?.login == "coord" && audit.first?.source == .api && audit.first?.field == "title")
        }
    }

    @Test func aStaleRevisionGets409() async throws {
        let s = try await Signed()
        try await s.app.test(.router) { client in
            let uri = "/api/events/nevsky-exact/2"
            let revision = try #require(try await s.site.snapshot().events.first { $0.id.number == 2 }).revision
            let first = try await call(client, .patch, uri, token: s.coordinator, body: #"{"title": "Раз", "revision": \#(revision)}"#)
            #expect(first.status == .ok)
            #expect(try decode(Edited.self, first).revision == revision + 1)
            let stale = try await call(client, .patch, uri, token: s.coordinator, body: #"{"title": "Два", "revision": \#(revision)}"#)
            #expect(stale.status == .conflict)
        }
    }

    @Test func aTextEditReachesTheFeedAtOnceAMonthEditOnlyAfterPublish() async throws {
        let s = try await Signed()
        try await s.app.test(.router) { client in
            let feed = "/feeds/clusters/nevsky-exact.ics"
            let before = try await client.execute(uri: feed, method: .get).text
            #expect(try await call(client, .patch, "/api/events/nevsky-exact/1", token: s.coordinator,
                                   body: #"{"title": "Стартовая конференция кластера"}"#).status == .ok)
            let afterText = try await client.execute(uri: feed, method: .get).text.replacingOccurrences(of: "\r\n ", with: "")
            #expect(afterText.contains("Стартовая конференция кластера"))
            #expect(sequence(of: 1, in: afterText) == sequence(of: 1, in: before))

            let moved = try await call(client, .patch, "/api/events/nevsky-exact/1", token: s.coordinator, body: #"{"month": "2019-11"}"#)
            #expect(try decode(Edited.self, moved).pending?.month == "2019-11")
            let stillOld = try await client.execute(uri: feed, method: .get).text
            #expect(dtstart(of: 1, in: stillOld) == dtstart(of: 1, in: before), "the published date stays until publish")

            let preview = try await call(client, .post, "/api/schedule", token: s.coordinator, body: #"{"cluster": "nevsky-exact", "publish": false}"#)
            #expect(preview.status == .ok)
            let shown = try decode(Preview.self, preview)
            #expect(!shown.published)
            let first = try #require(shown.events.first { $0.number == 1 })
            #expect(first.kind == "moved")
            #expect(first.new.date?.hasPrefix("2019-11") == true)
            #expect(try await client.execute(uri: feed, method: .get).text == stillOld, "a preview changes nothing")

            let published = try await call(client, .post, "/api/schedule", token: s.coordinator, body: #"{"cluster": "nevsky-exact", "publish": true}"#)
            let answer = try decode(Preview.self, published)
            #expect(answer.published && answer.version == 1)
            let after = try await client.execute(uri: feed, method: .get).text
            #expect(dtstart(of: 1, in: after)?.hasPrefix("201911") == true)
            #expect((sequence(of: 1, in: after) ?? 0) > (sequence(of: 1, in: before) ?? 0))
            let versions = try await s.site.database.scheduleVersions(cluster: "nevsky-exact")
            #expect(versions.first?.moves.contains { $0.event == 1 } == true)
            #expect(try await call(client, .post, "/api/schedule", token: s.other, body: #"{"cluster": "nevsky-exact", "publish": true}"#)
                .status == .forbidden)
        }
    }

    @Test func addingAndRemovingEvents() async throws {
        let s = try await Signed()
        try await s.app.test(.router) { client in
            let created = try await call(client, .post, "/api/clusters/nevsky-exact/events", token: s.coordinator,
                                         body: #"{"format": "webinar", "title": "Итоги", "month": "2020-05"}"#)
            #expect(created.status == .created)
            #expect(try await call(client, .post, "/api/clusters/nevsky-exact/events", token: s.coordinator, body: #"{"title": "x"}"#)
                .status == .unprocessableContent)
            #expect(try await call(client, .post, "/api/clusters/nevsky-exact/events", token: s.other, body: #"{"title": "x"}"#)
                .status == .forbidden)
            #expect(try await call(client, .delete, "/api/events/nevsky-exact/3", token: nil).status == .unauthorized)
            let removed = try await call(client, .delete, "/api/events/nevsky-exact/3", token: s.methodist)
            #expect(try decode(Edited.self, removed).event.status == "removed")
            let feed = try await client.execute(uri: "/feeds/clusters/nevsky-exact.ics", method: .get).text
            #expect(feed.contains("ОТМЕНЕНО:"))
            let audit = try await s.site.database.auditLog(cluster: "nevsky-exact")
            #expect(audit.contains { $0.event == 3 && $0.field == "status" && $0.new == "removed" && $0.login == "metod" })
            #expect(audit.contains { $0.event == 10 && $0.field == "title" && $0.new == "Итоги" })
        }
    }

    @Test func outcomesByRoleWithConfirmation() async throws {
        let s = try await Signed()
        let hosted = try #require(try await s.site.snapshot().events(inCluster: "nevsky-exact").first { $0.event.host == "498" })
        let other = try #require(try await s.site.snapshot().events(inCluster: "nevsky-exact").first { $0.event.host != "498" })
        let date = try #require(hosted.state.date).description
        try await s.site.app.test(.router) { client in
            let uri = "/api/events/nevsky-exact/\(hosted.id.number)/outcome"
            let held = #"{"status": "held", "date": "\#(date)", "participants": 20, "schools": ["498", "344"]}"#
            #expect(try await call(client, .post, uri, token: nil, body: held).status == .unauthorized)
            #expect(try await call(client, .post, "/api/events/nevsky-exact/\(other.id.number)/outcome", token: s.school, body: held)
                .status == .forbidden)
            #expect(try await call(client, .post, uri, token: s.school, body: held).status == .ok)
            let again = try await call(client, .post, uri, token: s.school, body: #"{"status": "cancelled", "reason": "карантин"}"#)
            #expect(again.status == .conflict, "overwriting a recorded outcome asks first")
            #expect(again.text.contains("уже записан итог"))
            #expect(try await call(client, .post, uri, token: s.school, body: #"{"status": "cancelled", "reason": "карантин", "confirm": true}"#)
                .status == .ok)
            let bad = try await call(client, .post, uri, token: s.coordinator, body: #"{"status": "held", "date": "2030-01-01", "participants": -1, "confirm": true}"#)
            #expect(bad.status == .unprocessableContent)
            #expect(try decode(Problems.self, bad).errors.map(\.field).contains("participants"))
            let audit = try await s.site.database.auditLog(cluster: "nevsky-exact")
            #expect(audit.contains { $0.login == "s498" && $0.field == "status" && $0.new == "cancelled" })
        }
    }

    @Test func theAuditLogIsReadByRole() async throws {
        let s = try await Signed()
        try await s.app.test(.router) { client in
            _ = try await call(client, .patch, "/api/events/nevsky-exact/1", token: s.coordinator, body: #"{"purpose": "Новая цель"}"#)
            #expect(try await call(client, .get, "/api/audit?cluster=nevsky-exact", token: nil).status == .unauthorized)
            #expect(try await call(client, .get, "/api/audit?cluster=nevsky-exact", token: s.other).status == .forbidden)
            #expect(try await call(client, .get, "/api/audit", token: s.coordinator).status == .forbidden)
            let log = try decode([Audit].self, try await call(client, .get, "/api/audit?cluster=nevsky-exact", token: s.coordinator))
            #expect(log.first?.field == "purpose" && log.first?.new == "Новая цель" && log.first?.source == "api")
            #expect(try await call(client, .get, "/api/audit", token: s.methodist).status == .ok)
        }
    }

    @Test func theOpenAPIDocumentNamesEveryWriteRoute() async throws {
        let s = try await Signed()
        try await s.app.test(.router) { client in
            let response = try await call(client, .get, "/api/openapi.yaml", token: nil)
            #expect(response.status == .ok)
            for path in ["/api/events/{cluster}/{number}:", "/api/clusters/{cluster}/events:", "/api/events/{cluster}/{number}/outcome:",
                         "/api/schedule:", "/api/audit:"] {
                #expect(response.text.contains(path), "\(path)")
            }
        }
    }

    @Test func thePlanFileOfAClusterValidates() async throws {
        let s = try await Signed()
        try await s.app.test(.router) { client in
            #expect(try await call(client, .get, "/manage/clusters/nevsky-exact/plan.yaml", token: s.other).status == .forbidden)
            let response = try await call(client, .get, "/manage/clusters/nevsky-exact/plan.yaml", token: s.coordinator)
            #expect(response.status == .ok)
            let district = try PlanLoader.load(text: response.text)
            #expect(district.clusters.map(\.id) == ["nevsky-exact"])
            #expect(district.cluster("nevsky-exact")?.plan?.events.count == 8)
        }
    }
}

/// The SEQUENCE and DTSTART of event `n` of the seed cluster in a feed's text.
func block(_ n: Int, _ feed: String) -> Substring? {
    let parts = feed.components(separatedBy: "BEGIN:VEVENT")
    return parts.first { $0.contains("UID:nevsky-exact-\(n).") || $0.contains("UID:nevsky-exact-\(n)@") }.map { Substring($0) }
}

func sequence(of n: Int, in feed: String) -> Int? {
    block(n, feed)?.split(separator: "\r\n").first { $0.hasPrefix("SEQUENCE:") }.flatMap { Int($0.dropFirst("SEQUENCE:".count)) }
}

func dtstart(of n: Int, in feed: String) -> String? {
    block(n, feed)?.split(separator: "\r\n").first { $0.hasPrefix("DTSTART") }.map { String($0.split(separator: ":").last ?? "") }
}
