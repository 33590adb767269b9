import Foundation
import Hummingbird
import Operations
import Planning
import Site
import Store

/// The workspace pages under `/manage/`: the start page, a cluster with its events, the event,
/// new-event and outcome forms, the schedule preview with its publish button, versions, the audit
/// log and the cluster's plan file. Forms post back to the same address; a problem re-renders the
/// form (422) with the values typed, a success answers 303 to the cluster page.
struct ManageController: Sendable {
    let workspace: Workspace
    let today: @Sendable (String) -> LocalDate

    var store: any DistrictStore { workspace.cache.store }

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get { _, context in try await home(context) }
            .get("clusters/{cluster}") { request, context in
                let (account, cluster, snapshot) = try await editable(context)
                let rows = try workspace.cache.fragment("cluster-rows/" + cluster.id) {
                    workspace.pages.workspaceClusterRows(cluster, snapshot: $0, options: workspace.options)
                }
                return workspace.html(workspace.pages.workspaceCluster(
                    frame: workspace.frame(account, context), cluster: cluster, district: snapshot.district, rows: rows,
                    notice: request.uri.queryParameters.get("saved").map { _ in "Сохранено." }, options: workspace.options))
            }
            .get("clusters/{cluster}/settings") { _, context in
                let (account, cluster, snapshot) = try await editable(context)
                return settingsForm(account, context, cluster, snapshot.district, values: ClusterSettingsValues(cluster), problems: nil)
            }
            .post("clusters/{cluster}/settings") { request, context in
                let (account, cluster, snapshot) = try await editable(context)
                let form = try await Form(request, context)
                let fields = form.clusterSettings
                do {
                    _ = try await ClusterEditing.edit(cluster.id, fields, by: author(account, source: .web), in: store, now: now())
                    return workspace.redirect(clusterPath(cluster.id) + "?saved=1")
                } catch let problems as FieldProblems {
                    return settingsForm(account, context, cluster, snapshot.district, values: ClusterSettingsValues(fields),
                                        problems: problems, status: .unprocessableContent)
                }
            }
            .get("clusters/{cluster}/events/new") { _, context in
                let (account, cluster, snapshot) = try await editable(context)
                var values = EventFormValues()
                values.host = cluster.lead
                values.participants = cluster.members
                values.format = EventFormat.seminar.rawValue
                return eventForm(account, context, cluster, snapshot, number: nil, revision: nil, values: values, problems: nil)
            }
            .post("clusters/{cluster}/events") { request, context in
                let (account, cluster, snapshot) = try await editable(context)
                let form = try await Form(request, context)
                let fields = form.eventFields
                do {
                    _ = try await EventEditing.add(to: cluster.id, fields, by: author(account, source: .web), in: store, now: now())
                    return workspace.redirect(clusterPath(cluster.id) + "?saved=1")
                } catch let problems as FieldProblems {
                    return eventForm(account, context, cluster, snapshot, number: nil, revision: nil, values: EventFormValues(fields),
                                     problems: problems, status: .unprocessableContent)
                }
            }
            .get("events/{cluster}/{number}") { _, context in
                let (account, cluster, snapshot) = try await editable(context)
                let item = try event(context, snapshot)
                return eventForm(account, context, cluster, snapshot, number: item.id.number, revision: item.revision,
                                 values: EventFormValues(item.planned), problems: nil, published: published(item, snapshot))
            }
            .post("events/{cluster}/{number}") { request, context in
                let (account, cluster, snapshot) = try await editable(context)
                let item = try event(context, snapshot)
                let form = try await Form(request, context)
                let fields = form.eventFields
                do {
                    _ = try await EventEditing.edit(item.id, fields, expecting: form.int("revision"), by: author(account, source: .web),
                                                    in: store, now: now())
                    return workspace.redirect(clusterPath(cluster.id) + "?saved=1")
                } catch let problems as FieldProblems {
                    return eventForm(account, context, cluster, snapshot, number: item.id.number, revision: item.revision,
                                     values: EventFormValues(fields), problems: problems, published: published(item, snapshot),
                                     status: .unprocessableContent)
                } catch let conflict as EditConflict {
                    // The values typed stay; the form now carries the stored revision, so saving again overwrites knowingly.
                    let lines = [StoreError.conflict(conflict.id).description + ". Пока вы правили, изменили:"]
                        + conflict.lines
                    return eventForm(account, context, cluster, snapshot, number: item.id.number, revision: conflict.revision,
                                     values: EventFormValues(fields),
                                     problems: FieldProblems(lines.map { FieldProblem(field: nil, $0) }),
                                     published: published(item, snapshot), status: .conflict)
                } catch StoreError.conflict(let id) {
                    let latest = try await workspace.snapshot()
                    return eventForm(account, context, cluster, latest, number: item.id.number,
                                     revision: latest.events.first { $0.id == id }?.revision,
                                     values: EventFormValues(fields),
                                     problems: FieldProblems(field: nil, StoreError.conflict(id).description),
                                     published: published(item, snapshot), status: .conflict)
                }
            }
            .post("events/{cluster}/{number}/remove") { request, context in
                let (account, cluster, snapshot) = try await editable(context)
                let item = try event(context, snapshot)
                let form = try await Form(request, context)
                _ = try await EventEditing.remove(item.id, expecting: form.int("revision"), by: author(account, source: .web),
                                                  in: store, now: now(), notifier: workspace.notifier)
                return workspace.redirect(clusterPath(cluster.id) + "?saved=1")
            }
            .get("events/{cluster}/{number}/outcome") { _, context in
                let (account, cluster, snapshot, item) = try await recordable(context)
                var values = OutcomeFormValues()
                values.schools = item.state.outcome?.schools ?? []
                values.date = (item.state.outcome?.heldOn ?? item.state.date)?.description ?? ""
                // Not recorded yet: attendance offers the participants and their schools.
                let attended = RegistrationRules.attendance(try await store.registrations(for: item.id))
                if item.state.outcome?.participants == nil, attended.participants > 0 {
                    values.participants = String(attended.participants)
                    values.schools = attended.schools
                }
                return outcomeForm(account, context, item, cluster, snapshot, values, problems: nil, warnings: [])
            }
            .post("events/{cluster}/{number}/outcome") { request, context in
                let (account, cluster, snapshot, item) = try await recordable(context)
                let form = try await Form(request, context)
                let values = form.outcomeValues
                let body = OutcomeBody(status: values.status, date: values.date, participants: Int(values.participants),
                                       schools: values.schools, note: values.note, products: values.products, reason: values.reason)
                do {
                    let entry = try outcomeEntry(body, participants: values.participants)
                    _ = try await EventEditing.record(entry, for: item.id, confirm: form.value("confirm") == "true",
                                                      by: author(account, source: .web), in: store, now: now(),
                                                      today: today(snapshot.district.timezone), notifier: workspace.notifier)
                    return workspace.redirect(account.mayEdit(cluster: cluster.id) ? clusterPath(cluster.id) + "?saved=1" : "/manage/")
                } catch let problems as FieldProblems {
                    return outcomeForm(account, context, item, cluster, snapshot, values, problems: problems, warnings: [],
                                       status: .unprocessableContent)
                } catch let ask as NeedsConfirmation {
                    return outcomeForm(account, context, item, cluster, snapshot, values, problems: nil, warnings: ask.warnings,
                                       status: .conflict)
                }
            }
            .get("clusters/{cluster}/schedule") { _, context in
                let (account, cluster, snapshot) = try await editable(context)
                let preview = try SchedulePreview.make(cluster: cluster.id, from: snapshot, today: today(snapshot.district.timezone),
                                                       now: now())
                return workspace.html(workspace.pages.workspacePreview(
                    frame: workspace.frame(account, context), cluster: cluster, rows: preview.entries.map(previewRow),
                    warnings: preview.orderWarnings, changes: preview.changesSomething, timezone: snapshot.district.timezone,
                    options: workspace.options))
            }
            .post("clusters/{cluster}/schedule") { _, context in
                let (account, cluster, snapshot) = try await editable(context)
                let (_, version) = try await SchedulePreview.publish(cluster: cluster.id, by: author(account, source: .web), in: store,
                                                                     now: now(), today: today(snapshot.district.timezone),
                                                                     notifier: workspace.notifier)
                return workspace.redirect(clusterPath(cluster.id) + "/versions" + (version.map { "?published=\($0)" } ?? ""))
            }
            .get("clusters/{cluster}/versions") { request, context in
                let (account, cluster, snapshot) = try await editable(context)
                let notice = request.uri.queryParameters.get("published").map { "Опубликована версия \($0)." }
                return workspace.html(workspace.pages.workspaceVersions(
                    frame: workspace.frame(account, context), cluster: cluster, versions: try await store.scheduleVersions(cluster: cluster.id),
                    snapshot: snapshot, notice: notice, options: workspace.options))
            }
            .get("clusters/{cluster}/audit") { _, context in
                let (account, cluster, snapshot) = try await editable(context)
                return workspace.html(workspace.pages.workspaceAudit(
                    frame: workspace.frame(account, context), cluster: cluster, entries: try await store.auditLog(cluster: cluster.id),
                    timezone: snapshot.district.timezone, options: workspace.options))
            }
            .get("clusters/{cluster}/plan.yaml") { _, context in
                let (_, cluster, snapshot) = try await editable(context)
                return Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8", .cacheControl: "no-store",
                                                       .contentDisposition: "attachment; filename=\"\(cluster.id).yaml\""],
                                body: ResponseBody(byteBuffer: ByteBuffer(string: try clusterPlanFile(cluster, in: snapshot))))
            }
    }

    // MARK: Access

    func home(_ context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let snapshot = try await workspace.snapshot()
        var support: [String]?
        if account.mayManageSupport, let latest = try await store.groupings().first {
            support = SupportProgrammes.homeLines(latest, try await SupportProgrammes.monitoring(latest, in: store))
        }
        let day = today(snapshot.district.timezone)
        // What the lists show depends on the account's role and clusters (or school), not on who it is.
        let scope = [account.role.rawValue, account.school ?? ""] + account.clusters
        let lists = try workspace.cache.fragment("home-lists/\(day)/" + scope.joined(separator: "\u{1F}")) {
            workspace.pages.workspaceHomeLists(account: account, snapshot: $0, today: day, options: workspace.options)
        }
        return workspace.html(workspace.pages.workspaceHome(frame: workspace.frame(account, context), account: account,
                                                            district: snapshot.district, lists: lists, support: support,
                                                            options: workspace.options))
    }

    /// The signed-in account that may edit the path's cluster: 401, 404 or 403.
    func editable(_ context: AppRequestContext) async throws -> (Account, Cluster, DistrictSnapshot) {
        let account = try context.requireAccount()
        let id = try context.parameters.decoded("cluster")
        let snapshot = try await workspace.snapshot()
        guard let cluster = snapshot.district.cluster(id) else {
            throw SiteError(UnknownID(kind: .cluster, id: id, known: snapshot.district.clusters.map(\.id)))
        }
        try context.require(account.mayEdit(cluster: id))
        return (account, cluster, snapshot)
    }

    /// The account that may record the path's event (its cluster's editors, or the host school).
    func recordable(_ context: AppRequestContext) async throws -> (Account, Cluster, DistrictSnapshot, EventSnapshot) {
        let account = try context.requireAccount()
        let snapshot = try await workspace.snapshot()
        let item = try event(context, snapshot)
        guard let cluster = snapshot.district.cluster(item.id.cluster) else { throw SiteError.unknownCluster(item.id.cluster) }
        try context.require(account.mayRecord(item.event))
        return (account, cluster, snapshot, item)
    }

    func event(_ context: AppRequestContext, _ snapshot: DistrictSnapshot) throws -> EventSnapshot {
        let id = try eventID(context)
        guard let item = snapshot.events.first(where: { $0.id == id }) else { throw SiteError(UnknownID.event(id, in: snapshot)) }
        return item
    }

    func clusterPath(_ id: String) -> String { "/manage/clusters/" + SitePaths.segment(id) }

    // MARK: Pages

    func eventForm(_ account: Account, _ context: AppRequestContext, _ cluster: Cluster, _ snapshot: DistrictSnapshot, number: Int?,
                   revision: Int?, values: EventFormValues, problems: FieldProblems?, published: String? = nil,
                   status: HTTPResponse.Status = .ok) -> Response {
        workspace.html(workspace.pages.workspaceEventForm(
            frame: workspace.frame(account, context), cluster: cluster, district: snapshot.district, number: number, revision: revision,
            values: values, problems: problems, published: published,
            materials: number.map { n in snapshot.materials.filter { $0.event == EventID(cluster: cluster.id, number: n) } } ?? [],
            options: workspace.options), status: status)
    }

    func outcomeForm(_ account: Account, _ context: AppRequestContext, _ item: EventSnapshot, _ cluster: Cluster,
                     _ snapshot: DistrictSnapshot, _ values: OutcomeFormValues, problems: FieldProblems?, warnings: [String],
                     status: HTTPResponse.Status = .ok) -> Response {
        workspace.html(workspace.pages.workspaceOutcomeForm(
            frame: workspace.frame(account, context), item: item, cluster: cluster, district: snapshot.district, values: values,
            problems: problems, warnings: warnings, options: workspace.options), status: status)
    }

    /// "17.10.2019 15:00, ГБОУ СОШ № 344": what subscribers see now, for the edit form.
    func published(_ item: EventSnapshot, _ snapshot: DistrictSnapshot) -> String {
        "\(item.publishedTime), \(item.event.timing.russian), \(snapshot.district.place(of: item.event).name)"
    }

    func settingsForm(_ account: Account, _ context: AppRequestContext, _ cluster: Cluster, _ district: District,
                      values: ClusterSettingsValues, problems: FieldProblems?, status: HTTPResponse.Status = .ok) -> Response {
        workspace.html(workspace.pages.workspaceClusterSettings(frame: workspace.frame(account, context), cluster: cluster, district: district,
                                                                values: values, problems: problems, options: workspace.options),
                       status: status)
    }

    func previewRow(_ e: SchedulePreview.Entry) -> PreviewRow {
        let kind = switch e.kind {
        case .placed: "назначено"
        case .moved: "перенесено"
        case .unplaced: "не назначено"
        case .unchanged: e.hasPending ? "изменится площадка или длительность" : "без изменений"
        }
        return PreviewRow(number: e.id.number, title: e.title, kind: kind, old: e.old.description, new: e.new.description,
                          pending: e.hasPending, explanation: e.explanation)
    }

    /// The participant count of a form is text: a word there is a problem of that field.
    func outcomeEntry(_ body: OutcomeBody, participants: String) throws -> OutcomeEntry {
        if body.status == "held", !participants.trimmingWhitespace.isEmpty, Int(participants.trimmingWhitespace) == nil {
            throw FieldProblems(field: "participants", "ожидается целое число, а не «\(participants.excerpt())»")
        }
        return try body.entry()
    }
}

