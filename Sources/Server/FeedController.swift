import Hummingbird
import ICal
import Planning
import Site

/// `/feeds/district.ics`, `/feeds/clusters/<id>.ics`, `/feeds/schools/<id>.ics`: the iCalendar
/// feeds, built once per store revision and answered from memory with ETag and Last-Modified.
struct FeedController<Context: RequestContext>: Sendable {
    let cache: SiteCache

    /// Subscribers poll; a minute of freshness spares the server without hiding a change for long.
    static var cacheControl: String { "public, max-age=60" }

    var endpoints: RouteCollection<Context> {
        RouteCollection(context: Context.self)
            .get("district.ics") { request, _ in try await feed(.district, request) }
            .get("clusters/{id}.ics") { request, context in try await feed(.cluster(context.parameters.decoded("id")), request) }
            .get("schools/{id}.ics") { request, context in try await feed(.school(context.parameters.decoded("id")), request) }
            .get("events/{cluster}/{number}.ics") { request, context in
                let cluster = try context.parameters.decoded("cluster")
                let number = try context.parameters.decoded("number")
                guard let n = Int(number) else { throw SiteError.unknownEvent("\(cluster)/\(number)") }
                return try await feed(.event(EventID(cluster: cluster, number: n)), request)
            }
    }

    func feed(_ scope: FeedScope, _ request: Request) async throws -> Response {
        try await cache.resource(Self.key(scope)) { content in
            let (text, lastModified) = try content.feed(scope)
            return Resource(text: text, contentType: "text/calendar; charset=utf-8", lastModified: lastModified,
                            cacheControl: Self.cacheControl)
        }.response(to: request)
    }

    static func key(_ scope: FeedScope) -> String {
        switch scope {
        case .district: "feed:district"
        case .cluster(let id): "feed:cluster:\(id)"
        case .school(let id): "feed:school:\(id)"
        case .event(let id): "feed:event:\(id)"
        }
    }
}

extension Parameters {
    /// A path parameter with its percent-escapes decoded (Hummingbird hands them over raw).
    func decoded(_ name: String) throws -> String {
        let raw = try require(name)
        return raw.removingPercentEncoding ?? raw
    }
}
