import Hummingbird
import Operations
import Planning
import Site

/// `POST /api/schedule` `{cluster, publish}`: with `publish: false` the preview (new, moved and
/// unplaced events with the scheduler's reasons), nothing written; with `true` the same applied,
/// SEQUENCE raised, the version kept.
struct ScheduleController: Sendable {
    let workspace: Workspace
    let today: @Sendable (String) -> LocalDate

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .post("schedule") { request, context in
                let account = try context.requireAccount()
                let body = try await request.decodeInput(as: ScheduleBody.self, context: context)
                try context.require(account.mayEdit(cluster: body.cluster))
                return try await answering {
                    let store = workspace.cache.store
                    let timezone = try await workspace.snapshot().district.timezone
                    if body.publish {
                        let (preview, version) = try await SchedulePreview.publish(cluster: body.cluster, by: author(account), in: store,
                                                                                   now: now(), today: today(timezone),
                                                                                   notifier: workspace.notifier)
                        return try workspace.json(PreviewJSON(preview, version: version))
                    }
                    let preview = try await SchedulePreview.preview(cluster: body.cluster, in: store, now: now(), today: today(timezone))
                    return try workspace.json(PreviewJSON(preview, version: nil))
                }
            }
    }
}

/// The preview or publish answer.
struct PreviewJSON: Encodable {
    struct Entry: Encodable {
        var id: String
        var number: Int
        var title: String
        /// `placed`, `moved`, `unplaced`, `unchanged`.
        var kind: String
        var old: TimeJSON
        var new: TimeJSON
        var pending: Bool
        var explanation: [String]
    }
    var cluster: String
    /// Whether this answer stored the schedule; `version` is the number it was kept under.
    var published: Bool
    var version: Int?
    var changes: Bool
    var events: [Entry]
    var warnings: [String]

    init(_ p: SchedulePreview, version: Int?) {
        cluster = p.cluster
        published = version != nil
        self.version = version
        changes = p.changesSomething
        events = p.entries.map { e in
            Entry(id: e.id.description, number: e.id.number, title: e.title, kind: e.kind.rawValue, old: TimeJSON(e.old),
                  new: TimeJSON(e.new), pending: e.hasPending, explanation: e.explanation)
        }
        warnings = p.orderWarnings
    }
}