/// A urlencoded form body; lists are one field of ids separated by commas or spaces.
struct Form {
    var pairs: [(String, String)]

    init(_ request: Request, _ context: AppRequestContext) async throws {
        let buffer = try await request.body.collect(upTo: 1 << 20)
        let text = String(buffer: buffer).replacingOccurrences(of: "+", with: "%20")
        var components = URLComponents()
        components.percentEncodedQuery = text
        pairs = (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }
    }

    func value(_ key: String) -> String? { pairs.first { $0.0 == key }?.1 }
    func values(_ key: String) -> [String] {
        (value(key) ?? "").split { $0 == "," || $0 == ";" || $0.isWhitespace }.map(String.init)
    }
    func int(_ key: String) -> Int? { value(key).flatMap { Int($0) } }

    /// The event form: every field is sent, so an empty list field empties the list.
    var eventFields: EventFields {
        EventFields(format: value("format"), title: value("title"), purpose: value("purpose") ?? "", month: value("month") ?? "",
                    date: value("date") ?? "", from: value("from") ?? "", to: value("to") ?? "", start: value("start") ?? "",
                    duration: value("duration"), host: value("host"), participants: values("participants"), tasks: values("tasks"),
                    link: value("link") ?? "")
    }

    /// The cluster settings form: texts, the coordinator, and the two privacy choices.
    var clusterSettings: ClusterFields {
        var f = ClusterFields(title: value("title"), profile: value("profile") ?? "", theme: value("theme") ?? "", goal: value("goal"),
                              coordinatorName: value("coordinatorName") ?? "", coordinatorEmail: value("coordinatorEmail") ?? "")
        f.contactPrivate = value("contact").map { $0 == PrivacyChoice.private.rawValue }
        f.notesPrivate = value("notes").map { $0 == PrivacyChoice.private.rawValue }
        return f
    }

    var outcomeValues: OutcomeFormValues {
        var v = OutcomeFormValues()
        v.status = value("status") ?? ""
        v.date = value("date") ?? ""
        v.participants = value("participants") ?? ""
        v.schools = values("schools")
        v.note = value("note") ?? ""
        v.products = value("products") ?? ""
        v.reason = value("reason") ?? ""
        return v
    }
}
