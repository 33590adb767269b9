import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Planning
import Server
import TestSupport
import Testing

/// Issue 16 without JavaScript: the public form with its errors, the private page with the
/// personal feed, the coordinator's list with the CSV import, and no registrant's name or email
/// anywhere an anonymous visitor can reach.
@Suite struct RegistrationPageTests {
    typealias API = RegistrationRouteTests

    static let formPath = "/events/nevsky-exact/1/registration"

    static func location(_ response: TestResponse) -> String { response.headers[.location] ?? "" }

    @Test func aTeacherRegistersThroughTheFormAndGetsAPersonalFeed() async throws {
        let s = try await API.Signed()
        try await s.app.test(.router) { client in
            let closed = try await client.execute(uri: Self.formPath, method: .get)
            #expect(closed.text.contains("Регистрация на это мероприятие не открыта."))
            try await API.open(client, s)
            let form = try await client.execute(uri: Self.formPath, method: .get).text
            #expect(form.contains("<option value=\"344\">ГБОУ лицей № 344 Невского района</option>"))
            #expect(form.contains("Срок хранения: " + RegistrationRules.retention))
            let refused = try await API.form(client, Self.formPath, [("name", "Петрова Анна"), ("school", "344"), ("email", "petrova@")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("<span class=\"problem\">ожидается адрес вида name@school.ru, а не «petrova@»</span>"))
            #expect(refused.text.contains("<span class=\"problem\">без согласия на обработку персональных данных зарегистрироваться нельзя</span>"))
            #expect(refused.text.contains("value=\"Петрова Анна\""), "the values typed are kept")
            let fields = [("name", "Петрова Анна"), ("school", "344"), ("position", "учитель"), ("email", "petrova@s344.ru"), ("consent", "yes")]
            let done = try await API.form(client, Self.formPath, fields)
            #expect(done.status == .seeOther)
            let privatePath = Self.location(done)
            #expect(privatePath.hasPrefix("/registrations/") && privatePath.hasSuffix("?new=1"))
            let again = try await API.form(client, Self.formPath, fields)
            #expect(again.status == .conflict && again.text.contains("адрес petrova@s344.ru уже зарегистрирован на это мероприятие"))

            let base = String(privatePath.dropLast("?new=1".count))
            let page = try await client.execute(uri: privatePath, method: .get)
            #expect(page.text.contains("Вы зарегистрированы.") && page.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
            let withFeed = try await client.execute(uri: base + "/feed", method: .post).text
            let start = try #require(withFeed.range(of: "http://localhost:8080/feeds/me/"))
            let token = String(withFeed[start.upperBound...].prefix(64))
            let feed = try await client.execute(uri: "/feeds/me/\(token).ics", method: .get)
            #expect(feed.status == .ok && feed.headers[.contentType] == "text/calendar; charset=utf-8")
            #expect(feed.text.components(separatedBy: "BEGIN:VEVENT").count == 2)
            #expect(feed.text.contains("URL:http://localhost:8080/events/nevsky-exact/1"))
            #expect(try await client.execute(uri: base + "/feed/revoke", method: .post).text.contains("Личная лента отозвана"))
            #expect(try await client.execute(uri: "/feeds/me/\(token).ics", method: .get).status == .notFound)

            // The coordinator may end it too.
            let renewed = try await client.execute(uri: base + "/feed", method: .post).text
            let renewedAt = try #require(renewed.range(of: "http://localhost:8080/feeds/me/"))
            let second = String(renewed[renewedAt.upperBound...].prefix(64))
            #expect(second != token)
            #expect(try await client.execute(uri: "/feeds/me/\(second).ics", method: .get).status == .ok)
            let id = try #require(try await s.site.database.registrations(for: EventID(cluster: "nevsky-exact", number: 1)).first).id
            let revoked = try await API.form(client, "/manage/events/nevsky-exact/1/registrations/\(id)/revoke-feed", token: s.coordinator, [])
            #expect(revoked.status == .seeOther && Self.location(revoked).hasSuffix("?revoked=1"))
            #expect(try await client.execute(uri: "/feeds/me/\(second).ics", method: .get).status == .notFound)
            #expect(try await API.form(client, "/manage/events/nevsky-exact/1/registrations/\(id)/revoke-feed", token: s.other, []).status
                    == .forbidden)
        }
    }

