import Planning

// `/manage/clusters/<id>/plan` (lead, members, goal, tasks, directions, indicators),
// `/manage/clusters/new` (a methodist's new cluster) and `/manage/clusters/<id>/next-cycle`
// (the plan copied two years on). Lists are text areas of lines (`PlanLines`).

/// What the plan form shows: the stored plan, or the values sent beside their problems.
public struct ClusterPlanValues: Sendable {
    public var id = ""
    public var title = ""
    public var firstYear = ""
    public var lead = ""
    public var members = ""
    public var goal = ""
    public var tasks = ""
    public var directions = ""
    public var indicators = ""

    public init() {}

    public init(_ c: Cluster) {
        id = c.id
        title = c.title
        firstYear = c.plan?.years.first?.description ?? ""
        lead = c.lead
        members = c.members.joined(separator: ", ")
        goal = c.plan?.goal ?? ""
        tasks = (c.plan?.tasks ?? []).map(\.line).joined(separator: "\n")
        directions = (c.plan?.directions ?? []).map(\.line).joined(separator: "\n")
        indicators = (c.plan?.indicators ?? []).map(\.line).joined(separator: "\n")
    }
}

struct ClusterPlanPage {
    var title: String
    var home: String
    var timezone: String
    var frame: WorkspaceFrame
    var csrf: String
    var action: String
    var back: String
    var backTitle: String
    var isNew: Bool
    var values: ClusterPlanValues
    var schools: [FormOption]
    var general: [String]
    var problems: [String: String]
}

struct NextCyclePage {
    var title: String
    var home: String
    var timezone: String
    var frame: WorkspaceFrame
    var csrf: String
    var action: String
    var back: String
    var cluster: String
    var years: String
    var events: Int
    var id: String
    var general: [String]
    var problems: [String: String]
}

extension PageRenderer {
    /// The plan form of a cluster (`cluster` set) or the new-cluster form.
    public func workspaceClusterPlan(frame: WorkspaceFrame, cluster: Cluster?, district: District, values: ClusterPlanValues,
                                     problems: FieldProblems?, options: SiteOptions) -> String {
        let path = cluster.map { "/manage/clusters/" + SitePaths.segment($0.id) }
        return render("manage-plan", ClusterPlanPage(
            title: cluster == nil ? "Новый кластер" : "План кластера", home: frame.home, timezone: district.timezone, frame: frame,
            csrf: frame.csrf, action: options.href(path.map { $0 + "/plan" } ?? "/manage/clusters/new"),
            back: options.href(path ?? "/manage/"), backTitle: cluster?.title ?? "Рабочее место", isNew: cluster == nil,
            values: values, schools: district.schools.map { FormOption(value: $0.id, label: $0.name, selected: $0.id == values.lead) },
            general: Self.general(problems), problems: fieldMessages(problems)))
    }

    public func workspaceNextCycle(frame: WorkspaceFrame, cluster: Cluster, district: District, id: String, problems: FieldProblems?,
                                   options: SiteOptions) -> String {
        let path = "/manage/clusters/" + SitePaths.segment(cluster.id)
        let years = cluster.plan?.years.map { AcademicYear(startYear: $0.startYear + 2).description }.joined(separator: ", ") ?? ""
        return render("manage-next-cycle", NextCyclePage(
            title: "Следующий цикл", home: frame.home, timezone: district.timezone, frame: frame, csrf: frame.csrf,
            action: options.href(path + "/next-cycle"), back: options.href(path), cluster: cluster.title, years: years,
            events: cluster.plan?.events.count ?? 0, id: id, general: Self.general(problems), problems: fieldMessages(problems)))
    }
}

extension Templates {
    static let workspacePlanTemplates: [(String, String)] = [("manage-plan", clusterPlan), ("manage-next-cycle", nextCycle)]

    static let clusterPlan = """
    {{>head}}{{#frame}}{{>workspace}}{{/frame}}<p><a href="{{back}}">← {{backTitle}}</a></p>
    <h1>{{title}}</h1>
    {{>problems}}
    <form method="post" action="{{action}}" class="form">
    <input type="hidden" name="csrf" value="{{csrf}}">
    {{#values}}
    {{#isNew}}<p><label>Код кластера (латиница, цифры, «-»; станет адресом страницы)<br><input type="text" name="id" value="{{id}}" placeholder="nevsky-exact"></label>\
    {{#problems.id}}<br><span class="problem">{{problems.id}}</span>{{/problems.id}}</p>
    <p><label>Название<br><input type="text" name="title" value="{{title}}"></label>\
    {{#problems.title}}<br><span class="problem">{{problems.title}}</span>{{/problems.title}}</p>
    <p><label>Первый учебный год плана (план на два года)<br><input type="text" name="firstYear" value="{{firstYear}}" placeholder="2021/2022"></label>\
    {{#problems.firstYear}}<br><span class="problem">{{problems.firstYear}}</span>{{/problems.firstYear}}</p>{{/isNew}}
    <p><label>Ведущая школа<br><select name="lead">{{#schools}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/schools}}</select></label>\
    {{#problems.lead}}<br><span class="problem">{{problems.lead}}</span>{{/problems.lead}}</p>
    <p><label>Школы кластера (номера через запятую, ведущая тоже)<br><input type="text" name="members" value="{{members}}"></label>\
    {{#problems.members}}<br><span class="problem">{{problems.members}}</span>{{/problems.members}}</p>
    <p><label>Цель<br><textarea name="goal">{{goal}}</textarea></label>\
    {{#problems.goal}}<br><span class="problem">{{problems.goal}}</span>{{/problems.goal}}</p>
    <p><label>Задачи — по одной в строке: «T1: текст»<br><textarea name="tasks" rows="8">{{tasks}}</textarea></label>\
    {{#problems.tasks}}<br><span class="problem">{{problems.tasks}}</span>{{/problems.tasks}}</p>
    <p><label>Направления — «код: Название; пункт; пункт»<br><textarea name="directions" rows="8">{{directions}}</textarea></label>\
    {{#problems.directions}}<br><span class="problem">{{problems.directions}}</span>{{/problems.directions}}</p>
    <p><label>Показатели — «код: Название; 36 чел.; 2019/2020=12; 2020/2021=24» (цель на весь план и по годам)<br>\
    <textarea name="indicators" rows="8">{{indicators}}</textarea></label>\
    {{#problems.indicators}}<br><span class="problem">{{problems.indicators}}</span>{{/problems.indicators}}</p>
    {{/values}}
    <details><summary>Школы района</summary><ul class="plain">{{#schools}}<li>{{value}} — {{label}}</li>{{/schools}}</ul></details>
    <p><button type="submit">{{#isNew}}Создать кластер{{/isNew}}{{^isNew}}Сохранить{{/isNew}}</button></p>
    </form>
    {{>foot}}
    """

    static let nextCycle = """
    {{>head}}{{#frame}}{{>workspace}}{{/frame}}<p><a href="{{back}}">← {{cluster}}</a></p>
    <h1>{{title}}</h1>
    <p>План «{{cluster}}» будет скопирован в новый кластер на {{years}}: {{events}} мероприятий с новыми номерами, \
    месяцы на два года позже, ничего не назначено. Этот кластер не изменится.</p>
    {{>problems}}
    <form method="post" action="{{action}}" class="form">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <p><label>Код нового кластера<br><input type="text" name="id" value="{{id}}"></label>\
    {{#problems.id}}<br><span class="problem">{{problems.id}}</span>{{/problems.id}}</p>
    <p><button type="submit">Создать следующий цикл</button></p>
    </form>
    {{>foot}}
    """
}
