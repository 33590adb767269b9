import Hummingbird
import Operations
import Planning
import Site
import Store

/// The cluster's plan under `/manage/`: lead, members, goal, tasks, directions and indicators
/// (`clusters/<id>/plan`), a methodist's new cluster (`clusters/new`), the next two-year cycle
/// (`clusters/<id>/next-cycle`) and the schedule preview drawn on the year calendar.
struct ClusterPlanController: Sendable {
    let workspace: Workspace
    let manage: ManageController

    var store: any DistrictStore { workspace.cache.store }

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get("clusters/new") { _, context in
                let account = try creator(context)
                let district = try await workspace.snapshot().district
                var values = ClusterPlanValues()
                values.firstYear = AcademicYear(containing: manage.today(district.timezone)).description
                return planForm(account, context, nil, district, values, nil)
            }
            .post("clusters/new") { request, context in
                let account = try creator(context)
                let form = try await Form(request, context)
                let values = form.clusterPlanValues
                do {
                    guard let year = AcademicYear(values.firstYear.trimmingWhitespace) else {
                        throw FieldProblems(field: "firstYear", "«\(values.firstYear.excerpt())» — не учебный год ГГГГ/ГГГГ")
                    }
                    var fields = try form.clusterPlanFields
                    fields.title = form.value("title")
                    let cluster = try await ClusterEditing.create(values.id, firstYear: year, fields, by: author(account, source: .web),
                                                                  in: store, now: now())
                    return workspace.redirect(manage.clusterPath(cluster.id) + "?saved=1")
                } catch let problems as FieldProblems {
                    return planForm(account, context, nil, try await workspace.snapshot().district, values, problems,
                                    status: .unprocessableContent)
                }
            }
            .get("clusters/{cluster}/plan") { _, context in
                let (account, cluster, snapshot) = try await manage.editable(context)
                return planForm(account, context, cluster, snapshot.district, ClusterPlanValues(cluster), nil)
            }
            .post("clusters/{cluster}/plan") { request, context in
                let (account, cluster, snapshot) = try await manage.editable(context)
                let form = try await Form(request, context)
                do {
                    _ = try await ClusterEditing.edit(cluster.id, try form.clusterPlanFields, by: author(account, source: .web),
                                                      in: store, now: now())
                    return workspace.redirect(manage.clusterPath(cluster.id) + "?saved=1")
                } catch let problems as FieldProblems {
                    var values = form.clusterPlanValues
                    values.id = cluster.id
                    return planForm(account, context, cluster, snapshot.district, values, problems, status: .unprocessableContent)
                }
            }
            .get("clusters/{cluster}/next-cycle") { _, context in
                let (account, cluster, snapshot) = try await manage.editable(context)
                let start = (cluster.plan?.years.first?.startYear ?? 0) + 2
                return nextCycleForm(account, context, cluster, snapshot.district, id: "\(cluster.id)-\(start)", nil)
            }
            .post("clusters/{cluster}/next-cycle") { request, context in
                let (account, cluster, snapshot) = try await manage.editable(context)
                let form = try await Form(request, context)
                let id = form.value("id") ?? ""
                do {
                    let copy = try await ClusterEditing.nextCycle(of: cluster.id, as: id, by: author(account, source: .web), in: store,
                                                                  now: now())
                    // A coordinator keeps planning the new cycle they started.
                    if account.role == .coordinator {
                        var updated = account
                        updated.clusters.append(copy.id)
                        _ = try await workspace.accounts.update(updated, in: try await workspace.snapshot().district)
                    }
                    return workspace.redirect(manage.clusterPath(copy.id) + "?saved=1")
                } catch let problems as FieldProblems {
                    return nextCycleForm(account, context, cluster, snapshot.district, id: id, problems, status: .unprocessableContent)
                }
            }
            .get("clusters/{cluster}/schedule/calendar") { request, context in
                let (_, cluster, snapshot) = try await manage.editable(context)
                let today = manage.today(snapshot.district.timezone)
                let preview = try SchedulePreview.make(cluster: cluster.id, from: snapshot, today: today, now: now())
                let (previewed, marks) = preview.applied(to: snapshot)
                let content = SiteContent(snapshot: previewed, options: workspace.options, pages: workspace.pages)
                let year = request.uri.queryParameters.get("year").flatMap { AcademicYear($0.replacingOccurrences(of: "-", with: "/")) }
                    ?? preview.firstChangedYear
                let base = manage.clusterPath(cluster.id) + "/schedule"
                let links = CalendarPreview(back: base, year: { base + "/calendar?year=\($0.startYear)-\($0.startYear + 1)" })
                return workspace.html(try content.calendarPage(.cluster(cluster.id), year: year, today: today, marks: marks, preview: links))
            }
    }

    /// Only a methodist starts a cluster from nothing (a coordinator's clusters are given to them).
    func creator(_ context: AppRequestContext) throws -> Account {
        let account = try context.requireAccount()
        try context.require(account.mayManageUsers)
        return account
    }

    func planForm(_ account: Account, _ context: AppRequestContext, _ cluster: Cluster?, _ district: District,
                  _ values: ClusterPlanValues, _ problems: FieldProblems?, status: HTTPResponse.Status = .ok) -> Response {
        workspace.html(workspace.pages.workspaceClusterPlan(frame: workspace.frame(account, context), cluster: cluster, district: district,
                                                            values: values, problems: problems, options: workspace.options),
                       status: status)
    }

    func nextCycleForm(_ account: Account, _ context: AppRequestContext, _ cluster: Cluster, _ district: District, id: String,
                       _ problems: FieldProblems?, status: HTTPResponse.Status = .ok) -> Response {
        workspace.html(workspace.pages.workspaceNextCycle(frame: workspace.frame(account, context), cluster: cluster, district: district,
                                                          id: id, problems: problems, options: workspace.options),
                       status: status)
    }
}

