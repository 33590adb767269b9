import Foundation
import Hummingbird
import Operations
import Planning
import Site
import Store

/// The event writes of the JSON API: `PATCH`/`DELETE /api/events/<cluster>/<number>`,
/// `POST /api/events/<cluster>/<number>/outcome`, `POST /api/clusters/<cluster>/events`.
/// Coordinators write their own clusters, methodists all; a school records outcomes of events it hosts.
struct EventWriteController: Sendable {
    let workspace: Workspace
    let today: @Sendable (String) -> LocalDate

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .patch("events/{cluster}/{number}") { request, context in
                let (account, id) = try editor(context)
                let body = try await request.decodeInput(as: EventBody.self, context: context)
                return try await answering {
                    if let r = body.registration {
                        _ = try await Registering.configure(id, open: r.open, capacity: r.capacity, deadline: r.deadline, by: author(account),
                                                            in: workspace.cache.store, now: now())
                    }
                    let item = try await EventEditing.edit(id, body.fields, expecting: body.revision ?? ifMatch(request),
                                                           by: author(account), in: workspace.cache.store, now: now())
                    return try await eventJSON(item)
                }
            }
            .delete("events/{cluster}/{number}") { request, context in
                let (account, id) = try editor(context)
                return try await answering {
                    let item = try await EventEditing.remove(id, expecting: ifMatch(request), by: author(account),
                                                             in: workspace.cache.store, now: now(), notifier: workspace.notifier)
                    return try await eventJSON(item)
                }
            }
            // `{id}`, as the read-only `/api/clusters/{id}` names it: one router tree.
            .post("clusters/{id}/events") { request, context in
                let account = try context.requireAccount()
                let cluster = try context.parameters.decoded("id")
                try context.require(account.mayEdit(cluster: cluster))
                let body = try await request.decodeInput(as: EventBody.self, context: context)
                return try await answering {
                    let item = try await EventEditing.add(to: cluster, body.fields, by: author(account), in: workspace.cache.store,
                                                          now: now())
                    return try await eventJSON(item, status: .created)
                }
            }
            .post("events/{cluster}/{number}/outcome") { request, context in
                let account = try context.requireAccount()
                let id = try eventID(context)
                let snapshot = try await workspace.snapshot()
                guard let item = snapshot.events.first(where: { $0.id == id }) else { throw SiteError(UnknownID.event(id, in: snapshot)) }
                try context.require(account.mayRecord(item.event))
                var body = try await request.decodeInput(as: OutcomeBody.self, context: context)
                if body.status == "held", body.participants == nil, body.schools == nil {
                    // Held without figures: they come from attendance, when anyone was checked in.
                    let figures = RegistrationRules.attendance(try await workspace.cache.store.registrations(for: id))
                    if figures.participants > 0 {
                        body.participants = figures.participants
                        body.schools = figures.schools
                    }
                }
                return try await answering {
                    let recorded = try await EventEditing.record(try body.entry(), for: id, confirm: body.confirm == true,
                                                                 by: author(account), in: workspace.cache.store, now: now(),
                                                                 today: today(snapshot.district.timezone), notifier: workspace.notifier)
                    return try await eventJSON(recorded)
                }
            }
    }

    /// The signed-in account that may edit the path's cluster, and the event id; 401, 403 or 404.
    func editor(_ context: AppRequestContext) throws -> (Account, EventID) {
        let account = try context.requireAccount()
        let id = try eventID(context)
        try context.require(account.mayEdit(cluster: id.cluster))
        return (account, id)
    }

    /// The event as written, with its revision as the ETag: the `If-Match` of the next write.
    func eventJSON(_ item: EventSnapshot, status: HTTPResponse.Status = .ok) async throws -> Response {
        let snapshot = try await workspace.snapshot()
        var response = try workspace.json(WorkspaceEventJSON(item, district: snapshot.district, options: workspace.options), status: status)
        response.headers[.eTag] = "\"\(item.revision)\""
        return response
    }
}

/// Shared by the write controllers: ids from the path, the author, the clock, and the answers of
/// refused writes (422 by `ErrorMiddleware`; 409 for a stale copy or a warning to confirm).
func eventID(_ context: AppRequestContext) throws -> EventID {
    let cluster = try context.parameters.decoded("cluster")
    guard let number = Int(try context.parameters.decoded("number")) else {
        throw SiteError.badParameter("номер мероприятия: ожидается целое число")
    }
    return EventID(cluster: cluster, number: number)
}

func author(_ account: Account, source: AuditSource = .api) -> Author { Author(login: account.login, source: source) }

func now() -> Int64 { Int64(Date().timeIntervalSince1970) }

/// `If-Match: "<revision>"` (the `revision` of the last answer), for scripts that send no body revision.
func ifMatch(_ request: Request) -> Int? {
    request.headers[.ifMatch].flatMap { Int($0.trimmingCharacters(in: CharacterSet(charactersIn: "\" W/"))) }
}

func answering(_ body: () async throws -> Response) async throws -> Response {
    do {
        return try await body()
    } catch let error as NeedsConfirmation {
        return conflictJSON(WarningsJSON(error.warnings))
    } catch let conflict as EditConflict {
        return conflictJSON(WarningsJSON(conflict: StoreError.conflict(conflict.id).description, changed: conflict.changes,
                                         revision: conflict.revision))
    } catch StoreError.conflict(let id) {
        return conflictJSON(WarningsJSON([StoreError.conflict(id).description]))
    } catch let error as UnknownID {
        throw SiteError(error)
    }
}

private func conflictJSON(_ body: WarningsJSON) -> Response {
    Response(status: .conflict, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
             body: ResponseBody(byteBuffer: ByteBuffer(bytes: (try? SiteJSON.encode(body)) ?? [])))
}
