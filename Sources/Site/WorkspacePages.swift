import Planning

// The pages of the coordinator workspace under `/manage/`: what each form shows, with the values
// typed and each problem beside its field. Field names are the write API's JSON names.

/// One event in a workspace list.
public struct WorkspaceEventRow: Sendable {
    public var id: String
    public var number: Int
    public var cluster: String
    public var title: String
    public var date: String
    public var status: String
    public var host: String
    /// "ждёт публикации: 2019-11" when a new time or place waits for the schedule.
    public var pending: String?
    public var editHref: String?
    public var outcomeHref: String?
    /// Registrations and attendance, for whoever records the event's outcome.
    public var registrationsHref: String?
    public var removed: Bool

    init(_ item: EventSnapshot, district: District, mayEdit: Bool, mayRecord: Bool, options: SiteOptions) {
        id = item.id.description
        number = item.id.number
        cluster = item.id.cluster
        title = item.event.title
        date = item.state.date.map { d in item.state.start.map { "\(d.russian) \($0)" } ?? d.russian } ?? "не назначено (\(item.event.timing.russian))"
        status = item.state.status.russian
        host = district.school(item.event.host)?.name ?? item.event.host
        pending = item.pending.map { "ждёт публикации: \($0.timing.russian)" + ($0.start.map { " \($0)" } ?? "") }
        let base = "/manage/events/" + SitePaths.segment(item.id.cluster) + "/\(item.id.number)"
        editHref = mayEdit ? options.href(base) : nil
        outcomeHref = mayRecord && item.state.status != .removed ? options.href(base + "/outcome") : nil
        registrationsHref = mayRecord && item.state.status != .removed ? options.href(base + "/registrations") : nil
        removed = item.state.status == .removed
    }
}

/// Rows for the `manage-rows` partial; `any` says whether to show the table at all.
struct EventList {
    var items: [WorkspaceEventRow]
    var any: Bool
    /// "и ещё 240 — на страницах кластеров" when a start-page list is cut.
    var more: String?
    init(_ items: [WorkspaceEventRow], more: Int = 0) {
        self.items = items
        any = !items.isEmpty
        self.more = more > 0 ? "и ещё \(more) — на страницах кластеров" : nil
    }
}

/// A choice of a select, radio group or checkbox list.
public struct FormOption: Sendable {
    public var value: String
    public var label: String
    public var selected: Bool
    public init(value: String, label: String, selected: Bool) { self.value = value; self.label = label; self.selected = selected }
}

/// What the event form shows: the values as typed (strings, so a wrong one is shown back as it was).
public struct EventFormValues: Sendable {
    public var format = ""
    public var title = ""
    public var purpose = ""
    public var month = ""
    public var date = ""
    public var from = ""
    public var to = ""
    public var start = ""
    public var duration = ""
    public var host = ""
    public var link = ""
    // The lists are shown as one text field each; Mustache reads stored properties only (it sees
    // values through Mirror), so the joined texts are kept beside the lists.
    public var participants: [String] = [] { didSet { participantList = participants.joined(separator: ", ") } }
    public var tasks: [String] = [] { didSet { taskList = tasks.joined(separator: ", ") } }
    var participantList = ""
    var taskList = ""

    /// From an init, where didSet does not run.
    private mutating func setLists(_ participants: [String], _ tasks: [String]) {
        (self.participants, participantList) = (participants, participants.joined(separator: ", "))
        (self.tasks, taskList) = (tasks, tasks.joined(separator: ", "))
    }

    public init() {}

    /// An event's values as planned (pending ones included).
    public init(_ e: PlannedEvent) {
        format = e.format.rawValue
        title = e.title
        purpose = e.purpose ?? ""
        switch e.timing {
        case .month(let m): month = m.description
        case .pinned(let d): date = d.description
        case .window(let a, let b): (from, to) = (a.description, b.description)
        }
        start = e.start?.description ?? ""
        duration = String(e.durationMinutes)
        host = e.host
        link = e.link ?? ""
        setLists(e.participants, e.tasks)
    }

    public init(_ f: EventFields) {
        format = f.format ?? ""
        title = f.title ?? ""
        purpose = f.purpose ?? ""
        month = f.month ?? ""
        date = f.date ?? ""
        from = f.from ?? ""
        to = f.to ?? ""
        start = f.start ?? ""
        duration = f.duration ?? ""
        host = f.host ?? ""
        link = f.link ?? ""
        setLists(f.participants ?? [], f.tasks ?? [])
    }
}

/// What the cluster settings form shows.
public struct ClusterSettingsValues: Sendable {
    public var title = ""
    public var profile = ""
    public var theme = ""
    public var goal = ""
    public var coordinatorName = ""
    public var coordinatorEmail = ""
    public var contactPrivate = false
    public var notesPrivate = false

