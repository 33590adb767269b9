import Planning

/// The report laid out once, in one language, as headings, paragraphs, tables and charts;
/// the HTML, Markdown and DOCX renderers differ only in how they write these blocks.
struct ReportDocument {
    var title: String
    var language: Language
    var blocks: [Block]
    /// A page of its own before the text, with the approval block a district submits.
    var titlePage: TitlePage?
}

/// «УТВЕРЖДАЮ» with blank lines for the position, signature, name and date, then the title.
struct TitlePage {
    var approval: [String]
    var lines: [String]
}

enum Block {
    /// Level 1 is the title; 2 a part of the report; 3 a part of a cluster or course.
    case heading(Int, String)
    case paragraph(String)
    /// A bold line in the middle: the work plan's title lines.
    case centered(String)
    case table(Table)
    case chart(Chart)
    /// The next block starts a new printed page: one certificate per page.
    case pageBreak
}

struct Table {
    var header: [String]
    var rows: [[String]]
    /// Columns of figures, aligned right.
    var numericColumns: Set<Int> = []
    /// A heading row across the table before row i: the work plan's «2019-2020 уч. г.».
    var groups: [Int: String] = [:]
}

/// A bar chart. HTML draws it as SVG; formats without drawings show its data as a table.
struct Chart {
    enum Orientation { case vertical, horizontal }
    var title: String
    var orientation: Orientation
    var categoryHeader: String
    var categories: [String]
    var series: [(name: String, values: [Int])]

    var table: Table {
        Table(header: [categoryHeader] + series.map(\.name),
              rows: categories.indices.map { i in [categories[i]] + series.map { String($0.values[i]) } },
              numericColumns: Set(1...max(series.count, 1)))
    }
}

/// The school chart shows this many hosts at most, so a city-wide report stays printable.
let maxChartSchools = 20

extension ReportDocument {
    init(_ report: ActivityReport, language: Language) {
        let l = Labels(language: language)
        self.language = language
        title = l.title(report.year)
        var blocks: [Block] = [.heading(1, title)]
        var subtitle = "\(report.district). \(l.asOf(report.asOf))."
        if let only = report.clusterFilter { subtitle += " \(l.clusterOnly): \(only)." }
        blocks.append(.paragraph(subtitle))

        blocks.append(.heading(2, l.summary))
        blocks.append(.table(summaryTable(report, l)))

        // A chart of nothing but zeros says less than the summary already does.
        if report.summary.figures.planned > 0 {
            blocks.append(.heading(2, l.eventsPerMonth))
            blocks.append(.chart(Chart(
                title: l.eventsPerMonth, orientation: .vertical, categoryHeader: l.month,
                categories: report.eventsPerMonth.map { l.month($0.month) },
                series: [(l.planned, report.eventsPerMonth.map(\.planned)), (l.held, report.eventsPerMonth.map(\.held))])))
        }
        if !report.participantsByHost.isEmpty {
            let hosts = report.participantsByHost.prefix(maxChartSchools)
            let hostsTitle = l.participantsByHost
                + (report.participantsByHost.count > maxChartSchools ? " \(l.largest(maxChartSchools))" : "")
            blocks.append(.heading(2, hostsTitle))
            blocks.append(.chart(Chart(
                title: hostsTitle, orientation: .horizontal, categoryHeader: l.school,
                categories: hosts.map(\.school.name), series: [(l.participantsShort, hosts.map(\.participants))])))
        }

        for section in report.clusters { blocks += clusterBlocks(section, year: report.year, l) }

        if !report.courses.isEmpty {
            blocks.append(.heading(2, l.training))
            for course in report.courses { blocks += courseBlocks(course, year: report.year, l) }
        }
        if let support = report.support { blocks += support.blocks }
        self.blocks = blocks
        titlePage = TitlePage(approval: l.approval, lines: [title, report.district])
    }
}

