import Hummingbird
import Planning
import Site

/// `/reports/2019-2020`: the annual activity report of the Reports target.
struct ReportController<Context: RequestContext>: Sendable {
    let cache: SiteCache
    /// The day the report is "as of", in the district's time zone; a closure so tests fix it.
    let today: @Sendable (String) -> LocalDate

    var endpoints: RouteCollection<Context> {
        RouteCollection(context: Context.self)
            .get("{year}") { request, context in
                let text = try context.parameters.decoded("year")
                guard let year = AcademicYear(text.replacingOccurrences(of: "-", with: "/")) else {
                    throw SiteError.unknownYear(text)
                }
                let timezone = try await cache.current().content?.district.timezone ?? "Europe/Moscow"
                let day = today(timezone)
                // The report says "as of" a day, so the day is part of what is cached.
                return try await cache.resource("report:\(year):\(day)") { content in
                    Resource(text: try content.reportPage(year: year, today: day),
                             contentType: PageController<Context>.contentType, lastModified: nil,
                             cacheControl: PageController<Context>.cacheControl)
                }.response(to: request)
            }
    }
}
