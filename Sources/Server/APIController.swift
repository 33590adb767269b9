import Hummingbird
import Planning
import Site

/// The read-only JSON API: `/api/clusters`, `/api/clusters/<id>`, `/api/events?cluster=&school=&year=`.
/// The shapes are `Site`'s, shared with `events --format json`.
struct APIController<Context: RequestContext>: Sendable {
    let cache: SiteCache

    var endpoints: RouteCollection<Context> {
        RouteCollection(context: Context.self)
            .get("clusters") { _, _ in
                let content = try await cache.content()
                return try json(content.district.clusters.map { ClusterJSON($0, content: content) })
            }
            .get("clusters/{id}") { _, context in
                let content = try await cache.content()
                let id = try context.parameters.decoded("id")
                guard let cluster = content.district.cluster(id) else {
                    throw SiteError(UnknownID(kind: .cluster, id: id, known: content.district.clusters.map(\.id)))
                }
                return try json(ClusterDetailJSON(cluster, content: content))
            }
            .get("openapi.yaml") { _, _ in
                Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8", .cacheControl: "no-cache"],
                         body: ResponseBody(byteBuffer: ByteBuffer(string: openAPIDocument)))
            }
            .get("events") { request, _ in
                let content = try await cache.content()
                return try json(try content.events(try query(request.uri.queryParameters)))
            }
    }

    func query(_ parameters: Parameters) throws(SiteError) -> EventQuery {
        var query = EventQuery(cluster: parameters.get("cluster"), school: parameters.get("school"))
        if let text = parameters.get("year") {
            guard let year = AcademicYear(text.replacingOccurrences(of: "-", with: "/")) else {
                throw .badParameter("year: ожидается учебный год вида 2019-2020 или 2019/2020, а не «\(text)»")
            }
            query.year = year
        }
        return query
    }

    func json(_ value: some Encodable) throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-cache"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: try SiteJSON.encode(value))))
    }
}
