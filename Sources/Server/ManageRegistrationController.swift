import Hummingbird
import Operations
import Planning
import Site
import Store

/// The coordinator's registration pages under `/manage/events/<c>/<n>/`: the list with attendance
/// (`registrations`), settings (`registration-settings`, editors only), `attendance`, `walk-ins`
/// and the CSV import (`registrations/import`). Whoever may record the event's outcome (its
/// cluster's editors and its host school) keeps the list; each post answers 303 back to it, or
/// the page with the problems (422) and the values typed.
struct ManageRegistrationController: Sendable {
    let workspace: Workspace

    var store: any DistrictStore { workspace.cache.store }

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get("events/{cluster}/{number}/registrations") { request, context in
                let (account, item, snapshot) = try await recordable(context)
                let notice = request.uri.queryParameters.get("revoked").map { _ in "Личная лента участника отозвана." }
                    ?? request.uri.queryParameters.get("saved").map { _ in "Сохранено." }
                return try await page(account, context, item, snapshot, problems: nil, notice: notice)
            }
            .post("events/{cluster}/{number}/registration-settings") { request, context in
                let (account, item, snapshot) = try await recordable(context)
                try context.require(account.mayEdit(cluster: item.id.cluster))
                let form = try await Form(request, context)
                let capacityText = (form.value("capacity") ?? "").trimmingWhitespace
                guard capacityText.isEmpty || Int(capacityText) != nil else {
                    return try await page(account, context, item, snapshot,
                                          problems: FieldProblems(field: "capacity", "ожидается целое число, а не «\(capacityText.excerpt())»"))
                }
                do {
                    _ = try await Registering.configure(item.id, open: form.value("open") == "yes", capacity: Int(capacityText),
                                                        deadline: form.value("deadline"), by: author(account, source: .web), in: store,
                                                        now: now())
                } catch let problems as FieldProblems {
                    return try await page(account, context, item, snapshot, problems: problems)
                }
                return workspace.redirect(path(item.id) + "?saved=1")
            }
            .post("events/{cluster}/{number}/attendance") { request, context in
                let (_, item, _) = try await recordable(context)
                let form = try await Form(request, context)
                let present = form.pairs.filter { $0.0 == "present" }.compactMap { Int64($0.1) }
                _ = try await Registering.attendance(item.id, present: present, walkIns: [], in: store, now: now())
                return workspace.redirect(path(item.id) + "?saved=1")
            }
            .post("events/{cluster}/{number}/walk-ins") { request, context in
                let (account, item, snapshot) = try await recordable(context)
                let form = try await Form(request, context)
                let present = try await store.registrations(for: item.id).filter(\.attended).map(\.id)
                let walkIn = RegistrationBody(name: form.value("name"), school: form.value("school"), position: form.value("position"),
                                              email: form.value("email"), consent: nil).registrant(walkIn: true)
                do {
                    _ = try await Registering.attendance(item.id, present: present, walkIns: [walkIn], in: store, now: now())
                } catch let problems as FieldProblems {
                    // The walk-in's own fields, named as on the form.
                    let named = problems.problems.map { FieldProblem(field: $0.field.map { String($0.split(separator: ".").last ?? "") }, $0.message) }
                    return try await page(account, context, item, snapshot, problems: FieldProblems(named))
                } catch StoreError.registration(let refusal) {
                    return try await page(account, context, item, snapshot, problems: FieldProblems(field: "email", refusal.description))
                }
                return workspace.redirect(path(item.id) + "?saved=1")
            }
            // A registrant's personal feed ended by the coordinator (a lost phone, a link shared by mistake).
            .post("events/{cluster}/{number}/registrations/{id}/revoke-feed") { _, context in
                let (_, item, _) = try await recordable(context)
                let id = Int64(try context.parameters.decoded("id"))
                guard let email = try await store.registrations(for: item.id).first(where: { $0.id == id })?.registrant.email else {
                    throw SiteError.unknownRegistration
                }
                let revoked = try await store.revokePersonalFeed(email: email)
                return workspace.redirect(path(item.id) + (revoked ? "?revoked=1" : "?saved=1"))
            }
            .post("events/{cluster}/{number}/registrations/import") { request, context in
                let (account, item, snapshot) = try await recordable(context)
                let form = try await Form(request, context)
                let csv = form.value("csv") ?? ""
                var view = RegistrationImportView(csv: csv)
                do {
                    let parsed = try RegistrationImport(csv: csv, schools: snapshot.district.registrationSchools(for: item.id.cluster))
                    view.mapping = parsed.mapping.map { (field: RegistrationImport.fieldNames[$0.field] ?? $0.field, header: $0.header) }
                    let added = try await parsed.store(for: item.id, attended: form.value("attended") == "yes", in: store, now: now())
                    return try await page(account, context, item, snapshot, problems: nil,
                                          importView: RegistrationImportView(mapping: view.mapping), notice: "Импортировано записей: \(added.count).")
                } catch let problems as FieldProblems {
                    view.problems = problems.problems.map(\.message)
                } catch StoreError.registration(let refusal) {
                    view.problems = [refusal.description]
                }
                return try await page(account, context, item, snapshot, problems: nil, importView: view, status: .unprocessableContent)
            }
    }

    func path(_ id: EventID) -> String { "/manage/events/" + SitePaths.segment(id.cluster) + "/\(id.number)/registrations" }

    func recordable(_ context: AppRequestContext) async throws -> (Account, EventSnapshot, DistrictSnapshot) {
        try await recordableEvent(context, in: store)
    }

    func page(_ account: Account, _ context: AppRequestContext, _ item: EventSnapshot, _ snapshot: DistrictSnapshot,
              problems: FieldProblems?, importView: RegistrationImportView = RegistrationImportView(), notice: String? = nil,
              status: HTTPResponse.Status? = nil) async throws -> Response {
        let list = try await store.registrations(for: item.id)
        return workspace.html(workspace.pages.workspaceRegistrations(
            frame: workspace.frame(account, context), item: item, district: snapshot.district,
            settings: snapshot.registrationSettings(item.id), registrations: list, mayEdit: account.mayEdit(cluster: item.id.cluster),
            problems: problems, importView: importView, notice: notice, options: workspace.options),
            status: status ?? (problems == nil ? .ok : .unprocessableContent))
    }
}