    public init(_ c: Cluster) {
        title = c.title
        profile = c.profile ?? ""
        theme = c.plan?.theme ?? ""
        goal = c.plan?.goal ?? ""
        coordinatorName = c.coordinator?.name ?? ""
        coordinatorEmail = c.coordinator?.email ?? ""
        contactPrivate = c.privacy.contactPrivate
        notesPrivate = c.privacy.notesPrivate
    }

    /// The values as sent, to show them back beside their problems.
    public init(_ f: ClusterFields) {
        title = f.title ?? ""
        profile = f.profile ?? ""
        theme = f.theme ?? ""
        goal = f.goal ?? ""
        coordinatorName = f.coordinatorName ?? ""
        coordinatorEmail = f.coordinatorEmail ?? ""
        contactPrivate = f.contactPrivate ?? false
        notesPrivate = f.notesPrivate ?? false
    }
}


/// What the outcome form shows.
public struct OutcomeFormValues: Sendable {
    public var status = "held"
    public var date = ""
    public var participants = ""
    public var schools: [String] = [] { didSet { schoolList = schools.joined(separator: ", ") } }
    var schoolList = ""
    public var note = ""
    public var products = ""
    public var reason = ""
    public init() {}
}

/// A schedule preview row, made by the server from the scheduler's answer.
public struct PreviewRow: Sendable {
    public var number: Int
    public var title: String
    public var kind: String
    public var old: String
    public var new: String
    public var pending: Bool
    public var explanation: [String]
    public init(number: Int, title: String, kind: String, old: String, new: String, pending: Bool, explanation: [String]) {
        self.number = number
        self.title = title
        self.kind = kind
        self.old = old
        self.new = new
        self.pending = pending
        self.explanation = explanation
    }
}

extension PageRenderer {
    /// `/manage/`: the account's clusters, the next events, past events with nothing recorded
    /// («нет сведений»), unplaced events and what waits for publication. `lists` is what
    /// `workspaceHomeLists` rendered; `support`: for a methodist, the latest grouping's monitoring
    /// lines (see `supportLines`).
    public func workspaceHome(frame: WorkspaceFrame, account: Account, district: District, lists: String,
                              support: [String]? = nil, options: SiteOptions) -> String {
        let clusters = district.clusters.filter { account.mayEdit(cluster: $0.id) }
        return render("manage-home", WorkspaceHomePage(
            title: "Рабочее место", home: frame.home, timezone: district.timezone, frame: frame,
            hasClusters: !clusters.isEmpty, clusters: clusters.map { .init(title: $0.title, id: $0.id, href: options.href("/manage/clusters/" + SitePaths.segment($0.id)),
                                                                          page: options.href(SitePaths.cluster($0.id))) },
            newCluster: account.mayManageUsers ? options.href("/manage/clusters/new") : nil,
            lists: lists, support: support, supportHref: account.mayManageSupport ? options.href("/manage/support") : nil))
    }

    /// The start page's event lists. They depend only on the snapshot, the day and what the account
    /// may edit and record, never on the session: the server builds them once per revision and scope.
    public func workspaceHomeLists(account: Account, snapshot: DistrictSnapshot, today: LocalDate, options: SiteOptions) -> String {
        let mine = snapshot.events.filter { account.mayRecord($0.event) && $0.state.status != .removed }
        // A start page stays short (and fast) however many events a methodist's district has.
        func rows(_ items: [EventSnapshot], limit: Int = 25) -> EventList {
            EventList(items.prefix(limit).map { WorkspaceEventRow($0, district: snapshot.district,
                                                                   mayEdit: account.mayEdit(cluster: $0.event.clusterID),
                                                                   mayRecord: true, options: options) },
                      more: items.count - min(items.count, limit))
        }
        let open: Set<EventStatus> = [.scheduled, .planned]
        let upcoming = mine.filter { item in item.state.date.map { $0 >= today } ?? false && item.state.status != .cancelled }
            .sorted { ($0.state.date ?? today, $0.id) < ($1.state.date ?? today, $1.id) }
        let unrecorded = mine.filter { item in open.contains(item.state.status) && item.state.date.map { $0 < today } ?? false }
        let unplaced = mine.filter { $0.state.date == nil && $0.state.status == .planned }
        return render("manage-home-lists", WorkspaceHomeLists(upcoming: rows(upcoming, limit: 10), unrecorded: rows(unrecorded),
                                                              unplaced: rows(unplaced), pending: rows(mine.filter { $0.pending != nil })))
    }

