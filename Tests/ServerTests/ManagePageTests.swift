import Foundation
import Hummingbird
import HummingbirdTesting
import Planning
import Server
import Testing

/// The workspace pages: forms with the API's field names, errors beside their fields with the
/// values kept, the outcome form asking again, the preview publishing, versions and the audit log.
@Suite struct ManagePageTests {
    typealias Signed = WriteAPIRouteTests.Signed

    func get(_ client: some TestClientProtocol, _ uri: String, token: String?) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: token.map { [.authorization: "Bearer \($0)"] } ?? [:])
    }

    func post(_ client: some TestClientProtocol, _ uri: String, token: String, form: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .post,
                                 headers: [.authorization: "Bearer \(token)", .contentType: "application/x-www-form-urlencoded"],
                                 body: ByteBuffer(string: form))
    }

    func encoded(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s }

    @Test func clusterSettingsSetTheCoordinatorAndWhatStaysPrivate() async throws {
        let s = try await Signed()
        let settings = "/manage/clusters/nevsky-exact/settings"
        @Sendable func form(contact: String, email: String = "ivanova@school344.example") -> String {
            "title=\(encoded("Точные науки"))&goal=\(encoded("Цель кластера"))&coordinatorName=\(encoded("Иванова И. И."))"
                + "&coordinatorEmail=\(encoded(email))&contact=\(contact)&notes=public"
        }
        try await s.app.test(.router) { client in
            let page = try await get(client, settings, token: s.coordinator)
            #expect(page.status == .ok)
            #expect(page.text.contains("<option value=\"public\" selected>"))
            #expect(try await get(client, settings, token: s.other).status == .forbidden)

            let bad = try await post(client, settings, token: s.coordinator, form: form(contact: "public", email: "ivanova@"))
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("<span class=\"problem\">«ivanova@» — ожидается адрес вида имя@домен</span>"))
            #expect(bad.text.contains("value=\"Иванова И. И.\""), "the typed values stay")

            #expect(try await post(client, settings, token: s.coordinator, form: form(contact: "public")).status == .seeOther)
            let open = try await client.execute(uri: "/feeds/clusters/nevsky-exact.ics", method: .get).text
            #expect(open.contains("mailto:ivanova@school344.example"))
            #expect(try await client.execute(uri: "/clusters/nevsky-exact", method: .get).text.contains("Точные науки"))

            #expect(try await post(client, settings, token: s.coordinator, form: form(contact: "private")).status == .seeOther)
            let closed = try await client.execute(uri: "/feeds/clusters/nevsky-exact.ics", method: .get).text
            #expect(!closed.contains("ivanova@school344.example"))
            #expect(!(try await client.execute(uri: "/clusters/nevsky-exact", method: .get).text.contains("Иванова")))
            let audit = try await get(client, "/api/audit?cluster=nevsky-exact", token: s.coordinator).text
            #expect(audit.contains("contact: private, notes: public"))
        }
        #expect(try await s.site.snapshot().district.cluster("nevsky-exact")?.privacy == ClusterPrivacy(contactPrivate: true))
    }

    @Test func theStartPageListsWhatNeedsDoing() async throws {
        let s = try await Signed()
        try await s.site.app.test(.router) { client in
            let page = try await get(client, "/manage/", token: s.coordinator)
            #expect(page.status == .ok)
            #expect(page.text.contains("Мои кластеры"))
            #expect(page.text.contains("/manage/clusters/nevsky-exact"))
            #expect(page.text.contains("нет сведений"), "today is 2021-06-30: every seed event is past and unrecorded")
            #expect(!page.text.contains("/manage/clusters/kirov-1\""))
            let anonymous = try await get(client, "/manage/", token: nil)
            #expect(anonymous.status == .seeOther)
        }
    }

    /// An absent optional (no notice, no pending change, no support link) hides its section: the
    /// pages never show Swift's «nil».
    @Test(arguments: ["/manage/", "/manage/clusters/nevsky-exact", "/manage/events/nevsky-exact/1",
                      "/manage/clusters/nevsky-exact/events/new", "/manage/clusters/nevsky-exact/versions"])
    func absentValuesHideTheirSections(_ path: String) async throws {
        let s = try await Signed()
        try await s.app.test(.router) { client in
            let page = try await get(client, path, token: s.coordinator)
            #expect(page.status == .ok)
            #expect(!page.text.contains(">nil<"))
            #expect(!page.text.contains("EventList("), "a row without a pending change must not find the page's list of that name")
            #expect(!page.text.contains("role=\"status\""), "no notice without ?saved")
            #expect(!page.text.contains("Адресная поддержка"), "a coordinator has no support programmes")
        }
    }

    /// The start page's lists and a cluster's rows are built once per revision and scope (the
    /// account's role and clusters): another coordinator never gets them, and an edit shows at once.
    @Test func cachedListsKeepToTheirScopeAndShowTheNextEdit() async throws {
        let s = try await Signed()
        try await s.app.test(.router) { client in
            let edit = "/manage/events/nevsky-exact/1\""
            #expect(try await get(client, "/manage/", token: s.coordinator).text.contains(edit))
            #expect(!(try await get(client, "/manage/", token: s.other).text.contains(edit)))
            #expect(try await get(client, "/manage/", token: s.methodist).text.contains(edit))
            #expect(!(try await get(client, "/manage/clusters/nevsky-exact", token: s.coordinator).text.contains("Правка из API")))
            let patched = try await client.execute(uri: "/api/events/nevsky-exact/1", method: .patch,
                                                   headers: [.authorization: "Bearer \(s.coordinator)", .contentType: "application/json"],
                                                   body: ByteBuffer(string: #"{"title":"Правка из API"}"#))
            #expect(patched.status == .ok)
            #expect(try await get(client, "/manage/clusters/nevsky-exact", token: s.coordinator).text.contains("Правка из API"))
            #expect(try await get(client, "/manage/", token: s.methodist).text.contains("Правка из API"))
            #expect(!(try await get(client, "/manage/", token: s.other).text.contains("Правка из API")))
        }
    }

    @Test func theEventFormShowsProblemsBesideFieldsAndKeepsValues() async throws {
        let s = try await Signed()
        try await s.app.test(.router) { client in
            let form = try await get(client, "/manage/events/nevsky-exact/1", token: s.coordinator)
            #expect(form.status == .ok)
            for field in ["name=\"csrf\"", "name=\"revision\"", "name=\"format\"", "name=\"title\"", "name=\"month\"", "name=\"date\"",
                          "name=\"start\"", "name=\"duration\"", "name=\"host\"", "name=\"participants\"", "name=\"tasks\""] {
                #expect(form.text.contains(field), "\(field)")
            }
            #expect(form.text.contains("value=\"2019-10\""))
            // The lists are filled in, so saving the form unchanged keeps them.
            #expect(form.text.contains("name=\"participants\" value=\"344, 498, 329, 572, 331, 512, 625\""))
            #expect(try await get(client, "/manage/events/nevsky-exact/1", token: s.other).status == .forbidden)
            let bad = try await post(client, "/manage/events/nevsky-exact/1", token: s.coordinator,
                                     form: "format=conference&title=\(encoded("Новое"))&month=2019-13&duration=90&host=344&participants=344")
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("ожидается месяц ГГГГ-ММ, а не «2019-13»"))
            #expect(bad.text.contains("value=\"Новое\""), "the typed title is kept")
            let good = try await post(client, "/manage/events/nevsky-exact/1", token: s.coordinator,
                                      form: "format=conference&title=\(encoded("Новое"))&month=2019-11&duration=180&host=344"
                                          + "&participants=344%2C%20498&tasks=T1")
            #expect(good.status == .seeOther)
            let item = try #require(try await s.site.snapshot().events.first { $0.id == EventID(cluster: "nevsky-exact", number: 1) })
            #expect(item.event.title == "Новое")
            #expect(item.event.participants == ["344", "498"])
            #expect(item.pending?.timing == .month(YearMonth(iso: "2019-11")!))
            let audit = try await s.site.database.auditLog(cluster: "nevsky-exact")
            #expect(audit.filter { $0.source != .import }.allSatisfy { $0.source == .web && $0.login == "coord" })
        }
    }

    @Test func previewThenPublishFromThePage() async throws {
        let s = try await Signed()
        try await s.app.test(.router) { client in
            _ = try await post(client, "/manage/events/nevsky-exact/1", token: s.coordinator,
                               form: "format=conference&title=T&month=2019-11&duration=180&host=344&participants=344&tasks=T1")
            let preview = try await get(client, "/manage/clusters/nevsky-exact/schedule", token: s.coordinator)
            #expect(preview.status == .ok)
            #expect(preview.text.contains("перенесено"))
            #expect(preview.text.contains(">Опубликовать</button>"))
            let published = try await post(client, "/manage/clusters/nevsky-exact/schedule", token: s.coordinator, form: "publish=true")
            #expect(published.status == .seeOther)
            #expect(published.headers[.location]?.hasSuffix("/manage/clusters/nevsky-exact/versions?published=1") == true)
            let versions = try await get(client, "/manage/clusters/nevsky-exact/versions", token: s.coordinator)
            #expect(versions.text.contains("Версия 1"))
            #expect(versions.text.contains("→ 2019-11"))
            let audit = try await get(client, "/manage/clusters/nevsky-exact/audit", token: s.coordinator)
            #expect(audit.text.contains("schedule"))
        }
    }

    @Test func theOutcomeFormAsksBeforeOverwriting() async throws {
        let s = try await Signed()
        let item = try #require(try await s.site.snapshot().events(inCluster: "nevsky-exact").first)
        let date = try #require(item.state.date).description
        try await s.site.app.test(.router) { client in
            let uri = "/manage/events/nevsky-exact/\(item.id.number)/outcome"
            let form = try await get(client, uri, token: s.coordinator)
            for field in ["name=\"status\"", "name=\"date\"", "name=\"participants\"", "name=\"schools\"", "name=\"note\"", "name=\"reason\""] {
                #expect(form.text.contains(field), "\(field)")
            }
            let held = "status=held&date=\(date)&participants=12&schools=344"
            #expect(try await post(client, uri, token: s.coordinator, form: held).status == .seeOther)
            let again = try await post(client, uri, token: s.coordinator, form: "status=cancelled&reason=x")
            #expect(again.status == .conflict)
            #expect(again.text.contains("уже записан итог"))
            #expect(again.text.contains("name=\"confirm\" value=\"true\""))
            #expect(again.text.contains("Всё равно записать"))
            #expect(try await post(client, uri, token: s.coordinator, form: "status=cancelled&reason=x&confirm=true").status == .seeOther)
            #expect(try await s.site.snapshot().events.first { $0.id == item.id }?.state.status == .cancelled)
        }
    }

    /// The browser's path with a session cookie: every form carries the session's CSRF token, and
    /// a post without it is refused before anything is written.
    @Test func theFormsWorkWithASessionCookieAndItsCSRFToken() async throws {
        let s = try await Signed()
        let first = EventID(cluster: "nevsky-exact", number: 1)
        try await s.app.test(.router) { client in
            let signed = try await AccessRouteTests.signIn(client, "coord", "пароль-для-теста")
            let form = try await client.execute(uri: "/manage/events/nevsky-exact/1", method: .get, headers: signed.headers)
            #expect(form.text.contains(#"name="csrf" value="\#(signed.csrf)""#))
            let fields = [("format", "conference"), ("title", "Т"), ("month", "2019-11"), ("duration", "180"), ("host", "344"),
                          ("participants", "344, 498"), ("tasks", "T1")]
            let refused = try await AccessRouteTests.post(client, "/manage/events/nevsky-exact/1", signed, fields)
            #expect(refused.status == .forbidden)
            #expect(try await s.site.snapshot().events.first { $0.id == first }?.pending == nil)
            let saved = try await AccessRouteTests.post(client, "/manage/events/nevsky-exact/1", signed, [("csrf", signed.csrf)] + fields)
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/manage/clusters/nevsky-exact?saved=1")
            #expect(try await s.site.snapshot().events.first { $0.id == first }?.pending != nil)
            let listed = try await client.execute(uri: "/manage/clusters/nevsky-exact", method: .get, headers: signed.headers).text
            #expect(listed.contains(#"<br><span class="muted">ждёт публикации: "#))
            #expect(listed.contains(#"<a href="/manage/events/nevsky-exact/1">Изменить</a>"#))
            let published = try await AccessRouteTests.post(client, "/manage/clusters/nevsky-exact/schedule", signed,
                                                            [("csrf", signed.csrf), ("publish", "true")])
            #expect(published.status == .seeOther)
            #expect(try await s.site.snapshot().events.first { $0.id == first }?.state.date?.yearMonth == YearMonth(iso: "2019-11"))
        }
    }
}
