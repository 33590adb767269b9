import Foundation
import Hummingbird
import Planning

/// `/materials/<id>/<file name>`: a file attached to an event, read from the store on each request
/// (materials are fetched rarely, and never kept in memory with the site).
struct MaterialController<Context: RequestContext>: Sendable {
    let cache: SiteCache

    var endpoints: RouteCollection<Context> {
        RouteCollection(context: Context.self)
            .get("{id}/{name}") { request, context in try await material(request, context) }
    }

    func material(_ request: Request, _ context: Context) async throws -> Response {
        let name = try context.parameters.decoded("name")
        guard let id = Int64(try context.parameters.require("id")),
              let (material, bytes) = try await cache.store.materialContent(id), material.fileName == name else {
            throw HTTPError(.notFound, message: "нет такого материала")
        }
        let etag = "\"m\(material.id)-\(material.uploadedAt)\""
        var headers: HTTPFields = [
            .contentType: material.contentType, .eTag: etag, .cacheControl: "public, max-age=3600",
            // Saved under its own name, never shown inline: an uploaded file cannot act as a page of the site.
            .contentDisposition: "attachment; filename*=UTF-8''\(SitePaths.segment(material.fileName))",
        ]
        headers[.lastModified] = httpDate(material.uploadedAt)
        if request.headers[.ifNoneMatch] == etag { return Response(status: .notModified, headers: headers) }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