extension Form {
    var clusterPlanValues: ClusterPlanValues {
        var v = ClusterPlanValues()
        v.id = value("id") ?? ""
        v.title = value("title") ?? ""
        v.firstYear = value("firstYear") ?? ""
        v.lead = value("lead") ?? ""
        v.members = value("members") ?? ""
        v.goal = value("goal") ?? ""
        v.tasks = value("tasks") ?? ""
        v.directions = value("directions") ?? ""
        v.indicators = value("indicators") ?? ""
        return v
    }

    /// The plan form's fields, its text areas read line by line; every unreadable line is reported at once.
    var clusterPlanFields: ClusterFields {
        get throws(FieldProblems) {
            var problems: [FieldProblem] = []
            func lines<T>(_ key: String, _ parse: (String) throws(FieldProblems) -> [T]) -> [T] {
                do { return try parse(value(key) ?? "") } catch { problems += error.problems; return [] }
            }
            let fields = ClusterFields(goal: value("goal"), lead: value("lead"), members: values("members"),
                                       tasks: lines("tasks", PlanLines.tasks), directions: lines("directions", PlanLines.directions),
                                       indicators: lines("indicators", PlanLines.indicators))
            guard problems.isEmpty else { throw FieldProblems(problems) }
            return fields
        }
    }
}

extension SchedulePreview {
    /// The snapshot as it would be after publishing, and each changed event's mark for the calendar.
    func applied(to snapshot: DistrictSnapshot) -> (DistrictSnapshot, [EventID: CalendarMark]) {
        var next = snapshot
        let written = Dictionary(writes.map { ($0.item.id, $0.item) }, uniquingKeysWith: { _, last in last })
        next.events = snapshot.events.map { written[$0.id] ?? $0 }
        var marks: [EventID: CalendarMark] = [:]
        for e in entries {
            switch e.kind {
            case .moved: marks[e.id] = .moved(from: e.old.date)
            case .placed: marks[e.id] = .moved(from: nil)
            case .unplaced, .unchanged: break
            }
        }
        return (next, marks)
    }

    /// The academic year of the first event that would get a new date: where the calendar opens.
    var firstChangedYear: AcademicYear? {
        entries.filter { $0.kind == .moved || $0.kind == .placed }.compactMap(\.new.date).min().map(AcademicYear.init(containing:))
    }
}
