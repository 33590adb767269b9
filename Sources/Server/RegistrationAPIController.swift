import Hummingbird
import Operations
import Planning
import Site
import Store

/// `POST /api/events/<c>/<n>/registrations` (anonymous: 201 `{id, status, link}`, 409 duplicate,
/// 422 without consent, closed or after the deadline), `GET` the same and
/// `POST /api/events/<c>/<n>/attendance` for the event's coordinator, its host school or a methodist.
struct RegistrationAPIController: Sendable {
    let workspace: Workspace

    var store: any DistrictStore { workspace.cache.store }

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .post("events/{cluster}/{number}/registrations") { request, context in
                let id = try eventID(context)
                let body = try await request.decodeInput(as: RegistrationBody.self, context: context)
                do {
                    let (registration, token) = try await Registering.register(body.registrant(), for: id, in: store, now: now(),
                                                                               notifier: workspace.notifier)
                    return try workspace.json(RegistrationAnswer(id: registration.id, status: registration.status.rawValue,
                                                                 link: workspace.options.absolute(privatePath(token))), status: .created)
                } catch StoreError.registration(let refusal) {
                    return try workspace.json(["errors": [FieldProblem(field: "email", refusal.description)]], status: .conflict)
                } catch let error as UnknownID {
                    throw SiteError(error)
                }
            }
            .get("events/{cluster}/{number}/registrations") { _, context in
                let id = try await recorder(context)
                return try workspace.json(RegistrationListJSON(id, try await store.registrations(for: id)))
            }
            .post("events/{cluster}/{number}/attendance") { request, context in
                let id = try await recorder(context)
                let body = try await request.decodeInput(as: AttendanceBody.self, context: context)
                do {
                    let list = try await Registering.attendance(id, present: body.present ?? [],
                                                                walkIns: (body.walkIns ?? []).map { $0.registrant(walkIn: true) },
                                                                in: store, now: now())
                    return try workspace.json(RegistrationListJSON(id, list))
                } catch StoreError.registration(let refusal) {
                    return try workspace.json(["errors": [FieldProblem(field: "walkIns", refusal.description)]], status: .conflict)
                }
            }
    }

    func recorder(_ context: AppRequestContext) async throws -> EventID { try await recordableEvent(context, in: store).1.id }
}

/// The signed-in account, the path's event and the snapshot, when the account may record the
/// event's outcome (its cluster's editors, its host school): 401, 404 or 403.
func recordableEvent(_ context: AppRequestContext, in store: some DistrictStore) async throws -> (Account, EventSnapshot, DistrictSnapshot) {
    let account = try context.requireAccount()
    let id = try eventID(context)
    let snapshot = try await store.snapshot()
    guard let item = snapshot.events.first(where: { $0.id == id }) else { throw SiteError(UnknownID.event(id, in: snapshot)) }
    try context.require(account.mayRecord(item.event))
    return (account, item, snapshot)
}

/// The registrant's private page.
func privatePath(_ token: String) -> String { "/registrations/\(token)" }
