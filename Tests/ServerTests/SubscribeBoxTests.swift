import Foundation
import Hummingbird
import HummingbirdTesting
import ICal
import Planning
import Server
import Site
import TestSupport
import Testing

/// The subscribe box of the public pages: one button per calendar app with its exact link, a QR
/// code that reads back as the feed's address, and an event's own `.ics`.
@Suite struct SubscribeBoxTests {
    static let base = "https://plan.example.ru"

    @Test func clusterPageLinksEachCalendarAppExactly() async throws {
        let site = try await TestSite(options: SiteOptions(baseURL: Self.base))
        let title = try #require(try await site.snapshot().district.cluster("nevsky-exact")?.title)
        try await site.app.test(.router) { client in
            let html = try await client.execute(uri: "/clusters/nevsky-exact", method: .get).text
            #expect(html.contains("href=\"https://calendar.google.com/calendar/r?cid=webcal://plan.example.ru/feeds/clusters/nevsky-exact.ics\""))
            #expect(html.contains("href=\"https://outlook.live.com/calendar/0/addfromweb?url=https://plan.example.ru/feeds/clusters/nevsky-exact.ics&amp;name="
                + SitePaths.queryValue(title) + "\""))
            #expect(html.contains("href=\"webcal://plan.example.ru/feeds/clusters/nevsky-exact.ics\""))
            #expect(html.contains("href=\"https://calendar.yandex.ru/\""))
            #expect(html.contains("«Подписаться на календарь»"))
            for name in ["Яндекс Календарь", "Google Календарь", "Outlook", "Apple (iPhone, iPad, Mac)"] {
                #expect(html.contains(">\(name)</a>"))
            }
            #expect(html.contains("<figure class=\"qr\"><svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(!html.contains("<script"))
        }
        // The name Outlook gets decodes back to the cluster's title.
        #expect(SitePaths.queryValue(title).removingPercentEncoding == title)
        #expect(SitePaths.queryValue("a&b=c d/é") == "a%26b%3Dc%20d/%C3%A9")
    }

    @Test(.enabled(if: ["/usr/bin/rsvg-convert", "/usr/bin/zbarimg"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) },
                   "rsvg-convert or zbarimg missing; `make test` installs librsvg2-bin and zbar-tools"))
    func schoolPageQRCodeReadsBackAsTheFeedAddress() async throws {
        let site = try await TestSite(options: SiteOptions(baseURL: Self.base))
        let html = try await site.app.test(.router) { client in try await client.execute(uri: "/schools/344", method: .get).text }
        let start = try #require(html.range(of: "<svg xmlns"))
        let end = try #require(html.range(of: "</svg>", range: start.lowerBound..<html.endIndex))
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let svg = dir.appendingPathComponent("qr.svg"), png = dir.appendingPathComponent("qr.png")
        try String(html[start.lowerBound..<end.upperBound]).write(to: svg, atomically: true, encoding: .utf8)
        #expect(try ToolRun.run("/usr/bin/rsvg-convert", ["-w", "400", "-o", png.path, svg.path]).status == 0)
        let decoded = try ToolRun.run("/usr/bin/zbarimg", ["--raw", "-q", png.path])
        #expect(String(decoding: decoded.output, as: UTF8.self).trimmingCharacters(in: .newlines)
            == "https://plan.example.ru/feeds/schools/344.ics")
    }

    @Test func eventPageOffersItsOwnIcsWithTheFeedsEvent() async throws {
        let site = try await TestSite(options: SiteOptions(baseURL: Self.base))
        let snapshot = try await site.snapshot()
        let item = try #require(snapshot.events(inCluster: "nevsky-exact").first { $0.state.date != nil })
        let path = "/feeds/events/nevsky-exact/\(item.id.number).ics"
        try await site.app.test(.router) { client in
            let page = try await client.execute(uri: "/events/nevsky-exact/\(item.id.number)", method: .get).text
            #expect(page.contains("<a class=\"button\" href=\"\(path)\">Добавить только это мероприятие (.ics)</a>"))
            #expect(page.contains("href=\"https://calendar.google.com/calendar/r?cid=webcal://plan.example.ru/feeds/clusters/nevsky-exact.ics\""))
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/calendar; charset=utf-8")
            let one = try ParsedCalendar(text: response.text).root.components("VEVENT")
            let feed = try ParsedCalendar(text: try await client.execute(uri: "/feeds/clusters/nevsky-exact.ics", method: .get).text)
                .root.components("VEVENT")
            #expect(one.count == 1)
            #expect(one.first?.value("UID") == uid(for: item.id, district: snapshot.district.cluster("nevsky-exact")?.district))
            // The very VEVENT of the cluster's feed: same UID, SEQUENCE, times and text.
            #expect(one.first == feed.first { $0.value("UID") == one.first?.value("UID") })
            #expect(try await client.execute(uri: "/feeds/events/nevsky-exact/999.ics", method: .get).status == .notFound)
        }
        // `publish` writes the same file (PageRouteTests counts every published file).
        let content = SiteContent(snapshot: snapshot, options: SiteOptions(baseURL: Self.base), pages: try PageRenderer())
        #expect(content.eventFeedPaths.contains { $0.path == path && $0.scope == .event(item.id) })
    }

    @Test(arguments: [("http://localhost:8080", true), ("http://127.0.0.1:8080", true), ("http://[::1]:8080", true),
                      ("https://plan.example.ru", false), ("http://10.0.0.5:8080", false)])
    func loopbackBaseURLsAreRecognised(url: String, loopback: Bool) {
        #expect(SiteOptions(baseURL: url).isLoopback == loopback)
    }
}
