import Hummingbird
import Operations
import Planning
import Site
import Store

/// Under `/manage/`: a cluster's subscriber counts and mail (`clusters/<id>/subscribers`), and per
/// event the printable sign-in sheet and the certificates of attendance (`events/<cluster>/<number>/
/// sign-in.docx`, `.../certificates.docx`) for its cluster's editors and its host school.
struct AttendanceController: Sendable {
    let workspace: Workspace
    let today: @Sendable (String) -> LocalDate

    static let docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    /// The same access checks as the rest of the workspace.
    var access: ManageController { ManageController(workspace: workspace, today: today) }

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get("clusters/{cluster}/subscribers") { _, context in
                let (account, cluster, snapshot) = try await access.editable(context)
                let store = workspace.cache.store
                let health = try await (workspace.feedCounter ?? FeedCounter()).health(from: store, now: now())
                var mail: [EventID: MailCounts] = [:]
                for item in snapshot.events(inCluster: cluster.id) where item.state.status != .removed {
                    let queued = try await store.outbox(event: item.id)
                    guard !queued.isEmpty else { continue }
                    mail[item.id] = MailCounts(sent: queued.filter { $0.sentAt != nil }.count,
                                               waiting: queued.filter { $0.sentAt == nil && $0.lastError == nil }.count,
                                               failed: queued.filter { $0.sentAt == nil && $0.lastError != nil }.count)
                }
                return workspace.html(workspace.pages.workspaceSubscribers(
                    frame: workspace.frame(account, context), cluster: cluster, snapshot: snapshot, health: health, mail: mail,
                    timezone: snapshot.district.timezone, options: workspace.options))
            }
            .get("events/{cluster}/{number}/sign-in.docx") { _, context in
                let (_, _, snapshot, item) = try await access.recordable(context)
                let data = try await AttendanceDocuments.signInSheet(item.id, in: snapshot, roster: workspace.roster,
                                                                     today: today(snapshot.district.timezone))
                return download(data, name: "sign-in-\(item.id.cluster)-\(item.id.number).docx")
            }
            .get("events/{cluster}/{number}/certificates.docx") { _, context in
                let (_, _, snapshot, item) = try await access.recordable(context)
                let data = try await AttendanceDocuments.certificates(item.id, in: snapshot, roster: workspace.roster,
                                                                      today: today(snapshot.district.timezone))
                return download(data, name: "certificates-\(item.id.cluster)-\(item.id.number).docx")
            }
    }

    /// Personal data inside: never cached, saved under an ASCII name.
    func download(_ data: some Collection<UInt8>, name: String) -> Response {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.".unicodeScalars)
        let safe = String(name.unicodeScalars.map { allowed.contains($0) ? Character($0) : "_" })
        return Response(status: .ok, headers: [.contentType: Self.docx, .cacheControl: "no-store",
                                               .contentDisposition: "attachment; filename=\"\(safe)\""],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
