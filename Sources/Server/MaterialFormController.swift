import Foundation
import Hummingbird
import Operations
import Planning
import Site

/// The event form's materials: `POST /manage/events/<cluster>/<number>/materials` (a
/// multipart upload: `file`, optional `title`) and `POST /manage/materials/<id>/remove`, by
/// whoever may edit the event's cluster. A refused file comes back on the event form beside the field.
struct MaterialFormController: Sendable {
    let manage: ManageController

    var workspace: Workspace { manage.workspace }

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .post("events/{cluster}/{number}/materials") { request, context in
                let (account, cluster, snapshot) = try await manage.editable(context)
                let item = try manage.event(context, snapshot)
                let body: ByteBuffer
                do { body = try await request.body.collect(upTo: MultipartForm.maxBytes) } catch {
                    return form(account, context, cluster, snapshot, item, FieldProblems(field: "file", "файл больше \(MaterialRules.maxBytes >> 20) МБ"))
                }
                let upload = try MultipartForm(body, contentType: request.headers[.contentType] ?? "")
                guard let file = upload.file("file"), let name = file.fileName, !name.isEmpty, file.body.readableBytes > 0 else {
                    return form(account, context, cluster, snapshot, item, FieldProblems(field: "file", "выберите файл"))
                }
                do {
                    _ = try await attachMaterial(to: item.id, fileName: name, title: upload.value("title"), bytes: Array(buffer: file.body),
                                                 now: now(), in: workspace.cache.store)
                } catch let failure as Failure {
                    return form(account, context, cluster, snapshot, item, FieldProblems(field: "file", failure.lines.joined(separator: "; ")))
                }
                return workspace.redirect(eventPath(item.id))
            }
            .post("materials/{id}/remove") { _, context in
                let account = try context.requireAccount()
                guard let id = Int64(try context.parameters.require("id")),
                      let material = try await workspace.snapshot().materials.first(where: { $0.id == id }) else {
                    throw HTTPError(.notFound)
                }
                try context.require(account.mayEdit(cluster: material.event.cluster))
                try await workspace.cache.store.removeMaterial(id)
                return workspace.redirect(eventPath(material.event))
            }
    }

    func eventPath(_ id: EventID) -> String { "/manage/events/" + SitePaths.segment(id.cluster) + "/\(id.number)" }

    func form(_ account: Account, _ context: AppRequestContext, _ cluster: Cluster, _ snapshot: DistrictSnapshot, _ item: EventSnapshot,
              _ problems: FieldProblems) -> Response {
        manage.eventForm(account, context, cluster, snapshot, number: item.id.number, revision: item.revision,
                         values: EventFormValues(item.planned), problems: problems, published: manage.published(item, snapshot),
                         status: .unprocessableContent)
    }
}
