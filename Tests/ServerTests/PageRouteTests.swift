import Foundation
import Hummingbird
import HummingbirdTesting
import Planning
import Operations
import Server
import Site
import Store
import TestSupport
import Testing

@Suite struct PageRouteTests {
    @Test func indexListsClustersGroupedByDistrict() async throws {
        let site = try await TestSite()
        try await site.app.test(.router) { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            let html = response.text
            for district in ["Невский район Санкт-Петербурга", "Кировский район Санкт-Петербурга"] {
                #expect(html.contains("<h3>\(district)</h3>"))
            }
            #expect(html.contains("<a href=\"/clusters/nevsky-exact\">"))
            #expect(html.contains("<a href=\"/schools#district-1\">Школы района"))
            #expect(html.contains("<a href=\"/reports/2019-2020\">"))
            #expect(html.contains("href=\"webcal://localhost:8080/feeds/district.ics\""))
            #expect(!html.contains("<script"))
        }
    }

    @Test func clusterPageShowsThePlanMembersEventsAndSubscribeLinks() async throws {
        let site = try await TestSite()
        let snapshot = try await site.snapshot()
        let cluster = try #require(snapshot.district.cluster("nevsky-exact"))
        let plan = try #require(cluster.plan)
        try await site.app.test(.router) { client in
            let response = try await client.execute(uri: "/clusters/nevsky-exact", method: .get)
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("<h1>\(escaped(cluster.title))</h1>"))
            #expect(html.contains(escaped(plan.goal)))
            if let theme = plan.theme { #expect(html.contains(escaped(theme))) }
            for task in plan.tasks { #expect(html.contains("<li>\(escaped(task.text))</li>")) }
            for direction in plan.directions { #expect(html.contains("<h3>\(escaped(direction.title))</h3>")) }
            for member in cluster.members { #expect(html.contains("<a href=\"/schools/\(member)\">")) }
            #expect(html.contains("href=\"webcal://localhost:8080/feeds/clusters/nevsky-exact.ics\""))
            #expect(html.contains("href=\"http://localhost:8080/feeds/clusters/nevsky-exact.ics\""))
            #expect(html.contains("value=\"http://localhost:8080/feeds/clusters/nevsky-exact.ics\""))
            // One table row per event, with its date.
            let events = snapshot.events(inCluster: "nevsky-exact")
            let table = try #require(html.components(separatedBy: "<table class=\"events\">").last)
            #expect(table.components(separatedBy: "<a href=\"/events/nevsky-exact/").count - 1 == events.count)
            for event in events {
                #expect(html.contains("<a href=\"/events/nevsky-exact/\(event.event.number)\">"))
                if let date = event.state.date { #expect(html.contains(">\(weekdays[date.weekday.index]), \(date.day) ")) }
            }
        }
    }

    @Test func eventAndSchoolPagesExistForEveryEventAndSchool() async throws {
        let site = try await TestSite()
        let snapshot = try await site.snapshot()
        try await site.app.test(.router) { client in
            for event in snapshot.events {
                let response = try await client.execute(uri: "/events/\(event.event.clusterID)/\(event.event.number)", method: .get)
                #expect(response.status == .ok)
                #expect(response.text.contains("<h1>\(escaped(event.event.title))</h1>"))
            }
            let school = try await client.execute(uri: "/schools/498", method: .get)
            #expect(school.status == .ok)
            #expect(school.text.contains("<a href=\"/clusters/nevsky-exact\">"))
            #expect(school.text.contains("href=\"webcal://localhost:8080/feeds/schools/498.ics\""))
        }
    }

    @Test(arguments: ["/clusters/nope", "/schools/0", "/events/nevsky-exact/5", "/events/nevsky-exact/abc", "/events/nope/1",
                      "/nowhere", "/reports/1999-2000", "/reports/last-year"])
    func unknownPagesAre404WithoutDetails(path: String) async throws {
        let site = try await TestSite()
        try await site.app.test(.router) { client in
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.text.contains("<h1>Страница не найдена</h1>"))
            #expect(!response.text.contains("Error"))
        }
    }

    @Test func writesAreRefused() async throws {
        let site = try await TestSite()
        try await site.app.test(.router) { client in
            let response = try await client.execute(uri: "/feeds/district.ics", method: .post)
            #expect(response.status == .notFound || response.status == .methodNotAllowed)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
        }
    }

    @Test func namesThatLookLikeMarkupAreShownAsText() async throws {
        let site = try await TestSite(extra: [Fixtures.url("server/script-names.yaml").path])
        try await site.app.test(.router) { client in
            for path in ["/", "/clusters/xss", "/schools/x1", "/events/xss/1"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok)
                #expect(!response.text.contains("<script"))
                #expect(!response.text.contains("<img"))
                #expect(response.text.contains("&lt;script&gt;"))
            }
        }
    }

    @Test func pagesAnswerConditionalRequests() async throws {
        let site = try await TestSite()
        try await site.app.test(.router) { client in
            let first = try await client.execute(uri: "/clusters/nevsky-exact", method: .get)
            let etag = try #require(first.headers[.eTag])
            let second = try await client.execute(uri: "/clusters/nevsky-exact", method: .get, headers: [.ifNoneMatch: etag])
            #expect(second.status == .notModified)
        }
    }

    @Test func reportPageIsTheReportsTargetsHTML() async throws {
        let site = try await TestSite()
        try await site.app.test(.router) { client in
            let response = try await client.execute(uri: "/reports/2019-2020", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.text.hasPrefix("<!DOCTYPE html>"))
            #expect(response.text.contains("2019/2020"))
        }
    }

    @Test func publishedFilesAreWhatTheServerAnswers() async throws {
        let site = try await TestSite()
        let content = SiteContent(snapshot: try await site.snapshot(), options: TestSite.options, pages: try PageRenderer())
        let files = Dictionary(try Publisher(content: content, today: LocalDate(year: 2021, month: 6, day: 30)!).files()
            .map { ($0.path, $0.text) }, uniquingKeysWith: { first, _ in first })
        #expect(files.count == (try expectedFileCount(content)))
        try await site.app.test(.router) { client in
            for (uri, file) in [("/feeds/district.ics", "feeds/district.ics"), ("/feeds/clusters/nevsky-exact.ics", "feeds/clusters/nevsky-exact.ics"),
                                ("/feeds/schools/344.ics", "feeds/schools/344.ics"), ("/", "index.html"),
                                ("/clusters/nevsky-exact", "clusters/nevsky-exact/index.html"),
                                ("/schools/344", "schools/344/index.html"), ("/events/nevsky-exact/9", "events/nevsky-exact/9/index.html"),
                                ("/reports/2019-2020", "reports/2019-2020/index.html"), ("/style.css", "style.css"),
                                ("/report.css", "report.css"), ("/schools", "schools/index.html"),
                                ("/calendar", "calendar/index.html"), ("/calendar/2019-2020", "calendar/2019-2020/index.html"),
                                ("/clusters/nevsky-exact/calendar/2020-2021", "clusters/nevsky-exact/calendar/2020-2021/index.html"),
                                ("/schools/344/calendar", "schools/344/calendar/index.html")] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.text == files[file], "\(uri)")
            }
        }
    }

