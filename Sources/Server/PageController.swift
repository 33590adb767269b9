import Hummingbird
import Planning
import Reports
import Site

/// The HTML pages: `/`, `/schools` (with its search), `/clusters/<id>`, `/schools/<id>`,
/// `/events/<cluster>/<number>` and the calendars (`/calendar`, `/clusters/<id>/calendar`,
/// `/schools/<id>/calendar`, each also `/<year>` as `2019-2020`, or `?year=2019-2020`).
struct PageController<Context: RequestContext>: Sendable {
    let cache: SiteCache
    /// The day in the district's time zone: it decides the "next" events and the calendar's year.
    let today: @Sendable (String) -> LocalDate

    static var contentType: String { "text/html; charset=utf-8" }
    /// Pages follow the store like the feeds; revalidation with the ETag is cheap.
    static var cacheControl: String { "public, max-age=60" }
    static var styles: Resource {
        Resource(text: siteStylesheet, contentType: "text/css; charset=utf-8", lastModified: nil, cacheControl: cacheControl)
    }
    static var reportStyles: Resource {
        Resource(text: reportStylesheet, contentType: "text/css; charset=utf-8", lastModified: nil, cacheControl: cacheControl)
    }

    var endpoints: RouteCollection<Context> {
        RouteCollection(context: Context.self)
            .get { request, _ in try await page("page:/", request) { $0.indexPage(today: $1) } }
            .get("style.css") { request, _ in Self.styles.response(to: request) }
            .get("report.css") { request, _ in Self.reportStyles.response(to: request) }
            .get("schools") { request, _ in
                // Forms send a space as "+", which Hummingbird's query decoding leaves as it is.
                let query = String((request.uri.queryParameters.get("q") ?? "").map { $0 == "+" ? " " : $0 })
                guard !query.isEmpty else { return try await page("page:schools", request) { content, _ in try content.schoolsPage(query: "") } }
                // A search is built per request and never cached: visitors' queries must not fill memory.
                return Resource(text: try await cache.content().schoolsPage(query: query), contentType: Self.contentType,
                                lastModified: nil, cacheControl: Self.cacheControl).response(to: request)
            }
            .get("clusters/{id}") { request, context in
                let id = try context.parameters.decoded("id")
                return try await page("page:cluster:\(id)", request) { try $0.clusterPage(id, today: $1) }
            }
            .get("schools/{id}") { request, context in
                let id = try context.parameters.decoded("id")
                return try await page("page:school:\(id)", request) { try $0.schoolPage(id, today: $1) }
            }
            .get("events/{cluster}/{number}") { request, context in
                let cluster = try context.parameters.decoded("cluster")
                let number = try context.parameters.decoded("number")
                guard let n = Int(number) else { throw SiteError.unknownEvent("\(cluster)/\(number)") }
                return try await page("page:event:\(cluster)/\(n)", request) { content, _ in try content.eventPage(cluster: cluster, number: n) }
            }
            .get("calendar") { request, _ in try await calendar(.district(nil), request, context: nil) }
            .get("calendar/{year}") { request, context in try await calendar(.district(nil), request, context: context) }
            .get("clusters/{id}/calendar") { request, context in
                try await calendar(.cluster(try context.parameters.decoded("id")), request, context: nil)
            }
            .get("clusters/{id}/calendar/{year}") { request, context in
                try await calendar(.cluster(try context.parameters.decoded("id")), request, context: context)
            }
            .get("schools/{id}/calendar") { request, context in
                try await calendar(.school(try context.parameters.decoded("id")), request, context: nil)
            }
            .get("schools/{id}/calendar/{year}") { request, context in
                try await calendar(.school(try context.parameters.decoded("id")), request, context: context)
            }
    }

    /// A calendar for the year in the path (`context` given), in `?year=`, or else the current one.
    func calendar(_ scope: CalendarScope, _ request: Request, context: Context?) async throws -> Response {
        let text = try context?.parameters.decoded("year") ?? request.uri.queryParameters.get("year")
        var year: AcademicYear?
        if let text {
            guard let parsed = AcademicYear(text.replacingOccurrences(of: "-", with: "/")) else { throw SiteError.unknownYear(text) }
            year = parsed
        }
        return try await page("page:calendar:\(scope):\(year?.description ?? "")", request) { content, today in
            try content.calendarPage(scope, year: year, today: today)
        }
    }

    /// A cached page of the current store revision; the day is part of the key, since pages show the next events.
    func page(_ key: String, _ request: Request, _ make: @escaping (SiteContent, LocalDate) throws -> String) async throws -> Response {
        let timezone = try await cache.content().district.timezone
        let day = today(timezone)
        return try await cache.resource("\(key):\(day)") { content in
            Resource(text: try make(content, day), contentType: Self.contentType, lastModified: nil, cacheControl: Self.cacheControl)
        }.response(to: request)
    }
}
