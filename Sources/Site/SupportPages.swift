import Clustering
import Planning

// The support programme pages under `/manage/support` (issue 17). Only methodists reach the
// programme page; a grouping shows a school account its own row and the road maps it is in.

/// The values of the grouping form, as typed.
public struct GroupingFormValues: Sendable {
    public var method = "2x2"
    public var year = ""
    public var subject = ""
    public var capacity = "3"
    public var minStudents = "10"
    public var resultThreshold = "100"
    public var contingentThreshold = "20"
    public init() {}
}

struct SupportHomePage {
    struct Stored { var year: String; var subject: String; var rows: Int; var schools: Int }
    struct Version { var id: Int; var href: String; var at: String; var login: String; var summary: String }
    var title = "Адресная поддержка"
    var home: String
    var timezone: String
    var frame: WorkspaceFrame
    var notice: String?
    var resultProblems: [String]
    var csv: String
    var stored: [Stored]
    var hasStored: Bool
    var values: GroupingFormValues
    var methods: [FormOption]
    var groupingProblems: [String]
    var versions: [Version]
}

struct GroupingPage {
    struct Row {
        var school: String; var name: String; var contingent: String; var result: String; var group: String; var site: String
        var reason: String; var roadMapHref: String?
    }
    struct Monitoring {
        var nextYear: String; var up: [String]; var back: [String]; var matrix: String; var sites: [String]; var roadMaps: [String]
    }
    var title: String
    var home: String
    var timezone: String
    var frame: WorkspaceFrame
    var notice: String?
    var problems: [String]
    var mayManage: Bool
    var action: String
    var rows: [Row]
    var mentees: [FormOption]
    var groups: [FormOption]
    var monitoring: Monitoring?
    var supportCluster: String?
}

struct RoadMapPage {
    struct Action { var number: Int; var level: String; var kind: String; var title: String; var responsible: String; var window: String; var event: String }
    var title: String
    var home: String
    var timezone: String
    var frame: WorkspaceFrame
    var notice: String?
    var problems: [String]
    var mayManage: Bool
    var action: String
    var groupingHref: String
    var site: String
    var text: String
    var actions: [Action]
    var levels: [FormOption]
    var kinds: [FormOption]
    var values: SupportActionFields
}

extension PageRenderer {
    public func supportHome(frame: WorkspaceFrame, results: [ResultRow], groupings: [SupportGrouping], values: GroupingFormValues,
                            csv: String = "", resultProblems: [String] = [], groupingProblems: [String] = [], notice: String?,
                            timezone: String, options: SiteOptions) -> String {
        var stored: [String: (rows: Int, schools: Set<String>)] = [:]
        for row in results { stored["\(row.measure.year)\t\(row.measure.subject)", default: (0, [])].rows += 1
                             stored["\(row.measure.year)\t\(row.measure.subject)"]?.schools.insert(row.school.id) }
        let list = stored.keys.sorted().map { key in
            let parts = key.split(separator: "\t").map(String.init)
            return SupportHomePage.Stored(year: parts.first ?? "", subject: parts.last ?? "", rows: stored[key]?.rows ?? 0,
                                          schools: stored[key]?.schools.count ?? 0)
        }
        return render("manage-support", SupportHomePage(
            home: frame.home, timezone: timezone, frame: frame, notice: notice, resultProblems: resultProblems, csv: csv, stored: list,
            hasStored: !list.isEmpty, values: values,
            methods: ClusteringMethod.allCases.map { FormOption(value: $0.rawValue, label: $0 == .ci ? "ci — доверительный интервал" : "2x2 — контингент × результаты", selected: values.method == $0.rawValue) },
            groupingProblems: groupingProblems,
            versions: groupings.map { g in
                SupportHomePage.Version(id: g.id, href: options.href("/manage/support/groupings/\(g.id)"),
                                        at: isoTimestamp(g.createdAt), login: g.login, summary: g.summary)
            }))
    }

