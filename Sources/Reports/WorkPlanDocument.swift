import Foundation
import Planning

public enum WorkPlanFormat: String, CaseIterable, Sendable {
    case docx, html, md
}

public enum WorkPlanError: Error, Hashable, Sendable {
    case unknownCluster(String)
    case noPlan(String)
    case render(RenderError)
}

/// A cluster's work plan as the district writes it (seed 003): theme, title and years, members
/// with the lead, goal, numbered tasks, directions, then the events table «№ | Название
/// мероприятия | Цель проведения | Время проведения | Площадка» with a row per academic year.
/// `convert` reads this document back to the same plan: months and windows as written, the
/// scheduled date beside the month («Октябрь 2019, 16.10») is ignored there.
public func renderWorkPlan(_ snapshot: DistrictSnapshot, cluster id: String, as format: WorkPlanFormat,
                           today: LocalDate) throws(WorkPlanError) -> Data {
    guard let cluster = snapshot.district.cluster(id) else { throw .unknownCluster(id) }
    guard let plan = cluster.plan else { throw .noPlan(id) }
    let states = Dictionary(snapshot.events(inCluster: id).map { ($0.id, $0.state) }, uniquingKeysWith: { a, _ in a })
    let doc = workPlanDocument(cluster, plan: plan, district: snapshot.district, states: states)
    switch format {
    case .html: return Data(htmlPage(doc).utf8)
    case .md: return Data(markdownText(doc).utf8)
    case .docx:
        do { return try docxPackage(doc, modified: today) } catch { throw .render(error) }
    }
}

func workPlanDocument(_ cluster: Cluster, plan: WorkPlan, district: District, states: [EventID: EventState]) -> ReportDocument {
    func name(_ id: String) -> String { district.school(id)?.name ?? id }
    var blocks: [Block] = []
    if let theme = plan.theme { blocks.append(.paragraph("Тема: «\(theme)»")) }
    let title = "План работы кластера «\(cluster.title)»"
    blocks.append(.centered(title))
    let years = plan.years.map { "\($0.startYear)-\($0.startYear + 1)" }
    if !years.isEmpty { blocks.append(.centered("на \(years.joined(separator: " и ")) уч. г.")) }
    let others = cluster.members.filter { $0 != cluster.lead }.map(name)
    blocks.append(.paragraph("Состав кластера: " + (["\(name(cluster.lead)) (ответственный за работу кластера)"] + others)
        .joined(separator: ", ") + "."))
    blocks.append(.paragraph("Цель: \(plan.goal)"))
    if !plan.tasks.isEmpty {
        blocks.append(.paragraph("Задачи:"))
        blocks += plan.tasks.enumerated().map { .paragraph("\($0.offset + 1). \($0.element.text)") }
    }
    if !plan.directions.isEmpty {
        blocks.append(.paragraph("Направления деятельности:"))
        for (i, direction) in plan.directions.enumerated() {
            blocks.append(.paragraph("\(i + 1). \(direction.title):"))
            blocks += direction.items.map { .paragraph("- \($0)") }
        }
    }

    var rows: [[String]] = []
    var groups: [Int: String] = [:]
    for year in plan.years.isEmpty ? Array(Set(plan.events.map(\.year))).sorted() : plan.years {
        let events = plan.events.filter { $0.year == year }.sorted { $0.number < $1.number }
        guard !events.isEmpty else { continue }
        groups[rows.count] = "\(year.startYear)-\(year.startYear + 1) уч. г."
        rows += events.map { e in
            ["\(e.number)", eventName(e), e.purpose ?? "", when(e.timing, scheduled: states[e.id]), district.place(of: e).name]
        }
    }
    blocks.append(.table(Table(
        header: ["№", "Название мероприятия", "Цель проведения", "Время проведения", "Площадка"],
        rows: rows, numericColumns: [0], groups: groups)))
    return ReportDocument(title: title, language: .ru, blocks: blocks, titlePage: nil)
}

/// The name as the plan writes it («Стартовая конференция «…»»); a bare title gets its format's word.
private func eventName(_ e: PlannedEvent) -> String {
    e.title.contains("«") ? e.title : "\(e.format.russian) «\(e.title)»"
}

/// «Октябрь 2019», «Ноябрь – декабрь 2019», «I полугодие»; with the scheduled day «Октябрь 2019, 16.10».
func when(_ timing: EventTiming, scheduled state: EventState?) -> String {
    func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
    let planned: String
    switch timing {
    case .month(let m): planned = capitalised(m.russian)
    case .pinned(let d): planned = capitalised(d.yearMonth.russian)
    case .window(let from, let to):
        let year = AcademicYear(containing: from)
        if from == year.firstDay, to == LocalDate(year: year.startYear, month: 12, day: 31) {
            planned = "I полугодие"
        } else if from == LocalDate(year: year.startYear + 1, month: 1, day: 1), to == LocalDate(year: year.startYear + 1, month: 5, day: 31) {
            planned = "II полугодие"
        } else if from.day == 1, to == to.yearMonth.lastDay {
            let a = from.yearMonth, b = to.yearMonth
            planned = a.year == b.year
                ? "\(capitalised(YearMonth.russianNames[a.month - 1])) – \(YearMonth.russianNames[b.month - 1]) \(b.year)"
                : "\(capitalised(a.russian)) – \(b.russian)"
        } else {
            planned = "\(from.russian) – \(to.russian)"
        }
    }
    let day: LocalDate? = switch timing {
    case .pinned(let d): state?.date ?? d
    default: state?.date
    }
    guard let day, state?.status.isCancelled != true else { return planned }
    return planned + ", " + String(day.russian.prefix(5))
}
