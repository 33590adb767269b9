import Foundation
import Hummingbird
import HummingbirdTesting
import Planning
import Server
import Testing

/// The rest of the workspace: the district calendar, the cluster's plan lists, new clusters and
/// the next cycle, the preview on the calendar, online hosts, a stale edit's 409, and uploads.
@Suite struct WorkspacePlanTests {
    typealias Signed = WriteAPIRouteTests.Signed
    let pages = ManagePageTests()
    let api = WriteAPIRouteTests()

    func form(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    }

    @Test func theCalendarIsEditedByMethodistsAndSchoolsMarkTheirOwnBusyDays() async throws {
        let s = try await Signed()
        try await s.app.test(.router) { client in
            let page = try await pages.get(client, "/manage/calendar", token: s.methodist)
            #expect(page.status == .ok)
            #expect(page.text.contains("Осенние каникулы: 28.10.2019 – 04.11.2019"))
            #expect(try await pages.get(client, "/manage/calendar", token: s.coordinator).status == .forbidden)
            let schoolPage = try await pages.get(client, "/manage/calendar", token: s.school)
            #expect(schoolPage.status == .ok && !schoolPage.text.contains("add-vacation"))
            #expect(schoolPage.text.contains(#"<input type="hidden" name="school" value="498">"#))

            let bad = try await pages.post(client, "/manage/calendar", token: s.methodist,
                                           form: form([("op", "add-vacation"), ("title", "Доп. каникулы"), ("from", "17.02"), ("to", "2020-02-21")]))
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains(#"<span class="problem">«17.02» — не дата ГГГГ-ММ-ДД</span>"#))
            #expect(bad.text.contains(#"value="Доп. каникулы""#), "the typed values stay")

            let holiday = try await pages.post(client, "/manage/calendar", token: s.methodist, form: form([("op", "add-holiday"), ("date", "2019-10-16")]))
            #expect(holiday.status == .seeOther)
            let busy = form([("op", "add-busy"), ("school", "498"), ("from", "2020-04-14"), ("to", "2020-04-16"), ("reason", "ВПР")])
            #expect(try await pages.post(client, "/manage/calendar", token: s.school, form: busy).status == .seeOther)
            let others = form([("op", "add-busy"), ("school", "344"), ("from", "2020-04-14"), ("to", "2020-04-16"), ("reason", "")])
            #expect(try await pages.post(client, "/manage/calendar", token: s.school, form: others).status == .forbidden)
            #expect(try await pages.post(client, "/manage/calendar", token: s.school, form: form([("op", "add-holiday"), ("date", "2019-10-17")]))
                .status == .forbidden)
            #expect(try await pages.post(client, "/manage/calendar", token: s.coordinator, form: busy).status == .forbidden)

            let audit = try await pages.get(client, "/api/audit", token: s.methodist).text
            #expect(audit.contains(#""field":"calendar.holidays""#) && audit.contains(#""new":"2019-10-16""#))
            #expect(audit.contains(#""new":"498: 2020-04-14 – 2020-04-16 (ВПР)""#) && audit.contains(#""login":"s498""#))

            // Nothing moved yet: the preview offers the move, and draws it on the calendar.
            let preview = try await pages.get(client, "/manage/clusters/nevsky-exact/schedule", token: s.coordinator).text
            #expect(preview.contains("перенесено") && preview.contains("2019-10-16 15:00"))
            #expect(preview.contains("/manage/clusters/nevsky-exact/schedule/calendar"))
            let drawn = try await pages.get(client, "/manage/clusters/nevsky-exact/schedule/calendar", token: s.coordinator)
            #expect(drawn.status == .ok)
            #expect(drawn.text.contains("ev moved") && drawn.text.contains("ev was"))
            #expect(drawn.text.contains("Предпросмотр расписания: календарь на 2019/2020 учебный год"))
            #expect(drawn.text.contains(#"href="/manage/clusters/nevsky-exact/schedule/calendar?year=2020-2021""#))
            #expect(try await pages.get(client, "/manage/clusters/nevsky-exact/schedule/calendar", token: s.other).status == .forbidden)
        }
        let calendar = try await s.site.snapshot().district.calendar
        #expect(calendar.holidays.contains(LocalDate(iso: "2019-10-16")!))
        #expect(calendar.busy.contains(BusyPeriod(school: "498", from: LocalDate(iso: "2020-04-14")!, to: LocalDate(iso: "2020-04-16")!,
                                                  reason: "ВПР")))
        let first = try await s.site.snapshot().events.first { $0.id == EventID(cluster: "nevsky-exact", number: 1) }
        #expect(first?.state.date == LocalDate(iso: "2019-10-16"), "the published date stays until the schedule is published")
    }

    @Test func thePlanListsAreEditedAsLinesAndCheckedAgainstTheEvents() async throws {
        let s = try await Signed()
        let cluster = try #require(try await s.site.snapshot().district.cluster("nevsky-exact"))
        let plan = try #require(cluster.plan)
        @Sendable func fields(tasks: String? = nil, indicators: String) -> String {
            form([("lead", cluster.lead), ("members", cluster.members.joined(separator: ", ")), ("goal", plan.goal),
                  ("tasks", tasks ?? plan.tasks.map(\.line).joined(separator: "\n")),
                  ("directions", plan.directions.map(\.line).joined(separator: "\n")), ("indicators", indicators)])
        }
        let path = "/manage/clusters/nevsky-exact/plan"
        try await s.app.test(.router) { client in
            let page = try await pages.get(client, path, token: s.coordinator)
            #expect(page.status == .ok && page.text.contains(#"name="indicators""#))
            #expect(page.text.contains(try #require(plan.tasks.first).line))
            #expect(try await pages.get(client, path, token: s.other).status == .forbidden)

            let bad = try await pages.post(client, path, token: s.coordinator, form: fields(indicators: "trained: Обучено; много"))
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("строка 1: «много»: ожидается цель числом («36 чел.») или «2019/2020=12»"))
            #expect(bad.text.contains("trained: Обучено; много"), "the typed lines stay")
            let orphan = try await pages.post(client, path, token: s.coordinator, form: fields(tasks: "T9: новая", indicators: ""))
            #expect(orphan.status == .unprocessableContent)
            #expect(orphan.text.contains("мероприятие № 1: неизвестная задача «T1»"))

            let good = try await pages.post(client, path, token: s.coordinator,
                                            form: fields(indicators: "trained: Обучено педагогов; 36 чел.; 2019/2020=12"))
            #expect(good.status == .seeOther)
        }
        let saved = try #require(try await s.site.snapshot().district.cluster("nevsky-exact")?.plan?.indicators)
        #expect(saved == [Indicator(id: "trained", title: "Обучено педагогов", target: 36, targets: [AcademicYear(startYear: 2019): 12],
                                    unit: "чел.")])
    }

    @Test func aMethodistStartsAClusterAndACoordinatorItsNextCycle() async throws {
        let s = try await Signed()
        try await s.app.test(.router) { client in
            #expect(try await pages.get(client, "/manage/clusters/new", token: s.coordinator).status == .forbidden)
            let page = try await pages.get(client, "/manage/clusters/new", token: s.methodist)
            #expect(page.status == .ok && page.text.contains(#"value="2019/2020""#), "the year of the router's today")
            #expect(try await pages.get(client, "/manage/", token: s.methodist).text.contains("/manage/clusters/new"))

            let fields: [(String, String)] = [("id", "nevsky-new"), ("title", "Новый кластер"), ("lead", "344"), ("members", "344, 498"),
                                              ("goal", "Цель"), ("tasks", ""), ("directions", ""), ("indicators", "")]
            let bad = try await pages.post(client, "/manage/clusters/new", token: s.methodist, form: form(fields + [("firstYear", "2021")]))
            #expect(bad.status == .unprocessableContent && bad.text.contains("«2021» — не учебный год ГГГГ/ГГГГ"))
            let made = try await pages.post(client, "/manage/clusters/new", token: s.methodist, form: form(fields + [("firstYear", "2021/2022")]))
            #expect(made.status == .seeOther && made.headers[.location]?.hasSuffix("/manage/clusters/nevsky-new?saved=1") == true)

            let next = try await pages.get(client, "/manage/clusters/nevsky-exact/next-cycle", token: s.coordinator)
            #expect(next.text.contains(#"value="nevsky-exact-2021""#) && next.text.contains("2021/2022, 2022/2023"))
            let taken = try await pages.post(client, "/manage/clusters/nevsky-exact/next-cycle", token: s.coordinator, form: "id=nevsky-new")
            #expect(taken.status == .unprocessableContent && taken.text.contains("кластер «nevsky-new» уже есть"))
            let copied = try await pages.post(client, "/manage/clusters/nevsky-exact/next-cycle", token: s.coordinator, form: "id=nevsky-exact-2021")
            #expect(copied.status == .seeOther)
            #expect(try await pages.get(client, "/manage/clusters/nevsky-exact-2021", token: s.coordinator).status == .ok,
                    "the coordinator who started the cycle plans it")
        }
        let snapshot = try await s.site.snapshot()
        #expect(snapshot.district.cluster("nevsky-new")?.plan?.years == [AcademicYear(startYear: 2021), AcademicYear(startYear: 2022)])
        let copy = snapshot.events(inCluster: "nevsky-exact-2021")
        #expect(copy.count == snapshot.events(inCluster: "nevsky-exact").count)
        #expect(copy.first?.event.timing == .month(YearMonth(year: 2021, month: 10)!) && copy.allSatisfy { $0.state.date == nil })
    }

    @Test func aStaleEditIsRefusedWithWhatChangedMeanwhile() async throws {
        let s = try await Signed()
        let revision = try #require(try await s.site.snapshot().events.first { $0.id == EventID(cluster: "nevsky-exact", number: 1) }?.revision)
        try await s.app.test(.router) { client in
            let first = try await api.call(client, .patch, "/api/events/nevsky-exact/1", token: s.methodist,
                                           body: #"{"title": "Стартовая конференция", "revision": \#(revision)}"#)
            #expect(first.status == .ok)
            let second = try await api.call(client, .patch, "/api/events/nevsky-exact/1", token: s.coordinator,
                                            body: #"{"purpose": "Знакомство", "revision": \#(revision)}"#)
            #expect(second.status == .conflict)
            struct Conflict: Decodable {
                struct Change: Decodable { var field: String; var new: String?; var login: String }
                var changed: [Change]
                var revision: Int
            }
            let answer = try api.decode(Conflict.self, second)
            #expect(answer.revision == revision + 1)
            #expect(answer.changed.map(\.field) == ["title"] && answer.changed.first?.new == "Стартовая конференция")
            #expect(answer.changed.first?.login == "metod")

            let page = try await pages.post(client, "/manage/events/nevsky-exact/1", token: s.coordinator,
                                            form: "revision=\(revision)&format=conference&title=X&purpose=&month=2019-10&date=&from=&to=&start=&duration=120&host=344&participants=344&tasks=T1&link=")
            #expect(page.status == .conflict)
            #expect(page.text.contains("title: «Кластерный подход") && page.text.contains("» → «Стартовая конференция» (metod)"))
            #expect(page.text.contains(#"name="revision" value="\#(revision + 1)""#))
        }
    }

    @Test func anOnlineEventNeedsItsLinkAndTheFormOffersIt() async throws {
        let s = try await Signed()
        try await s.app.test(.router) { client in
            let form = try await pages.get(client, "/manage/events/nevsky-exact/2", token: s.coordinator).text
            #expect(form.contains(#"<option value="online">Онлайн (ссылка ниже)</option>"#) && form.contains(#"name="link""#))
            let missing = try await api.call(client, .patch, "/api/events/nevsky-exact/2", token: s.coordinator, body: #"{"host": "online"}"#)
            #expect(missing.status == .unprocessableContent && missing.text.contains(#""field":"link""#))
            let bad = try await api.call(client, .patch, "/api/events/nevsky-exact/2", token: s.coordinator,
                                         body: #"{"host": "online", "link": "zoom.example/j/1"}"#)
            #expect(bad.status == .unprocessableContent && bad.text.contains(#"ожидается адрес вида https:\/\/…","field":"link""#))
            let good = try await api.call(client, .patch, "/api/events/nevsky-exact/2", token: s.coordinator,
                                          body: #"{"host": "online", "link": "https://zoom.example/j/1"}"#)
            #expect(good.status == .ok)
        }
        let item = try #require(try await s.site.snapshot().events.first { $0.id == EventID(cluster: "nevsky-exact", number: 2) })
        #expect(item.event.link == "https://zoom.example/j/1", "the link goes live at once")
        #expect(item.pending?.host == "online" && item.event.host != "online", "the host waits for the schedule")
    }

    @Test func aMaterialIsUploadedFromTheEventFormWithItsCSRFToken() async throws {
        let site = try await AccessRouteTests.site()
        let boundary = "----cpboundary"
        @Sendable func body(csrf: String?, fileName: String, bytes: String) -> ByteBuffer {
            var text = ""
            if let csrf { text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n" }
            text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nПрезентация\r\n"
            text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\n"
            text += "Content-Type: application/octet-stream\r\n\r\n\(bytes)\r\n--\(boundary)--\r\n"
            return ByteBuffer(string: text)
        }
        try await site.app.test(.router) { client in
            let signed = try await AccessRouteTests.signIn(client, "ivanova")
            var headers = signed.headers
            headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
            let uri = "/manage/events/nevsky-exact/1/materials"
            let page = try await client.execute(uri: "/manage/events/nevsky-exact/1", method: .get, headers: signed.headers).text
            #expect(page.contains(#"enctype="multipart/form-data""#) && page.contains(#"action="/manage/events/nevsky-exact/1/materials""#))

            let refused = try await client.execute(uri: uri, method: .post, headers: headers, body: body(csrf: nil, fileName: "a.pdf", bytes: "%PDF-1.4"))
            #expect(refused.status == .forbidden)
            let wrongType = try await client.execute(uri: uri, method: .post, headers: headers,
                                                     body: body(csrf: signed.csrf, fileName: "run.exe", bytes: "MZ"))
            #expect(wrongType.status == .unprocessableContent && wrongType.text.contains("run.exe:"))
            let stored = try await client.execute(uri: uri, method: .post, headers: headers,
                                                  body: body(csrf: signed.csrf, fileName: "Презентация «кластер».pdf", bytes: "%PDF-1.4 тест"))
            #expect(stored.status == .seeOther)
            let edit = try await client.execute(uri: "/manage/events/nevsky-exact/1", method: .get, headers: signed.headers).text
            #expect(edit.contains(">Презентация</a>"))
        }
        let material = try #require(try await site.snapshot().materials.first)
        #expect(material.fileName == "Презентация «кластер».pdf" && material.size == "%PDF-1.4 тест".utf8.count)
        try await site.app.test(.router) { client in
            let signed = try await AccessRouteTests.signIn(client, "ivanova")
            let removed = try await AccessRouteTests.post(client, "/manage/materials/\(material.id)/remove", signed, [("csrf", signed.csrf)])
            #expect(removed.status == .seeOther)
        }
        #expect(try await site.snapshot().materials.isEmpty)
    }
}