    /// `visible`: the schools the account may see (all for a methodist).
    public func supportGrouping(frame: WorkspaceFrame, grouping: SupportGrouping, visible: (String) -> Bool, mayManage: Bool,
                                monitoring: SupportMonitoring?, supportCluster: Bool, notice: String?, problems: [String],
                                timezone: String, options: SiteOptions) -> String {
        let base = "/manage/support/groupings/\(grouping.id)"
        let rows = grouping.schools.filter { visible($0.school) }.map { s in
            GroupingPage.Row(school: s.school, name: s.name ?? "", contingent: s.contingent.map { $0 == .complex ? "сложный" : "благополучный" } ?? "",
                             result: s.relativeResult.map { $0.isFinite ? "\(Int(($0 * 100).rounded())) %" : "" } ?? "", group: s.group.shortTitle,
                             site: s.site ?? "", reason: s.reason ?? "",
                             roadMapHref: s.group.needsSupport ? options.href(base + "/schools/" + SitePaths.segment(s.school)) : nil)
        }
        let shown = mayManage ? monitoring : nil
        // A support site sees the road maps of its mentees, not their results.
        let mentees = mayManage ? [] : grouping.schools.filter { s in s.site.map(visible) == true && !visible(s.school) }.map { s in
            FormOption(value: options.href(base + "/schools/" + SitePaths.segment(s.school)), label: "Дорожная карта ОО \(s.school)", selected: false)
        }
        return render("manage-grouping", GroupingPage(
            title: "Группировка № \(grouping.id): \(grouping.title)", home: frame.home, timezone: timezone, frame: frame, notice: notice,
            problems: problems, mayManage: mayManage, action: options.href(base), rows: rows, mentees: mentees,
            groups: grouping.settings.method.groups.map { FormOption(value: $0.rawValue, label: $0.shortTitle, selected: false) },
            monitoring: shown.map { m in
                GroupingPage.Monitoring(
                    nextYear: m.nextYear.description, up: m.movedUp.map(\.line), back: m.fellBack.map(\.line),
                    matrix: m.table?.matrixLines().joined(separator: "\n") ?? "",
                    sites: m.sites.map { "\($0.site): подопечных \($0.mentees.count), поднялись \($0.up), опустились \($0.back)" },
                    roadMaps: m.roadMaps.map { "\($0.school): мероприятий проведено \($0.held) из \($0.planned)" })
            },
            supportCluster: supportCluster ? options.href("/manage/clusters/" + SitePaths.segment(grouping.supportClusterID)) : nil))
    }

    public func supportRoadMap(frame: WorkspaceFrame, grouping: SupportGrouping, map: RoadMap, mayManage: Bool, values: SupportActionFields,
                               notice: String?, problems: [String], timezone: String, options: SiteOptions) -> String {
        let base = "/manage/support/groupings/\(grouping.id)"
        let site = grouping.school(map.school)?.site
        return render("manage-roadmap", RoadMapPage(
            title: "Дорожная карта ОО \(map.school)", home: frame.home, timezone: timezone, frame: frame, notice: notice, problems: problems,
            mayManage: mayManage, action: options.href(base + "/schools/" + SitePaths.segment(map.school)), groupingHref: options.href(base),
            site: site ?? "нет", text: map.text,
            actions: map.actions.map { a in
                RoadMapPage.Action(number: a.number, level: a.level.title, kind: a.kind.title, title: a.title, responsible: a.responsible,
                                   window: a.from == a.to ? a.from.russian : "\(a.from.russian) — \(a.to.russian)",
                                   event: a.event.map { "\(grouping.supportClusterID)/\($0)" } ?? "")
            },
            levels: SupportLevel.allCases.map { FormOption(value: $0.rawValue, label: $0.title, selected: values.level == $0.rawValue) },
            kinds: SupportKind.allCases.map { FormOption(value: $0.rawValue, label: $0.title, selected: values.kind == $0.rawValue) },
            values: values))
    }
}
