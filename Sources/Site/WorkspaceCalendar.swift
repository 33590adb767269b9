import Planning

// `/manage/calendar`: the district calendar in the workspace. A methodist edits vacations, the
// district's extra days off and every school's busy days; a school account its own busy days.
// Each list has an add form and a remove button per line; a refused form comes back with its
// values and each problem beside its field.

/// Which form was sent, and what it said, to show it back beside its problems.
public struct CalendarFormValues: Sendable {
    public var form = ""
    public var title = ""
    public var from = ""
    public var to = ""
    public var date = ""
    public var school = ""
    public var reason = ""
    public init() {}
}

struct CalendarEditPage {
    struct Line { var text: String; var from: String; var to: String; var school: String }
    var title: String
    var home: String
    var timezone: String
    var frame: WorkspaceFrame
    var csrf: String
    var action: String
    var yearCalendar: String
    var notice: String?
    var mayEditDistrict: Bool
    var vacations: [Line]
    var holidays: [Line]
    var busy: [Line]
    var schools: [FormOption]
    var fixedSchool: String?
    var vacation: CalendarFormValues
    var holiday: CalendarFormValues
    var busyValues: CalendarFormValues
    var vacationProblems: [String: String]
    var holidayProblems: [String: String]
    var busyProblems: [String: String]
    var general: [String]
}

extension PageRenderer {
    /// `problems` belong to the form named by `values.form` (vacation, holiday or busy).
    public func workspaceCalendar(frame: WorkspaceFrame, account: Account, district: District, values: CalendarFormValues,
                                  problems: FieldProblems?, notice: String?, options: SiteOptions) -> String {
        let c = district.calendar
        let own = account.role == .methodist ? nil : account.school
        func name(_ school: String?) -> String { school.map { district.school($0)?.name ?? $0 } ?? "все школы" }
        func span(_ a: LocalDate, _ b: LocalDate) -> String { a == b ? a.russian : "\(a.russian) – \(b.russian)" }
        let busy = c.busy.filter { own == nil || $0.school == own }.sorted { ($0.from, $0.school ?? "") < ($1.from, $1.school ?? "") }
        func form(_ name: String) -> CalendarFormValues { values.form == name ? values : CalendarFormValues() }
        func messages(_ name: String) -> [String: String] { values.form == name ? fieldMessages(problems) : [:] }
        var busyValues = form("busy")
        if busyValues.school.isEmpty { busyValues.school = own ?? "" }
        return render("manage-calendar", CalendarEditPage(
            title: "Календарь района", home: frame.home, timezone: district.timezone, frame: frame, csrf: frame.csrf,
            action: options.href("/manage/calendar"), yearCalendar: options.href(SitePaths.calendar()), notice: notice,
            mayEditDistrict: account.role == .methodist && !account.disabled,
            vacations: c.vacations.map { .init(text: "\($0.title): \(span($0.from, $0.to))", from: $0.from.description,
                                               to: $0.to.description, school: "") },
            holidays: c.holidays.sorted().map { .init(text: $0.russian, from: $0.description, to: $0.description, school: "") },
            busy: busy.map { .init(text: "\(name($0.school)): \(span($0.from, $0.to))" + ($0.reason.map { " — \($0)" } ?? ""),
                                   from: $0.from.description, to: $0.to.description, school: $0.school ?? "") },
            schools: district.schools.filter { own == nil || $0.id == own }
                .map { FormOption(value: $0.id, label: $0.name, selected: $0.id == busyValues.school) },
            fixedSchool: own, vacation: form("vacation"), holiday: form("holiday"), busyValues: busyValues,
            vacationProblems: messages("vacation"), holidayProblems: messages("holiday"), busyProblems: messages("busy"),
            general: Self.general(problems)))
    }
}

