import Foundation
import Hummingbird
import HummingbirdTesting
import Planning
import Server
import Testing

/// Issue 16: registration through the API and the public form, the waiting list, cancelling
/// through the private link, attendance that fills a held outcome, and who may see the list.
@Suite struct RegistrationRouteTests {
    typealias Signed = WriteAPIRouteTests.Signed
    struct Answer: Decodable { var id: Int64; var status: String; var link: String }
    struct Listed: Decodable {
        struct Item: Decodable { var id: Int64; var name: String; var email: String?; var status: String; var attended: Bool; var walkIn: Bool }
        var registrations: [Item]
        var registered: Int
        var waitlisted: Int
        var participants: Int
        var schools: [String]
    }
    struct Problems: Decodable {
        struct Item: Decodable { var field: String?; var message: String }
        var errors: [Item]
    }
    struct Outcome: Decodable {
        struct Event: Decodable {
            struct Recorded: Decodable { var participants: Int?; var schools: [String] }
            var outcome: Recorded?
        }
        var event: Event
    }

    static let event = "/api/events/nevsky-exact/1"

    /// The router on 1 June 2020, after the seed's first events: they may be recorded as held.
    static func later(_ s: Signed) -> some ApplicationProtocol {
        Application(router: buildRouter(cache: s.site.cache, accounts: s.site.accounts, today: { _ in LocalDate(year: 2020, month: 6, day: 1)! }))
    }

    static func call(_ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, token: String? = nil,
                     body: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    static func form(_ client: some TestClientProtocol, _ uri: String, token: String? = nil, _ fields: [(String, String)])
        async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    static func decode<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
        try JSONDecoder().decode(type, from: Data(response.body.readableBytesView))
    }

    static func teacher(_ name: String, _ email: String, school: String = "344", consent: Bool = true) -> String {
        #"{"name": "\#(name)", "school": "\#(school)", "position": "учитель физики", "email": "\#(email)", "consent": \#(consent)}"#
    }

