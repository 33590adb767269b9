import Clustering
import Foundation
import Hummingbird
import Operations
import Planning
import Site
import Store

/// Support programmes (issue 17) under `/manage/support`: results upload, groupings with hand
/// adjustments, road maps. Methodists manage everything; a school account sees its own row of a
/// grouping and the road maps it is mentee or support site in; anyone else gets 403.
struct SupportController: Sendable {
    let workspace: Workspace
    let today: @Sendable (String) -> LocalDate

    var store: any DistrictStore { workspace.cache.store }

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get("support") { request, context in
                let account = try managing(context)
                return try await home(account, context, notice: request.uri.queryParameters.get("imported"))
            }
            .post("support/results") { request, context in
                let account = try managing(context)
                // A file input (multipart) or the pasted text.
                let form = try await Form(uploaded: request, context)
                let file = form.value("file") ?? ""
                let csv = file.trimmingWhitespace.isEmpty ? form.value("csv") ?? "" : file
                do {
                    let summary = try await SupportProgrammes.importResults(csv: csv, name: "загрузка", in: store)
                    return workspace.redirect("/manage/support?imported=" + (summary.line.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
                } catch let failure as Failure {
                    return try await home(account, context, csv: csv, resultProblems: failure.lines, status: .unprocessableContent)
                }
            }
            .post("support/groupings") { request, context in
                let account = try managing(context)
                let form = try await Form(request, context)
                let values = form.groupingValues
                do {
                    let grouping = try await SupportProgrammes.runGrouping(try values.settings(), by: author(account, source: .web), in: store,
                                                                           now: now())
                    return workspace.redirect("/manage/support/groupings/\(grouping.id)")
                } catch let problems as FieldProblems {
                    return try await home(account, context, values: values, groupingProblems: problems.problems.map(\.message),
                                          status: .unprocessableContent)
                }
            }
            .get("support/groupings/{id}") { request, context in
                let (account, grouping) = try await visible(context)
                return try await groupingPage(account, context, grouping, notice: request.uri.queryParameters.get("saved").map { _ in "Сохранено." })
            }
            .post("support/groupings/{id}/mentor") { request, context in
                try await adjust(request, context) { form, grouping, account in
                    try await SupportProgrammes.changeMentor(of: form.value("school")?.trimmingWhitespace ?? "", to: form.value("site") ?? "",
                                                             in: grouping.id, by: author(account, source: .web), store: store, now: now())
                }
            }
            .post("support/groupings/{id}/move") { request, context in
                try await adjust(request, context) { form, grouping, account in
                    try await SupportProgrammes.move(form.value("school")?.trimmingWhitespace ?? "", to: form.value("group") ?? "",
                                                     in: grouping.id, by: author(account, source: .web), store: store, now: now())
                }
            }
            .get("support/groupings/{id}/report") { _, context in
                let (account, grouping) = try await visible(context)
                try context.require(account.mayManageSupport)
                let timezone = try await workspace.district()?.timezone ?? "Europe/Moscow"
                let data = try await SupportProgrammes.report(grouping, in: store, format: .html,
                                                              stylesheet: workspace.options.href("/report.css"), today: today(timezone))
                return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                                body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
            }
            .get("support/groupings/{id}/schools/{school}") { request, context in
                let (account, grouping, map) = try await roadMap(context)
                return roadMapPage(account, context, grouping, map, values: SupportActionFields(),
                                   notice: request.uri.queryParameters.get("saved").map { _ in "Сохранено." })
            }
            .post("support/groupings/{id}/schools/{school}/text") { request, context in
                let (account, grouping, map) = try await roadMap(context)
                try context.require(account.mayManageSupport)
                let form = try await Form(request, context)
                do {
                    _ = try await SupportProgrammes.saveText(form.value("text") ?? "", school: map.school, in: grouping,
                                                             by: author(account, source: .web), store: store, now: now())
                    return workspace.redirect(roadMapPath(grouping, map.school) + "?saved=1")
                } catch let problems as FieldProblems {
                    return roadMapPage(account, context, grouping, map, values: SupportActionFields(), problems: problems,
                                       status: .unprocessableContent)
                }
            }
            .post("support/groupings/{id}/schools/{school}/actions") { request, context in
                let (account, grouping, map) = try await roadMap(context)
                try context.require(account.mayManageSupport)
                let form = try await Form(request, context)
                let values = form.actionValues
                do {
                    _ = try await SupportProgrammes.addAction(values, school: map.school, in: grouping, by: author(account, source: .web),
                                                              store: store, now: now())
                    return workspace.redirect(roadMapPath(grouping, map.school) + "?saved=1")
                } catch let problems as FieldProblems {
                    return roadMapPage(account, context, grouping, map, values: values, problems: problems, status: .unprocessableContent)
                }
            }
    }

    // MARK: Access

    /// A methodist: 401 without an account, 403 for any other role.
    func managing(_ context: AppRequestContext) throws -> Account {
        let account = try context.requireAccount()
        try context.require(account.mayManageSupport)
        return account
    }

    /// The path's grouping, for an account that may see groupings at all.
    func visible(_ context: AppRequestContext) async throws -> (Account, SupportGrouping) {
        let account = try context.requireAccount()
        try context.require(account.maySeeGroupings)
        let id = try context.parameters.require("id", as: Int.self)
        guard let grouping = try await store.grouping(id) else { throw HTTPError(.notFound, message: "нет группировки № \(id)") }
        if !account.mayManageSupport {
            // A school outside the grouping sees nothing of it.
            try context.require(grouping.schools.contains { account.maySeeSchool($0.school) })
        }
        return (account, grouping)
    }

    func roadMap(_ context: AppRequestContext) async throws -> (Account, SupportGrouping, RoadMap) {
        let (account, grouping) = try await visible(context)
        let school = try context.parameters.require("school")
        try context.require(account.maySeeRoadMap(mentee: school, site: grouping.school(school)?.site))
        do {
            return (account, grouping, try await SupportProgrammes.roadMap(school, in: grouping, store: store))
        } catch let problems as FieldProblems {
            throw HTTPError(.notFound, message: problems.problems.map(\.message).joined(separator: "; "))
        }
    }

    func adjust(_ request: Request, _ context: AppRequestContext,
                _ change: (Form, SupportGrouping, Account) async throws -> SupportGrouping) async throws -> Response {
        let (account, grouping) = try await visible(context)
        try context.require(account.mayManageSupport)
        let form = try await Form(request, context)
        do {
            _ = try await change(form, grouping, account)
            return workspace.redirect("/manage/support/groupings/\(grouping.id)?saved=1")
        } catch let problems as FieldProblems {
            return try await groupingPage(account, context, grouping, problems: problems.problems.map(\.message), status: .unprocessableContent)
        }
    }

    func roadMapPath(_ grouping: SupportGrouping, _ school: String) -> String {
        "/manage/support/groupings/\(grouping.id)/schools/" + SitePaths.segment(school)
    }

    // MARK: Pages

    func home(_ account: Account, _ context: AppRequestContext, values: GroupingFormValues = GroupingFormValues(), csv: String = "",
              resultProblems: [String] = [], groupingProblems: [String] = [], notice: String? = nil,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let timezone = try await workspace.district()?.timezone ?? "Europe/Moscow"
        return workspace.html(workspace.pages.supportHome(
            frame: workspace.frame(account, context), results: try await store.results(), groupings: try await store.groupings(),
            values: values, csv: csv, resultProblems: resultProblems, groupingProblems: groupingProblems, notice: notice,
            timezone: timezone, options: workspace.options), status: status)
    }

    func groupingPage(_ account: Account, _ context: AppRequestContext, _ grouping: SupportGrouping, notice: String? = nil,
                      problems: [String] = [], status: HTTPResponse.Status = .ok) async throws -> Response {
        let district = try await workspace.district()
        let monitoring = account.mayManageSupport ? try await SupportProgrammes.monitoring(grouping, in: store) : nil
        return workspace.html(workspace.pages.supportGrouping(
            frame: workspace.frame(account, context), grouping: grouping, visible: account.maySeeSchool, mayManage: account.mayManageSupport,
            monitoring: monitoring?.table == nil && monitoring?.roadMaps.isEmpty == true ? nil : monitoring,
            supportCluster: district?.cluster(grouping.supportClusterID) != nil, notice: notice, problems: problems,
            timezone: district?.timezone ?? "Europe/Moscow", options: workspace.options), status: status)
    }

    func roadMapPage(_ account: Account, _ context: AppRequestContext, _ grouping: SupportGrouping, _ map: RoadMap,
                     values: SupportActionFields, notice: String? = nil, problems: FieldProblems? = nil,
                     status: HTTPResponse.Status = .ok) -> Response {
        workspace.html(workspace.pages.supportRoadMap(
            frame: workspace.frame(account, context), grouping: grouping, map: map, mayManage: account.mayManageSupport, values: values,
            notice: notice, problems: problems?.problems.map { p in p.field.map { "\($0): \(p.message)" } ?? p.message } ?? [],
            timezone: "Europe/Moscow", options: workspace.options), status: status)
    }
}

extension Form {
    var groupingValues: GroupingFormValues {
        var v = GroupingFormValues()
        v.method = value("method") ?? v.method
        v.year = value("year") ?? ""
        v.subject = value("subject") ?? ""
        v.capacity = value("capacity") ?? v.capacity
        v.minStudents = value("minStudents") ?? v.minStudents
        v.resultThreshold = value("resultThreshold") ?? v.resultThreshold
        v.contingentThreshold = value("contingentThreshold") ?? v.contingentThreshold
        return v
    }