extension Templates {
    static let calendarEdit = """
    {{>head}}{{#frame}}{{>workspace}}{{/frame}}<p><a href="{{home}}manage/">← Рабочее место</a></p>
    <h1>{{title}}</h1>
    <p>Изменения календаря не переносят мероприятия сами: перенос предложит предпросмотр расписания кластера. \
    <a href="{{yearCalendar}}">Календарь года</a></p>
    {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
    {{>problems}}
    {{#mayEditDistrict}}
    <h2>Каникулы</h2>
    <ul class="plain">{{#vacations}}<li>{{text}} <form method="post" action="{{action}}" class="inline">\
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="op" value="remove-vacation">\
    <input type="hidden" name="from" value="{{from}}"><input type="hidden" name="to" value="{{to}}">\
    <button type="submit">Удалить</button></form></li>{{/vacations}}</ul>
    <form method="post" action="{{action}}" class="form"><input type="hidden" name="csrf" value="{{csrf}}">\
    <input type="hidden" name="op" value="add-vacation">{{#vacation}}
    <p><label>Название<br><input type="text" name="title" value="{{title}}" placeholder="Осенние каникулы"></label>\
    {{#vacationProblems.title}}<br><span class="problem">{{vacationProblems.title}}</span>{{/vacationProblems.title}}</p>
    <p><label>С (ГГГГ-ММ-ДД)<br><input type="text" name="from" value="{{from}}" placeholder="2019-10-28"></label>\
    {{#vacationProblems.from}}<br><span class="problem">{{vacationProblems.from}}</span>{{/vacationProblems.from}}</p>
    <p><label>По<br><input type="text" name="to" value="{{to}}" placeholder="2019-11-04"></label>\
    {{#vacationProblems.to}}<br><span class="problem">{{vacationProblems.to}}</span>{{/vacationProblems.to}}</p>{{/vacation}}
    <p><button type="submit">Добавить каникулы</button></p></form>
    <h2>Выходные дни района</h2>
    <p class="muted">Сверх государственных праздников, которые уже в календаре.</p>
    <ul class="plain">{{#holidays}}<li>{{text}} <form method="post" action="{{action}}" class="inline">\
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="op" value="remove-holiday">\
    <input type="hidden" name="date" value="{{from}}"><button type="submit">Удалить</button></form></li>{{/holidays}}</ul>
    <form method="post" action="{{action}}" class="form"><input type="hidden" name="csrf" value="{{csrf}}">\
    <input type="hidden" name="op" value="add-holiday">{{#holiday}}
    <p><label>Дата (ГГГГ-ММ-ДД)<br><input type="text" name="date" value="{{date}}" placeholder="2020-02-24"></label>\
    {{#holidayProblems.date}}<br><span class="problem">{{holidayProblems.date}}</span>{{/holidayProblems.date}}</p>{{/holiday}}
    <p><button type="submit">Добавить выходной</button></p></form>
    {{/mayEditDistrict}}
    <h2>Занятые дни школ</h2>
    <p class="muted">ВПР, ремонт, свои мероприятия: в эти дни школа не принимает и не участвует.</p>
    <ul class="plain">{{#busy}}<li>{{text}} <form method="post" action="{{action}}" class="inline">\
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="op" value="remove-busy">\
    <input type="hidden" name="school" value="{{school}}"><input type="hidden" name="from" value="{{from}}">\
    <input type="hidden" name="to" value="{{to}}"><button type="submit">Удалить</button></form></li>{{/busy}}</ul>
    {{^busy}}<p class="muted">Нет отмеченных дней.</p>{{/busy}}
    <form method="post" action="{{action}}" class="form"><input type="hidden" name="csrf" value="{{csrf}}">\
    <input type="hidden" name="op" value="add-busy">
    {{#fixedSchool}}<input type="hidden" name="school" value="{{fixedSchool}}">{{/fixedSchool}}\
    {{^fixedSchool}}<p><label>Школа<br><select name="school">{{#schools}}<option value="{{value}}"{{#selected}} selected{{/selected}}>\
    {{label}}</option>{{/schools}}</select></label>\
    {{#busyProblems.school}}<br><span class="problem">{{busyProblems.school}}</span>{{/busyProblems.school}}</p>{{/fixedSchool}}
    {{#busyValues}}
    <p><label>С (ГГГГ-ММ-ДД)<br><input type="text" name="from" value="{{from}}" placeholder="2020-04-14"></label>\
    {{#busyProblems.from}}<br><span class="problem">{{busyProblems.from}}</span>{{/busyProblems.from}}</p>
    <p><label>По<br><input type="text" name="to" value="{{to}}" placeholder="2020-04-16"></label>\
    {{#busyProblems.to}}<br><span class="problem">{{busyProblems.to}}</span>{{/busyProblems.to}}</p>
    <p><label>Причина<br><input type="text" name="reason" value="{{reason}}" placeholder="ВПР"></label>\
    {{#busyProblems.reason}}<br><span class="problem">{{busyProblems.reason}}</span>{{/busyProblems.reason}}</p>{{/busyValues}}
    <p><button type="submit">Отметить занятые дни</button></p></form>
    {{>foot}}
    """
}