    /// Opens registration of nevsky-exact/1 (deadline far ahead: the seed events are in the past).
    static func open(_ client: some TestClientProtocol, _ s: Signed, capacity: Int? = nil, deadline: String = "2099-12-31") async throws {
        let capacityJSON = capacity.map { ", \"capacity\": \($0)" } ?? ""
        let opened = try await call(client, .patch, event, token: s.coordinator,
                                    body: #"{"registration": {"open": true, "deadline": "\#(deadline)"\#(capacityJSON)}}"#)
        #expect(opened.status == .ok)
    }

    @Test func capacityWaitingListDuplicateAndCancellation() async throws {
        let s = try await Signed()
        try await s.app.test(.router) { client in
            let closed = try await Self.call(client, .post, Self.event + "/registrations", body: Self.teacher("Петрова Анна", "petrova@s344.ru"))
            #expect(closed.status == .unprocessableContent, "not opened yet")
            try await Self.open(client, s, capacity: 1)
            let page = try await client.execute(uri: "/events/nevsky-exact/1", method: .get).text
            #expect(page.contains("Регистрация открыта: мест 1, до 31.12.2099, 23:59."))
            #expect(page.contains("href=\"/events/nevsky-exact/1/registration\""))

            let first = try await Self.call(client, .post, Self.event + "/registrations", body: Self.teacher("Петрова Анна", "petrova@s344.ru"))
            #expect(first.status == .created)
            let registered = try Self.decode(Answer.self, first)
            #expect(registered.status == "registered")
            #expect(registered.link.hasPrefix("http://localhost:8080/registrations/") && registered.link.count == "http://localhost:8080/registrations/".count + 64)
            let second = try Self.decode(Answer.self, try await Self.call(client, .post, Self.event + "/registrations",
                                                                         body: Self.teacher("Сидоров Пётр", "sidorov@s498.ru", school: "498")))
            #expect(second.status == "waitlisted")
            let duplicate = try await Self.call(client, .post, Self.event + "/registrations", body: Self.teacher("Петрова А.", "PETROVA@s344.ru"))
            #expect(duplicate.status == .conflict)
            #expect(try Self.decode(Problems.self, duplicate).errors.first?.message == "адрес petrova@s344.ru уже зарегистрирован на это мероприятие")
            let noConsent = try await Self.call(client, .post, Self.event + "/registrations",
                                                body: Self.teacher("Иванов", "ivanov@s572.ru", consent: false))
            #expect(noConsent.status == .unprocessableContent)
            #expect(try Self.decode(Problems.self, noConsent).errors.map(\.field) == ["consent"])

            // The private page: status and cancel; the waiting list moves up.
            let path = String(registered.link.dropFirst("http://localhost:8080".count))
            let mine = try await client.execute(uri: path, method: .get)
            #expect(mine.status == .ok && mine.text.contains("зарегистрирован(а)") && mine.headers[.cacheControl] == "no-store")
            #expect(try await client.execute(uri: path + "/cancel", method: .post).status == .seeOther)
            #expect(try await client.execute(uri: path, method: .get).text.contains("регистрация отменена"))
            let list = try Self.decode(Listed.self, try await Self.call(client, .get, Self.event + "/registrations", token: s.methodist))
            #expect(list.registrations.map(\.status) == ["cancelled", "registered"])
            #expect((list.registered, list.waitlisted) == (1, 0))
            #expect(try await client.execute(uri: "/registrations/" + String(repeating: "0", count: 64), method: .get).status == .notFound)
        }
    }

    @Test func theDeadlineAndWhoMaySeeTheList() async throws {
        let s = try await Signed()
        try await s.app.test(.router) { client in
            try await Self.open(client, s, deadline: "2020-01-01T10:00")
            let late = try await Self.call(client, .post, Self.event + "/registrations", body: Self.teacher("Петрова Анна", "petrova@s344.ru"))
            #expect(late.status == .unprocessableContent)
            #expect(try Self.decode(Problems.self, late).errors.first?.message == "регистрация закрыта: срок истёк 01.01.2020, 10:00")
            let bad = try await Self.call(client, .patch, Self.event, token: s.coordinator,
                                          body: #"{"registration": {"open": true, "capacity": -1, "deadline": "завтра"}}"#)
            #expect(bad.status == .unprocessableContent)
            #expect(try Self.decode(Problems.self, bad).errors.map(\.field) == ["capacity", "deadline"])
            #expect(try await Self.call(client, .get, Self.event + "/registrations").status == .unauthorized)
            #expect(try await Self.call(client, .get, Self.event + "/registrations", token: s.other).status == .forbidden)
            #expect(try await Self.call(client, .get, Self.event + "/registrations", token: s.school).status == .forbidden, "498 does not host it")
            #expect(try await Self.call(client, .post, Self.event + "/attendance", token: s.other, body: #"{"present": []}"#).status == .forbidden)
            #expect(try await Self.call(client, .get, Self.event + "/registrations", token: s.coordinator).status == .ok)
            let audit = try await s.site.database.auditLog(cluster: "nevsky-exact").first
            #expect(audit?.field == "registration" && audit?.new == "открыта, до 2020-01-01T10:00")
        }
    }

    @Test func attendanceFillsAHeldOutcomeSentWithoutFigures() async throws {
        let s = try await Signed()
        try await Self.later(s).test(.router) { client in
            try await Self.open(client, s)
            var ids: [Int64] = []
            for (name, email, school) in [("Петрова Анна", "a@s344.ru", "344"), ("Сидоров Пётр", "b@s498.ru", "498"), ("Орлова Вера", "c@s344.ru", "344")] {
                ids.append(try Self.decode(Answer.self, try await Self.call(client, .post, Self.event + "/registrations",
                                                                            body: Self.teacher(name, email, school: school))).id)
            }
            let marked = try await Self.call(client, .post, Self.event + "/attendance", token: s.coordinator,
                                             body: #"{"present": [\#(ids[0]), \#(ids[2])], "walkIns": [{"name": "Зайцев Илья", "school": "572", "position": "завуч"}]}"#)
            #expect(marked.status == .ok)
            let list = try Self.decode(Listed.self, marked)
            #expect(list.registrations.map(\.attended) == [true, false, true, true])
            #expect(list.registrations.last?.walkIn == true)
            #expect((list.participants, list.schools) == (3, ["344", "572"]))
            let badWalkIn = try await Self.call(client, .post, Self.event + "/attendance", token: s.coordinator,
                                                body: #"{"present": [], "walkIns": [{"name": "", "school": "9999"}]}"#)
            #expect(try Self.decode(Problems.self, badWalkIn).errors.map(\.field) == ["walkIns[0].name", "walkIns[0].school"])
            let held = try await Self.call(client, .post, Self.event + "/outcome", token: s.coordinator,
                                           body: #"{"status": "held", "date": "2019-10-17", "confirm": true}"#)
            #expect(held.status == .ok)
            let outcome = try #require(try Self.decode(Outcome.self, held).event.outcome)
            #expect(outcome.participants == 3 && outcome.schools == ["344", "572"])
        }
    }
}