    /// `/manage/clusters/<id>`: the cluster's events (`rows`, from `workspaceClusterRows`) and its workspace links.
    public func workspaceCluster(frame: WorkspaceFrame, cluster: Cluster, district: District, rows: String, notice: String?,
                                 options: SiteOptions) -> String {
        let base = "/manage/clusters/" + SitePaths.segment(cluster.id)
        return render("manage-cluster", WorkspaceClusterPage(
            title: cluster.title, home: frame.home, timezone: district.timezone, frame: frame, notice: notice,
            id: cluster.id, lead: district.school(cluster.lead)?.name ?? cluster.lead, events: rows,
            actions: [("/events/new", "Новое мероприятие"), ("/schedule", "Расписание"), ("/versions", "Версии расписания"),
                      ("/plan", "План: школы, задачи, показатели"), ("/settings", "Настройки кластера"), ("/audit", "Журнал изменений"),
                      ("/plan.yaml", "Файл плана (YAML)"), ("/next-cycle", "Следующий цикл"),
                      ("/subscribers", "Подписчики, письма и документы")]
                .map { PageLink(href: options.href(base + $0.0), label: $0.1) }
                + [PageLink(href: options.href(SitePaths.cluster(cluster.id)), label: "Страница кластера")]))
    }

    /// A cluster's events (removed ones too) with their edit links: the same for everyone who may
    /// edit the cluster, so the server builds it once per revision.
    public func workspaceClusterRows(_ cluster: Cluster, snapshot: DistrictSnapshot, options: SiteOptions) -> String {
        render("manage-rows", EventList(snapshot.events(inCluster: cluster.id).map {
            WorkspaceEventRow($0, district: snapshot.district, mayEdit: true, mayRecord: true, options: options)
        }))
    }

    /// The edit form of an event (`number` set) or the new-event form of a cluster.
    public func workspaceEventForm(frame: WorkspaceFrame, cluster: Cluster, district: District, number: Int?, revision: Int?,
                                   values: EventFormValues, problems: FieldProblems?, published: String?, materials: [Material] = [],
                                   options: SiteOptions) -> String {
        let clusterPath = "/manage/clusters/" + SitePaths.segment(cluster.id)
        let action = number.map { "/manage/events/" + SitePaths.segment(cluster.id) + "/\($0)" } ?? clusterPath + "/events"
        let schools = cluster.members.map { id in (id, district.school(id)?.name ?? id) }
        return render("manage-event", EventFormPage(
            title: number.map { "Мероприятие № \($0)" } ?? "Новое мероприятие", home: frame.home, timezone: district.timezone,
            frame: frame, csrf: frame.csrf, action: options.href(action), cluster: cluster.title,
            clusterHref: options.href(clusterPath), isNew: number == nil, revision: revision.map(String.init) ?? "",
            published: published, values: values,
            formats: EventFormat.allCases.map { FormOption(value: $0.rawValue, label: $0.russian, selected: $0.rawValue == values.format) },
            // Member schools, then the district's partner venues, then online (which needs a link).
            hosts: (schools + district.venues.map { ($0.id, $0.name) } + [(PlannedEvent.online, "Онлайн (ссылка ниже)")])
                .map { FormOption(value: $0.0, label: $0.1, selected: $0.0 == values.host) },
            participants: schools.map { FormOption(value: $0.0, label: $0.1, selected: values.participants.contains($0.0)) },
            tasks: (cluster.plan?.tasks ?? []).map { FormOption(value: $0.id, label: "\($0.id). \($0.text)", selected: values.tasks.contains($0.id)) },
            removeAction: number.map { options.href("/manage/events/" + SitePaths.segment(cluster.id) + "/\($0)/remove") },
            materials: materials.map { MaterialRow($0, options: options) },
            uploadAction: number.map { options.href("/manage/events/" + SitePaths.segment(cluster.id) + "/\($0)/materials") },
            general: Self.general(problems), problems: fieldMessages(problems)))
    }

    /// `/manage/clusters/<id>/settings`: the cluster's texts, coordinator and what stays private.
    public func workspaceClusterSettings(frame: WorkspaceFrame, cluster: Cluster, district: District, values: ClusterSettingsValues,
                                         problems: FieldProblems?, options: SiteOptions) -> String {
        let path = "/manage/clusters/" + SitePaths.segment(cluster.id)
        func choice(_ isPrivate: Bool, _ publicLabel: String, _ privateLabel: String) -> [FormOption] {
            [FormOption(value: PrivacyChoice.public.rawValue, label: publicLabel, selected: !isPrivate),
             FormOption(value: PrivacyChoice.private.rawValue, label: privateLabel, selected: isPrivate)]
        }
        return render("manage-settings", ClusterSettingsPage(
            title: "Настройки кластера", home: frame.home, timezone: district.timezone, frame: frame, csrf: frame.csrf,
            action: options.href(path + "/settings"), cluster: cluster.title, clusterHref: options.href(path), values: values,
            contact: choice(values.contactPrivate, "видны всем (в календарях — организатор)",
                            "скрыты: в календарях и на страницах — методический центр"),
            notes: choice(values.notesPrivate, "видны всем", "только в рабочем месте и в отчёте кластера"),
            general: Self.general(problems), problems: fieldMessages(problems)))
    }