    var actionValues: SupportActionFields {
        let blank = SupportActionFields()
        return SupportActionFields(level: value("level") ?? blank.level, kind: value("kind") ?? blank.kind, title: value("title") ?? "",
                                   responsible: value("responsible") ?? "", from: value("from") ?? "", to: value("to") ?? "")
    }
}

extension GroupingFormValues {
    /// The settings, or every problem of the form.
    func settings() throws(FieldProblems) -> GroupingSettings {
        var problems: [FieldProblem] = []
        let method = ClusteringMethod(rawValue: self.method.trimmingWhitespace)
        if method == nil { problems.append(FieldProblem(field: "method", "метод: ci или 2x2")) }
        let year = AcademicYear(self.year.trimmingWhitespace.replacingOccurrences(of: "-", with: "/"))
        if year == nil { problems.append(FieldProblem(field: "year", "учебный год вида 2019/2020, а не «\(self.year.excerpt())»")) }
        func number(_ text: String, _ field: String, _ range: ClosedRange<Double>) -> Double? {
            let value = Double(text.trimmingWhitespace.replacingOccurrences(of: ",", with: "."))
            guard let value, range.contains(value) else {
                problems.append(FieldProblem(field: field, "\(field): число от \(Int(range.lowerBound)) до \(Int(range.upperBound)), а не «\(text.excerpt())»"))
                return nil
            }
            return value
        }
        let capacity = number(self.capacity, "capacity", 1...1000)
        let minStudents = number(self.minStudents, "minStudents", 1...100_000)
        let result = number(resultThreshold, "resultThreshold", 1...1000)
        let contingent = number(contingentThreshold, "contingentThreshold", 0...100)
        guard problems.isEmpty, let method, let year, let capacity, let minStudents, let result, let contingent else {
            throw FieldProblems(problems)
        }
        let subject = self.subject.trimmingWhitespace
        return GroupingSettings(method: method, year: year, subject: subject.isEmpty ? nil : subject, capacity: Int(capacity),
                                options: ClassificationOptions(minStudents: Int(minStudents), resultThreshold: result / 100,
                                                               contingentThreshold: contingent / 100))
    }
}
