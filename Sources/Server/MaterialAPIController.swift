import Foundation
import Hummingbird
import Operations
import Planning
import Site

/// `POST /api/events/<cluster>/<number>/materials?name=FILE&title=…` (the file as the body) and
/// `DELETE /api/materials/<id>`: materials for scripts and the workspace, by whoever may edit the
/// event's cluster.
struct MaterialAPIController: Sendable {
    let workspace: Workspace

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .post("events/{cluster}/{number}/materials") { request, context in try await add(request, context) }
            .delete("materials/{id}") { _, context in try await remove(context) }
    }

    struct MaterialJSON: Encodable {
        var id: Int64
        var event: String
        var fileName: String
        var title: String
        var contentType: String
        var size: Int
        var url: String
    }

    func add(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let cluster = try context.parameters.decoded("cluster")
        guard let number = Int(try context.parameters.require("number")) else { throw HTTPError(.notFound) }
        let id = EventID(cluster: cluster, number: number)
        try context.require(account.mayEdit(cluster: cluster))
        let name = request.uri.queryParameters.get("name")?.removingPercentEncoding ?? ""
        // One byte over the limit is enough to refuse: the whole body is never held past it.
        let body: ByteBuffer
        do { body = try await request.body.collect(upTo: MaterialRules.maxBytes + 1) } catch {
            throw FieldProblems(field: "file", "файл больше \(MaterialRules.maxBytes >> 20) МБ")
        }
        let material: Material
        do {
            material = try await attachMaterial(to: id, fileName: name, title: request.uri.queryParameters.get("title")?.removingPercentEncoding,
                                                bytes: Array(buffer: body), now: Int64(Date().timeIntervalSince1970),
                                                in: workspace.cache.store)
        } catch let failure as Failure {
            throw FieldProblems(field: name.isEmpty ? "name" : "file", failure.lines.joined(separator: "; "))
        }
        return try workspace.json(MaterialJSON(id: material.id, event: id.description, fileName: material.fileName, title: material.title,
                                               contentType: material.contentType, size: material.size,
                                               url: workspace.options.absolute(SitePaths.material(material))), status: .created)
    }

    func remove(_ context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        // The snapshot's descriptions say whose it is, without reading the file itself.
        guard let id = Int64(try context.parameters.require("id")),
              let material = try await workspace.snapshot().materials.first(where: { $0.id == id }) else { throw HTTPError(.notFound) }
        try context.require(account.mayEdit(cluster: material.event.cluster))
        try await workspace.cache.store.removeMaterial(id)
        return Response(status: .noContent)
    }
}