    /// The outcome form; `warnings` (with the values kept) asks again before recording.
    public func workspaceOutcomeForm(frame: WorkspaceFrame, item: EventSnapshot, cluster: Cluster, district: District,
                                     values: OutcomeFormValues, problems: FieldProblems?, warnings: [String],
                                     options: SiteOptions) -> String {
        let path = "/manage/events/" + SitePaths.segment(item.id.cluster) + "/\(item.id.number)/outcome"
        let statuses = [("held", "Проведено"), ("cancelled", "Отменено"), ("postponed", "Перенесено")]
        return render("manage-outcome", OutcomeFormPage(
            title: "Итог мероприятия № \(item.id.number)", home: frame.home, timezone: district.timezone, frame: frame,
            csrf: frame.csrf, action: options.href(path), event: item.event.title,
            clusterHref: options.href("/manage/clusters/" + SitePaths.segment(cluster.id)),
            current: item.state.status.russian, values: values,
            statuses: statuses.map { FormOption(value: $0.0, label: $0.1, selected: $0.0 == values.status) },
            schools: (cluster.members + values.schools.filter { !cluster.members.contains($0) }).map { FormOption(value: $0, label: district.school($0)?.name ?? $0, selected: values.schools.contains($0)) },
            warnings: warnings, confirm: !warnings.isEmpty, general: Self.general(problems), problems: fieldMessages(problems)))
    }

    /// `/manage/clusters/<id>/schedule`: what publishing would change, and the button that does it.
    public func workspacePreview(frame: WorkspaceFrame, cluster: Cluster, rows: [PreviewRow], warnings: [String],
                                 changes: Bool, timezone: String, options: SiteOptions) -> String {
        let base = "/manage/clusters/" + SitePaths.segment(cluster.id)
        return render("manage-preview", PreviewPage(
            title: "Расписание: предпросмотр", home: frame.home, timezone: timezone, frame: frame, csrf: frame.csrf,
            cluster: cluster.title, clusterHref: options.href(base), action: options.href(base + "/schedule"),
            rows: rows, warnings: warnings, changes: changes, calendar: options.href(base + "/schedule/calendar")))
    }

    /// `/manage/clusters/<id>/versions`: each published schedule with old -> new per event.
    public func workspaceVersions(frame: WorkspaceFrame, cluster: Cluster, versions: [ScheduleVersion], snapshot: DistrictSnapshot,
                                  notice: String?, options: SiteOptions) -> String {
        let titles = Dictionary(snapshot.events(inCluster: cluster.id).map { ($0.id.number, $0.event.title) }, uniquingKeysWith: { a, _ in a })
        return render("manage-versions", VersionsPage(
            title: "Версии расписания", home: frame.home, timezone: snapshot.district.timezone, frame: frame, notice: notice,
            cluster: cluster.title, clusterHref: options.href("/manage/clusters/" + SitePaths.segment(cluster.id)),
            versions: versions.map { v in
                VersionsPage.Version(number: v.number, at: isoTimestamp(v.at), login: v.login, moves: v.moves.map { m in
                    .init(number: m.event, title: titles[m.event] ?? "", old: m.old.description, new: m.new.description)
                }, hasMoves: !v.moves.isEmpty)
            }))
    }

    /// `/manage/clusters/<id>/audit`: the cluster's audit log, newest first.
    public func workspaceAudit(frame: WorkspaceFrame, cluster: Cluster, entries: [AuditEntry], timezone: String,
                               options: SiteOptions) -> String {
        render("manage-audit", AuditPage(
            title: "Журнал изменений", home: frame.home, timezone: timezone, frame: frame, cluster: cluster.title,
            clusterHref: options.href("/manage/clusters/" + SitePaths.segment(cluster.id)),
            entries: entries.map { e in
                .init(at: isoTimestamp(e.at), login: e.login, source: e.source.russian, event: e.event.map { "№ \($0)" } ?? "кластер",
                      field: e.field, old: e.old ?? "", new: e.new ?? "")
            }))
    }
}

/// Each field's problems joined, for the templates (`{{#problems.month}}…`).
func fieldMessages(_ problems: FieldProblems?) -> [String: String] {
    var values: [String: String] = [:]
    for p in problems?.problems ?? [] {
        guard let field = p.field else { continue }
        values[field] = values[field].map { $0 + "; " + p.message } ?? p.message
    }
    return values
}
