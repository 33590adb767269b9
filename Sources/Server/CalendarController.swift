import Hummingbird
import Operations
import Planning
import Site

/// `/manage/calendar`: vacations, the district's days off and busy days, edited in the browser.
/// Methodists edit all of it, a school account its own school's busy days; others get 403.
struct CalendarController: Sendable {
    let workspace: Workspace

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get("calendar") { request, context in
                let account = try editor(context)
                let notice = request.uri.queryParameters.get("saved").map { _ in "Сохранено. Чтобы перенести мероприятия, опубликуйте расписание кластера." }
                return page(account, context, try await workspace.snapshot().district, CalendarFormValues(), nil, notice: notice)
            }
            .post("calendar") { request, context in
                let account = try editor(context)
                let form = try await Form(request, context)
                let values = form.calendarValues
                guard let change = form.calendarChange else { throw HTTPError(.badRequest, message: "неизвестное действие") }
                try context.require(account.mayChange(change))
                do {
                    _ = try await CalendarEditing.apply(change, by: author(account, source: .web), in: workspace.cache.store, now: now())
                    return workspace.redirect("/manage/calendar?saved=1")
                } catch let problems as FieldProblems {
                    return page(account, context, try await workspace.snapshot().district, values, problems, notice: nil,
                                status: .unprocessableContent)
                }
            }
    }

    func editor(_ context: AppRequestContext) throws -> Account {
        let account = try context.requireAccount()
        try context.require(account.mayEditCalendar)
        return account
    }

    func page(_ account: Account, _ context: AppRequestContext, _ district: District, _ values: CalendarFormValues,
              _ problems: FieldProblems?, notice: String?, status: HTTPResponse.Status = .ok) -> Response {
        workspace.html(workspace.pages.workspaceCalendar(frame: workspace.frame(account, context), account: account, district: district,
                                                         values: values, problems: problems, notice: notice, options: workspace.options),
                       status: status)
    }
}

extension Form {
    /// The calendar forms: `op` names the change, the other fields its values.
    var calendarChange: CalendarChange? {
        let from = value("from") ?? "", to = value("to") ?? "", school = value("school") ?? ""
        switch value("op") {
        case "add-vacation": return .addVacation(title: value("title") ?? "", from: from, to: to)
        case "remove-vacation": return .removeVacation(from: from, to: to)
        case "add-holiday": return .addHoliday(date: value("date") ?? "")
        case "remove-holiday": return .removeHoliday(date: value("date") ?? "")
        case "add-busy": return .addBusy(school: school, from: from, to: to, reason: value("reason") ?? "")
        case "remove-busy": return .removeBusy(school: school, from: from, to: to)
        default: return nil
        }
    }

    var calendarValues: CalendarFormValues {
        var v = CalendarFormValues()
        v.form = (value("op") ?? "").split(separator: "-").last.map(String.init) ?? ""
        v.title = value("title") ?? ""
        v.from = value("from") ?? ""
        v.to = value("to") ?? ""
        v.date = value("date") ?? ""
        v.school = value("school") ?? ""
        v.reason = value("reason") ?? ""
        return v
    }
}
