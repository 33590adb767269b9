import Foundation
import Hummingbird
import HummingbirdTesting
import Operations
import Planning
import Server
import Testing

/// The workspace's subscribers page and an event's documents, over a roster given by the test.
@Suite struct AttendanceRouteTests {
    typealias Signed = WriteAPIRouteTests.Signed
    static let attendees = [Attendee(name: "Андреев Иван", school: "ГБОУ СОШ № 344"), Attendee(name: "Смирнова Елена", school: "ГБОУ СОШ № 498")]

    static func app(_ s: Signed, counter: FeedCounter) -> some ApplicationProtocol {
        let roster = Roster(registrants: { _ in [] }, registered: { _ in attendees }, attended: { _ in attendees })
        return Application(router: buildRouter(cache: s.site.cache, accounts: s.site.accounts,
                                               today: { _ in LocalDate(year: 2019, month: 9, day: 1)! }, feedCounter: counter, roster: roster))
    }

    func get(_ client: some TestClientProtocol, _ uri: String, token: String?, userAgent: String? = nil,
             etag: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let userAgent { headers[.userAgent] = userAgent }
        if let etag { headers[.ifNoneMatch] = etag }
        return try await client.execute(uri: uri, method: .get, headers: headers)
    }

    @Test func documentsDownloadForTheClustersEditorsOnly() async throws {
        let s = try await Signed()
        let number = try #require(try await s.site.snapshot().events(inCluster: "nevsky-exact").first { $0.state.date != nil }?.id.number)
        try await Self.app(s, counter: FeedCounter()).test(.router) { client in
            for name in ["certificates", "sign-in"] {
                let uri = "/manage/events/nevsky-exact/\(number)/\(name).docx"
                let ok = try await get(client, uri, token: s.coordinator)
                #expect(ok.status == .ok)
                #expect(ok.headers[.contentType] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                #expect(ok.headers[.cacheControl] == "no-store")
                #expect(Array(ok.body.readableBytesView.prefix(2)) == Array("PK".utf8))
                if name == "certificates" {
                    // The cluster's own district heads each page, not every district of the store joined with «;».
                    let text = try Self.documentXML(Data(ok.body.readableBytesView))
                    #expect(text.contains("Невский район Санкт-Петербурга") && !text.contains("Кировский"))
                }
                #expect(try await get(client, uri, token: s.other).status == .forbidden)
                #expect(try await get(client, uri, token: nil).status != .ok)
            }
        }
    }

    /// `word/document.xml` of a DOCX, read by `unzip`.
    static func documentXML(_ docx: Data) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cert-\(UUID().uuidString).docx")
        try docx.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-p", file.path, "word/document.xml"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func subscribersAreCountedInMemoryAndWrittenOnlyOnFlush() async throws {
        let s = try await Signed()
        let counter = FeedCounter()
        let feed = "/feeds/clusters/nevsky-exact.ics"
        try await Self.app(s, counter: counter).test(.router) { client in
            let first = try await get(client, feed, token: nil, userAgent: "Google-Calendar-Importer")
            let etag = try #require(first.headers[.eTag])
            // The same subscriber polling again (a 304) is still one; an iPhone is another.
            #expect(try await get(client, feed, token: nil, userAgent: "Google-Calendar-Importer", etag: etag).status == .notModified)
            _ = try await get(client, feed, token: nil, userAgent: "iOS/17.2 (21C62) dataaccessd/1.0")
            _ = try await get(client, "/feeds/events/nevsky-exact/1.ics", token: nil, userAgent: "Thunderbird/115.0")
            #expect(try await s.site.database.feedCounts(since: LocalDate(year: 2000, month: 1, day: 1)!).isEmpty, "no store write per fetch")
            let page = try await get(client, "/manage/clusters/nevsky-exact/subscribers", token: s.coordinator)
            #expect(page.status == .ok)
            #expect(page.text.contains("<th>Google</th><th>Outlook / Microsoft</th><th>Apple</th><th>Яндекс</th><th>Thunderbird</th><th>другие</th>"))
            #expect(page.text.contains("<td class=\"n\">1</td><td class=\"n\">0</td><td class=\"n\">1</td><td class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\" data-label=\"Всего\">2</td>"))
            #expect(try await get(client, "/manage/clusters/nevsky-exact/subscribers", token: s.other).status == .forbidden)
        }
        #expect(counter.current.map(\.client).sorted() == [.google, .apple].sorted())
        try await counter.flush(to: s.site.database)
        let stored = try await s.site.database.feedCounts(since: LocalDate(year: 2000, month: 1, day: 1)!)
        #expect(stored.map(\.subscribers) == [1, 1] && stored.allSatisfy { $0.feed == feed })
    }

    @Test(arguments: [("Google-Calendar-Importer", FeedClient.google), ("Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328)", .microsoft),
                      ("iOS/17.2 (21C62) dataaccessd/1.0", .apple), ("macOS/14.2 (23C64) CalendarAgent/988", .apple),
                      ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:115.0) Gecko/20100101 Thunderbird/115.6.0", .thunderbird),
                      ("YandexCalendar/1.0", .yandex), ("curl/8.5.0", .other)])
    func userAgentsFallIntoFamilies(userAgent: String, client: FeedClient) {
        #expect(FeedClient(userAgent: userAgent) == client)
    }
}