    @Test func publishWritesTheFilesToADirectory() async throws {
        let site = try await TestSite()
        let content = SiteContent(snapshot: try await site.snapshot(), options: SiteOptions(), pages: try PageRenderer())
        let directory = try Fixtures.temporaryDirectory()
        let count = try publishSite(try await site.snapshot(), options: SiteOptions(), today: LocalDate(year: 2021, month: 6, day: 30)!,
                                    to: directory.path)
        #expect(count == (try expectedFileCount(content)))
        let feed = try String(contentsOf: directory.appendingPathComponent("feeds/clusters/nevsky-exact.ics"), encoding: .utf8)
        #expect(feed == (try content.feed(.cluster("nevsky-exact")).text))
        // Without a base URL the links stay site paths and there is no webcal:// link to offer.
        let index = try String(contentsOf: directory.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("value=\"/feeds/district.ics\""))
        #expect(!index.contains("webcal:"))
    }
}

/// Feeds (one-event files too), style sheets, pages, reports, the 404 page, the school list and every calendar (each scope's
/// years and the page it opens on).
func expectedFileCount(_ content: SiteContent) throws -> Int {
    let scopes: [CalendarScope] = [.district(nil)] + content.district.clusters.map { .cluster($0.id) }
        + content.district.schools.map { .school($0.id) }
    let calendars = try scopes.reduce(0) { $0 + 1 + (try content.calendarYears($1)).count }
    return content.feedPaths.count + content.eventFeedPaths.count + 2 + 1 + content.district.clusters.count + content.district.schools.count
        + content.snapshot.events.count + content.reportYears.count + 1 + 1 + calendars
}

let weekdays = ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"]

/// What `{{ }}` makes of a text.
func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        .replacingOccurrences(of: "'", with: "&#39;")
}
