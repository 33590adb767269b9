import Clustering
import Foundation
import Hummingbird
import HummingbirdTesting
import Operations
import Planning
import Server
import Testing

/// The support programme over HTTP: only methodists manage it, a school sees its own row, and
/// nothing of it reaches a public page, feed or the public report.
@Suite struct SupportRouteTests {
    typealias Signed = WriteAPIRouteTests.Signed

    /// The form helpers of the workspace page tests.
    let pages = ManagePageTests()

    func get(_ client: some TestClientProtocol, _ uri: String, token: String?) async throws -> TestResponse {
        try await pages.get(client, uri, token: token)
    }

    func post(_ client: some TestClientProtocol, _ uri: String, token: String, form: String) async throws -> TestResponse {
        try await pages.post(client, uri, token: token, form: form)
    }

    /// Signed accounts plus a school account of 221 (a mentee) and of its support site.
    func signed() async throws -> (Signed, school221: String, siteToken: String, site: String, grouping: SupportGrouping) {
        let s = try await Signed()
        let grouping = try await SupportProgrammeTests.grouped(s.site)
        let site = try #require(grouping.school("221")?.site)
        let district = try await s.site.snapshot().district
        var tokens: [String] = []
        for account in [Account(login: "s221", role: .school, school: "221"), Account(login: "site", role: .school, school: site)] {
            _ = try await s.site.accounts.add(account, password: "пароль-для-теста", in: district)
            tokens.append(try await s.site.accounts.issueToken(account.login))
        }
        return (s, tokens[0], tokens[1], site, grouping)
    }

    @Test func coordinatorsAndVisitorsGetNothingOfResultsOrGroupings() async throws {
        let (s, _, _, _, grouping) = try await signed()
        try await s.app.test(.router) { client in
            let all = try await get(client, "/api/support/results", token: s.methodist)
            #expect(all.text.contains("\"school\":\"240\""))
            for uri in ["/api/support/results", "/api/support/groupings"] {
                #expect(try await get(client, uri, token: nil).status == .unauthorized, "\(uri)")
                #expect(try await get(client, uri, token: s.coordinator).status == .forbidden, "\(uri)")
            }
            for uri in ["/manage/support", "/manage/support/groupings/\(grouping.id)", "/manage/support/groupings/\(grouping.id)/schools/221"] {
                #expect(try await get(client, uri, token: s.coordinator).status == .forbidden, "\(uri)")
                #expect(try await get(client, uri, token: nil).status == .seeOther, "\(uri): to the sign-in page")
            }
            #expect(try await post(client, "/manage/support/results", token: s.coordinator, form: "csv=x").status == .forbidden)
        }
    }

    @Test func aSchoolSeesItsOwnRowAndTheRoadMapsItIsIn() async throws {
        let (s, school221, siteToken, site, grouping) = try await signed()
        try await s.app.test(.router) { client in
            let results = try await get(client, "/api/support/results", token: school221).text
            #expect(results.contains("\"school\":\"221\""))
            #expect(!results.contains("\"school\":\"240\""))
            let groupings = try await get(client, "/api/support/groupings", token: school221).text
            #expect(groupings.contains("\"school\":\"221\"") && !groupings.contains("\"school\":\"240\""))
            let page = try await get(client, "/manage/support/groupings/\(grouping.id)", token: school221)
            #expect(page.status == .ok)
            #expect(page.text.contains("ГБОУ СОШ № 221") && !page.text.contains("ГБОУ СОШ № 240"))
            #expect(!page.text.contains("Поправить вручную"))
            #expect(try await get(client, "/manage/support/groupings/\(grouping.id)/schools/221", token: school221).status == .ok)
            #expect(try await get(client, "/manage/support/groupings/\(grouping.id)/schools/240", token: school221).status == .forbidden)
            #expect(try await get(client, "/manage/support/groupings/\(grouping.id)/schools/221", token: siteToken).status == .ok,
                    "the support site \(site) sees its mentee's road map")
            #expect(try await post(client, "/manage/support/groupings/\(grouping.id)/mentor", token: school221,
                                   form: "school=221&site=").status == .forbidden)
            // School 498 (Nevsky) is in no grouping.
            #expect(try await get(client, "/manage/support/groupings/\(grouping.id)", token: s.school).status == .forbidden)
        }
    }

    @Test func theMethodistUploadsGroupsAdjustsAndReports() async throws {
        let s = try await Signed()
        let csv = try String(contentsOfFile: SupportProgrammeTests.kirovFile, encoding: .utf8)
        try await s.app.test(.router) { client in
            let bad = try await post(client, "/manage/support/results", token: s.methodist, form: "csv=" + pages.encoded("school,year\n1,2019"))
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("загрузка:1: нет обязательного столбца «assessment»"))
            let multipart = "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nx\r\n--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"kirov.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n--XyZ--\r\n"
            let uploaded = try await client.execute(uri: "/manage/support/results", method: .post,
                                                    headers: [.authorization: "Bearer \(s.methodist)",
                                                              .contentType: "multipart/form-data; boundary=XyZ"],
                                                    body: ByteBuffer(string: multipart))
            #expect(uploaded.status == .seeOther)
            #expect(uploaded.headers[.location]?.contains("imported=") == true)
            #expect(try await s.site.database.results().count == 86)
            let home = try await get(client, "/manage/support", token: s.methodist).text
            #expect(home.contains("<td data-label=\"Строк\">43</td>"))
            let run = try await post(client, "/manage/support/groupings", token: s.methodist,
                                     form: "method=2x2&year=2019%2F2020&subject=&capacity=3&minStudents=10&resultThreshold=100&contingentThreshold=20")
            #expect(run.status == .seeOther)
            #expect(run.headers[.location]?.hasSuffix("/manage/support/groupings/1") == true)
            let page = try await get(client, "/manage/support/groupings/1", token: s.methodist).text
            #expect(page.contains("тот же контингент, ближайшие маркеры"))
            let full = try await post(client, "/manage/support/groupings/1/mentor", token: s.methodist, form: "school=221&site=240")
            #expect(full.status == .unprocessableContent)
            #expect(full.text.contains("«240» — не школа с высокими результатами этой группировки"))
            let roadMap = "/manage/support/groupings/1/schools/221"
            #expect(try await get(client, roadMap, token: s.methodist).text.contains("Руководителям ОО:"))
            #expect(try await post(client, roadMap + "/text", token: s.methodist, form: "text=" + pages.encoded("План помощи ОО 221")).status
                == .seeOther)
            #expect(try await get(client, roadMap, token: s.methodist).text.contains(">План помощи ОО 221</textarea>"))
            let badAction = try await post(client, roadMap + "/actions", token: s.methodist,
                                           form: "level=teacher&kind=consultation&title=&responsible=9999&from=2020-13")
            #expect(badAction.status == .unprocessableContent)
            #expect(badAction.text.contains("responsible: неизвестная школа «9999»"))
            let audit = try await s.site.database.auditLog(cluster: "support-2019").map(\.field)
            #expect(audit == ["roadmap 1/221: text", "grouping 1"], "newest first; the refused mentor change wrote nothing")
            let start = try await get(client, "/manage/", token: s.methodist).text
            #expect(start.contains("Группировка № 1 (2x2, 2019/2020, все предметы): кластер 1 — 12"))
            let report = try await get(client, "/manage/support/groupings/1/report", token: s.methodist)
            #expect(report.status == .ok)
            #expect(report.text.contains("Адресная поддержка"))
            let publicReport = try await get(client, "/reports/2020-2021", token: nil).text
            #expect(!publicReport.contains("Адресная поддержка"))
        }
    }
}