private func summaryTable(_ report: ActivityReport, _ l: Labels) -> Table {
    let s = report.summary, f = s.figures
    var rows: [[String]] = [
        [l.clusters, "\(s.clusters)"], [l.schools, "\(s.schools)"],
        [l.eventsPlanned, "\(f.planned)"], ["— \(l.eventsHeld)", "\(f.held)"],
        ["— \(l.eventsCancelled)", "\(f.cancelled)"], ["— \(l.eventsPostponed)", "\(f.postponed)"],
        ["— \(l.eventsOpen)", "\(f.open)"],
        [l.participants, "\(f.participants)"], [l.schoolsReached, "\(f.schoolsReached)"],
    ]
    if !report.courses.isEmpty {
        rows += [[l.trainingListeners, "\(s.trainingListeners)"], [l.trainingSchools, "\(s.trainingSchools)"]]
    }
    for course in report.courses {
        guard let target = course.target else { continue }
        rows.append([l.courseTarget(course.title), "\(l.targetText(target, report.year)); \(l.targetOutcome(target))"])
    }
    return Table(header: [l.figure, l.value], rows: rows)
}

private func clusterBlocks(_ c: ClusterSection, year: AcademicYear, _ l: Labels) -> [Block] {
    var blocks: [Block] = [.heading(2, l.clusterHeading(c.title, c.id))]
    if let theme = c.theme { blocks.append(.paragraph("\(l.theme): \(theme)")) }
    if let goal = c.goal { blocks.append(.paragraph("\(l.goal): \(goal)")) }
    blocks.append(.paragraph("\(l.lead): \(c.lead.name). \(l.members): \(c.members.map(\.name).joined(separator: ", "))."))
    blocks.append(.paragraph(l.clusterFigures(c.figures)))

    if !c.tasks.isEmpty {
        blocks.append(.heading(3, l.tasksAndEvents))
        var rows: [[String]] = []
        for task in c.tasks {
            let taskText = "\(task.id). \(task.text)"
            if task.events.isEmpty { rows.append([taskText, "", "—", ""]) }
            for (i, e) in task.events.enumerated() {
                rows.append([i == 0 ? taskText : "", "\(e.id.number)", e.title, l.status(e)])
            }
        }
        blocks.append(.table(Table(header: [l.task, l.number, l.event, l.status], rows: rows, numericColumns: [1])))
    }

    blocks.append(.heading(3, l.events))
    if c.events.isEmpty {
        blocks.append(.paragraph(l.noEvents))
    } else {
        blocks.append(.table(Table(
            header: [l.number, l.event, l.plannedWhen, l.date, l.status, l.host, l.participantsShort, l.note],
            rows: c.events.map { e in
                ["\(e.id.number)", "\(l.format(e.format)). \(e.title)", l.timing(e.planned),
                 (e.heldOn ?? e.date).map(l.date) ?? "", l.status(e), e.host.name,
                 e.participants.map(String.init) ?? "", l.outcomeNote(e)]
            },
            numericColumns: [0, 6])))
    }

    if !c.indicators.isEmpty {
        blocks.append(.heading(3, l.indicators))
        blocks.append(.table(Table(
            header: [l.indicator, l.target, l.actual, l.result],
            rows: c.indicators.map { i in
                let unit = i.unit.map { " \($0)" } ?? ""
                let actual = i.actual.map { l.number($0) + unit + (i.derived ? " (\(l.fromEvents))" : "") } ?? "—"
                return [i.title, l.target(i), actual, l.result(i)]
            },
            numericColumns: [1, 2])))
    }

    blocks.append(.heading(3, l.carriedOver(year.next)))
    if c.carriedOver.isEmpty {
        blocks.append(.paragraph(l.nothing))
    } else {
        blocks.append(.table(Table(
            header: [l.number, l.event, l.plannedWhen, l.status],
            rows: c.carriedOver.map { e in
                ["\(e.id.number)", e.title, l.timing(e.planned),
                 l.status(e) + (e.date.map { " (\(l.date($0)))" } ?? "")]
            },
            numericColumns: [0])))
    }
    return blocks
}

private func courseBlocks(_ c: CourseSection, year: AcademicYear, _ l: Labels) -> [Block] {
    var blocks: [Block] = [.heading(3, c.title)]
    if let provider = c.provider { blocks.append(.paragraph("\(l.provider): \(provider)")) }
    if !c.enrolments.isEmpty {
        blocks.append(.table(Table(
            header: [l.school, l.cluster, l.teams, l.listeners],
            rows: c.enrolments.map { [$0.school.name, $0.cluster ?? "", "\($0.teams)", "\($0.listeners)"] }
                + [[l.total, "", "\(c.teams)", "\(c.listeners)"]],
            numericColumns: [2, 3])))
    }
    blocks.append(.paragraph(l.courseTotals(c)))
    if let target = c.target { blocks.append(.paragraph("\(l.targetText(target, year)); \(l.targetOutcome(target)).")) }
    return blocks
}