    @Test func aFormsCSVIsImportedWholeOrReportedByLine() async throws {
        let s = try await API.Signed()
        try await s.app.test(.router) { client in
            try await API.open(client, s)
            let path = "/manage/events/nevsky-exact/1/registrations"
            let bad = try String(contentsOf: Fixtures.url("server/registrations/yandex-form-bad.csv"), encoding: .utf8)
            let refused = try await API.form(client, path + "/import", token: s.coordinator, [("csv", bad)])
            #expect(refused.status == .unprocessableContent)
            for line in ["строка 3: нет школы «№ 9999» в списке района", "строка 4: ожидается адрес вида name@school.ru, а не «belova»",
                         "строка 5: без согласия на обработку персональных данных зарегистрироваться нельзя",
                         "строка 6: адрес orlova@s344.example уже есть в строке 2"] {
                #expect(refused.text.contains("<p class=\"problem\">\(line)</p>"), "\(line)")
            }
            #expect(try await s.site.database.registrations(for: EventID(cluster: "nevsky-exact", number: 1)).isEmpty, "nothing half-imported")

            let good = try String(contentsOf: Fixtures.url("server/registrations/google-form.csv"), encoding: .utf8)
            let imported = try await API.form(client, path + "/import", token: s.coordinator, [("csv", good), ("attended", "yes")])
            #expect(imported.status == .ok && imported.text.contains("Импортировано записей: 3."))
            #expect(imported.text.contains("<tr><td>Эл. почта</td><td>Адрес электронной почты</td></tr>"))
            #expect(imported.text.contains("<tr><td>Школа</td><td>Образовательная организация</td></tr>"))
            let stored = try await s.site.database.registrations(for: EventID(cluster: "nevsky-exact", number: 1))
            #expect(stored.map(\.registrant.school) == ["344", "498", "572"])
            #expect(stored.map(\.registrant.email) == ["orlova@s344.example", "kuznetsov@s498.example", "belova@s572.example"])
            #expect(stored.filter(\.attended).count == 3)
            let twice = try await API.form(client, path + "/import", token: s.coordinator, [("csv", good)])
            #expect(twice.text.contains("строка 2: адрес orlova@s344.example уже зарегистрирован"))

            // The check boxes: only the first stays present; the outcome form offers the figures.
            let kept = try await API.form(client, "/manage/events/nevsky-exact/1/attendance", token: s.coordinator, [("present", String(stored[0].id))])
            #expect(kept.status == .seeOther, "\(kept.text)")
            let walkIn = try await API.form(client, "/manage/events/nevsky-exact/1/walk-ins", token: s.coordinator,
                                            [("name", "Зайцев Илья"), ("school", "625"), ("position", ""), ("email", "")])
            #expect(walkIn.status == .seeOther)
            let list = try await client.execute(uri: path, method: .get, headers: [.authorization: "Bearer \(s.coordinator)"]).text
            #expect(list.contains("Записать итог: участников 2, школ 2"))
            let outcome = try await client.execute(uri: "/manage/events/nevsky-exact/1/outcome", method: .get,
                                                   headers: [.authorization: "Bearer \(s.coordinator)"]).text
            #expect(outcome.contains("name=\"participants\" value=\"2\""))
        }
    }

    /// Every page, feed and API answer an anonymous visitor can reach, found by following links
    /// from `/` and the API's own lists, holds no registrant's name or email.
    @Test func noRegistrantIsNamedAnywherePublic() async throws {
        let s = try await API.Signed()
        try await API.later(s).test(.router) { client in
            try await API.open(client, s)
            let people = [("Секретова Тайна", "tayna@hidden.example"), ("Невидимов Скрыт", "skryt@hidden.example")]
            for (name, email) in people {
                let r = try await API.call(client, .post, API.event + "/registrations", body: API.teacher(name, email))
                #expect(r.status == .created)
            }
            _ = try await API.call(client, .post, API.event + "/attendance", token: s.coordinator, body: #"{"present": [1, 2]}"#)
            let held = try await API.call(client, .post, API.event + "/outcome", token: s.coordinator,
                                          body: #"{"status": "held", "date": "2019-10-17", "confirm": true}"#)
            #expect(held.status == .ok)
            let answers = try await Self.crawl(client, from: ["/", "/api/events", "/api/openapi.yaml", "/feeds/district.ics", Self.formPath,
                                                              API.event + "/registrations"])
            for (uri, text) in answers {
                for person in people {
                    #expect(!text.contains(person.0) && !text.contains(person.1) && !text.contains(person.1.uppercased()), "\(uri)")
                }
            }
            let visited = answers.count
            #expect(visited > 40, "the crawl reached the site (\(visited) answers)")
        }
    }

    /// Every answer reachable from `start` by following the site's own links (never into the workspace).
    static func crawl(_ client: some TestClientProtocol, from start: [String]) async throws -> [(String, String)] {
        var queue = start
        var seen = Set(queue)
        var answers: [(String, String)] = []
        while let uri = queue.popLast() {
            let text = try await client.execute(uri: uri, method: .get).text
            answers.append((uri, text))
            for link in links(in: text) where !seen.contains(link) && !link.hasPrefix("/manage") && !link.hasPrefix("/login") {
                seen.insert(link)
                queue.append(link)
            }
        }
        return answers
    }

    /// Site paths in `href="…"` and in the JSON's `"page"`, `"feed"` and `"url"` addresses.
    static func links(in text: String) -> [String] {
        var out: [String] = []
        for marker in ["href=\"", "\"page\":\"", "\"feed\":\"", "\"url\":\""] {
            var rest = text[...]
            while let r = rest.range(of: marker) {
                rest = rest[r.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                var link = String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&")
                if link.hasPrefix("http://localhost:8080") { link.removeFirst("http://localhost:8080".count) }
                if link.hasPrefix("/"), !link.hasPrefix("//") { out.append(link.components(separatedBy: "#")[0]) }
            }
        }
        return out
    }
}
