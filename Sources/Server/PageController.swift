import Hummingbird
import Planning
import Site

/// The HTML pages: `/`, `/clusters/<id>`, `/schools/<id>`, `/events/<cluster>/<number>`.
struct PageController<Context: RequestContext>: Sendable {
    let cache: SiteCache

    static var contentType: String { "text/html; charset=utf-8" }
    /// Pages follow the store like the feeds; revalidation with the ETag is cheap.
    static var cacheControl: String { "public, max-age=60" }

    var endpoints: RouteCollection<Context> {
        RouteCollection(context: Context.self)
            .get { request, _ in try await page("page:/", request) { $0.indexPage() } }
            .get("clusters/{id}") { request, context in
                let id = try context.parameters.decoded("id")
                return try await page("page:cluster:\(id)", request) { try $0.clusterPage(id) }
            }
            .get("schools/{id}") { request, context in
                let id = try context.parameters.decoded("id")
                return try await page("page:school:\(id)", request) { try $0.schoolPage(id) }
            }
            .get("events/{cluster}/{number}") { request, context in
                let cluster = try context.parameters.decoded("cluster")
                let number = try context.parameters.decoded("number")
                guard let n = Int(number) else { throw SiteError.unknownEvent("\(cluster)/\(number)") }
                return try await page("page:event:\(cluster)/\(n)", request) { try $0.eventPage(cluster: cluster, number: n) }
            }
    }

    func page(_ key: String, _ request: Request, _ make: @escaping (SiteContent) throws -> String) async throws -> Response {
        try await cache.resource(key) { content in
            Resource(text: try make(content), contentType: Self.contentType, lastModified: nil, cacheControl: Self.cacheControl)
        }.response(to: request)
    }
}
