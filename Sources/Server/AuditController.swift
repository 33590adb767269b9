import Hummingbird
import Planning
import Site

/// `GET /api/audit?cluster=ID`: who changed what and when, newest first. Coordinators read their
/// own clusters' log; without `cluster`, methodists read all of it.
struct AuditController: Sendable {
    let workspace: Workspace

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get("audit") { request, context in
                let account = try context.requireAccount()
                let cluster = request.uri.queryParameters.get("cluster")
                try context.require(cluster.map { account.mayEdit(cluster: $0) } ?? account.mayManageUsers)
                return try workspace.json(try await workspace.cache.store.auditLog(cluster: cluster).map(AuditJSON.init))
            }
    }
}
