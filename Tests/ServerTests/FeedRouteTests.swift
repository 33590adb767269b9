import Foundation
import Hummingbird
import HummingbirdTesting
import ICal
import Planning
@testable import Server
import Store
import Testing

@Suite struct FeedRouteTests {
    @Test func clusterFeedHasCalendarHeadersAndTheBytesOfMakeFeed() async throws {
        let site = try await TestSite()
        let snapshot = try await site.snapshot()
        let expected = try makeFeed(snapshot, scope: .cluster("nevsky-exact"), options: TestSite.options.feedOptions).text
        let newest = snapshot.events(inCluster: "nevsky-exact").map(\.state.lastModified).max()
        try await site.app.test(.router) { client in
            try await client.execute(uri: "/feeds/clusters/nevsky-exact.ics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/calendar; charset=utf-8")
                #expect(response.headers[.cacheControl] == "public, max-age=60")
                #expect(response.headers[.lastModified] == "Tue, 14 Nov 2023 22:23:20 GMT")
                #expect(newest == TestSite.scheduleTime)
                let etag = try #require(response.headers[.eTag])
                #expect(etag.hasPrefix("\"") && etag.hasSuffix("\"") && !etag.hasPrefix("W/"))
                #expect(response.text == expected)
                #expect(response.headers[.contentLength] == String(expected.utf8.count))
            }
        }
    }

    @Test(arguments: ["/feeds/district.ics", "/feeds/schools/344.ics", "/feeds/clusters/nevsky-exact.ics"])
    func everyFeedEqualsMakeFeedForItsScope(path: String) async throws {
        let site = try await TestSite()
        let scope: FeedScope = switch path {
        case "/feeds/district.ics": .district
        case "/feeds/schools/344.ics": .school("344")
        default: .cluster("nevsky-exact")
        }
        let expected = try makeFeed(try await site.snapshot(), scope: scope, options: TestSite.options.feedOptions).text
        try await site.app.test(.router) { client in
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == .ok)
            #expect(response.text == expected)
            #expect(response.text.contains("BEGIN:VEVENT"))
        }
    }

    @Test func matchingIfNoneMatchGets304WithTheSameValidators() async throws {
        let site = try await TestSite()
        try await site.app.test(.router) { client in
            let first = try await client.execute(uri: "/feeds/district.ics", method: .get)
            let etag = try #require(first.headers[.eTag])
            let second = try await client.execute(uri: "/feeds/district.ics", method: .get, headers: [.ifNoneMatch: etag])
            #expect(second.status == .notModified)
            #expect(second.body.readableBytes == 0)
            #expect(second.headers[.eTag] == etag)
            #expect(second.headers[.lastModified] == first.headers[.lastModified])
            let listed = try await client.execute(uri: "/feeds/district.ics", method: .get,
                                                  headers: [.ifNoneMatch: "\"other\", W/\(etag)"])
            #expect(listed.status == .notModified)
            let other = try await client.execute(uri: "/feeds/district.ics", method: .get, headers: [.ifNoneMatch: "\"other\""])
            #expect(other.status == .ok)
            #expect(other.body.readableBytes == first.body.readableBytes)
        }
    }

    @Test func ifModifiedSinceGets304UnlessTheFeedIsNewer() async throws {
        let site = try await TestSite()
        try await site.app.test(.router) { client in
            let uri = "/feeds/clusters/nevsky-exact.ics"
            let same = try await client.execute(uri: uri, method: .get, headers: [.ifModifiedSince: "Tue, 14 Nov 2023 22:23:20 GMT"])
            #expect(same.status == .notModified)
            let later = try await client.execute(uri: uri, method: .get, headers: [.ifModifiedSince: "Wed, 15 Nov 2023 00:00:00 GMT"])
            #expect(later.status == .notModified)
            let earlier = try await client.execute(uri: uri, method: .get, headers: [.ifModifiedSince: "Tue, 14 Nov 2023 22:23:19 GMT"])
            #expect(earlier.status == .ok)
            let garbage = try await client.execute(uri: uri, method: .get, headers: [.ifModifiedSince: "вчера"])
            #expect(garbage.status == .ok)
            // If-None-Match wins: a stale tag gets the body even with a recent date.
            let both = try await client.execute(uri: uri, method: .get,
                                                headers: [.ifNoneMatch: "\"stale\"", .ifModifiedSince: "Wed, 15 Nov 2023 00:00:00 GMT"])
            #expect(both.status == .ok)
        }
    }

    @Test func headAnswersTheHeadersOfGetWithoutABody() async throws {
        let site = try await TestSite()
        try await site.app.test(.router) { client in
            let get = try await client.execute(uri: "/feeds/schools/344.ics", method: .get)
            let head = try await client.execute(uri: "/feeds/schools/344.ics", method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentLength] == String(get.body.readableBytes))
            #expect(head.headers[.eTag] == get.headers[.eTag])
            #expect(head.headers[.contentType] == "text/calendar; charset=utf-8")
            let notModified = try await client.execute(uri: "/feeds/schools/344.ics", method: .head,
                                                       headers: [.ifNoneMatch: try #require(get.headers[.eTag])])
            #expect(notModified.status == .notModified)
        }
    }

    @Test func aWriteThroughTheStoreShowsUpInTheNextFeedWithANewETag() async throws {
        let site = try await TestSite()
        let id = EventID(cluster: "nevsky-exact", number: 3)
        try await site.app.test(.router) { client in
            let uri = "/feeds/clusters/nevsky-exact.ics"
            let before = try await client.execute(uri: uri, method: .get)
            let etag = try #require(before.headers[.eTag])
            #expect(!before.text.contains("DTSTART;TZID=Europe/Moscow:20200303T150000"))

            try await site.database.applySchedule([ScheduleChange(id: id, date: LocalDate(year: 2020, month: 3, day: 3), start: TimeOfDay("15:00"))],
                                            now: TestSite.scheduleTime + 100)

            let after = try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: etag])
            #expect(after.status == .ok)
            #expect(after.headers[.eTag] != etag)
            #expect(after.headers[.lastModified] == "Tue, 14 Nov 2023 22:25:00 GMT")
            #expect(after.text.contains("DTSTART;TZID=Europe/Moscow:20200303T150000"))
            #expect(after.text == (try makeFeed(try await site.snapshot(), scope: .cluster("nevsky-exact"),
                                                options: TestSite.options.feedOptions).text))
            // Feeds the write did not touch keep their tag.
            let school = try await client.execute(uri: "/feeds/schools/int-2.ics", method: .get)
            let again = try await client.execute(uri: "/feeds/schools/int-2.ics", method: .get,
                                                 headers: [.ifNoneMatch: try #require(school.headers[.eTag])])
            #expect(again.status == .notModified)
        }
    }

    @Test(arguments: ["/feeds/clusters/nope.ics", "/feeds/schools/9999.ics", "/feeds/clusters/nevsky-exact.txt", "/feeds/nothing.ics"])
    func unknownFeedsAre404Pages(path: String) async throws {
        let site = try await TestSite()
        try await site.app.test(.router) { client in
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.text.contains("<h1>Страница не найдена</h1>"))
        }
    }

    @Test func httpDatesAreIMFFixdate() {
        // RFC 9110's own example.
        #expect(httpDate(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
    }
}
