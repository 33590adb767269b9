import Planning

/// Puts the title block and the events table together into one cluster, collecting every problem.
struct PlanAssembler {
    let options: WordPlanOptions
    private var diagnostics: [WordPlanDiagnostic] = []
    private var schools: SchoolDirectory

    init(options: WordPlanOptions) {
        self.options = options
        schools = SchoolDirectory(known: options.knownSchools)
    }

    private mutating func report(_ message: String, row: Int? = nil, column: String? = nil) {
        diagnostics.append(WordPlanDiagnostic(file: options.fileName, row: row, column: column, message: message))
    }

    mutating func read(_ body: DocxBody) -> Result<WordPlan, WordPlanError> {
        var paragraphs: [(text: String, numbered: Bool)] = []
        var table: [[String]]?
        for block in body.blocks {
            switch block {
            case .paragraph(let text, let numbered): if table == nil { paragraphs.append((text, numbered)) }
            case .table(let rows): if table == nil, EventColumns(header: rows.first ?? []) != nil { table = rows }
            }
        }
        let title = TitleBlock(paragraphs: paragraphs)

        // Members first, so hosts resolve to them before any other school with the same number.
        var members: [String] = []
        var lead: String?
        for entry in title.members {
            guard let id = resolve(entry.text, row: nil, column: "Состав кластера", members: members) else { continue }
            if !members.contains(id) { members.append(id) }
            if entry.lead, lead == nil { lead = id }
        }
        if title.members.isEmpty { report("нет строки «Состав кластера: …» со списком школ") }
        if title.title == nil { report("нет строки «План работы кластера «…»» с названием кластера") }
        if title.goal == nil { report("нет строки «Цель: …»") }

        var events: [PlannedEvent] = []
        var years = title.years
        if let table {
            events = readEvents(table, members: members, years: &years)
        } else {
            report("нет таблицы мероприятий (столбцы «№», «Название мероприятия», «Время проведения», «Площадка»)")
        }
        guard diagnostics.isEmpty, let clusterTitle = title.title, let goal = title.goal else {
            return .failure(WordPlanError(diagnostics: diagnostics))
        }
        let tasks = title.tasks.enumerated().map { PlanTask(id: "T\($0.offset + 1)", text: $0.element) }
        let directions = title.directions.enumerated().map { i, d in
            Direction(id: directionID(d.title, index: i), title: d.title, items: d.items)
        }
        let plan = WorkPlan(years: Array(Set(years)).sorted(), theme: title.theme, goal: goal, tasks: tasks,
                            directions: directions, events: events)
        let cluster = Cluster(id: options.clusterID, title: clusterTitle, district: options.district,
                              lead: lead ?? members[0], members: members, plan: plan)
        let used = Set(members)
        let district = District(name: options.district, schools: schools.all.filter { used.contains($0.id) },
                                clusters: [cluster])
        return .success(WordPlan(district: district, newSchools: schools.created))
    }

    private mutating func readEvents(_ rows: [[String]], members: [String], years: inout [AcademicYear]) -> [PlannedEvent] {
        guard let columns = EventColumns(header: rows[0]) else { return [] }
        var events: [PlannedEvent] = []
        var numberRows: [Int: Int] = [:]
        var currentYear: AcademicYear?
        for (index, cells) in rows.enumerated().dropFirst() {
            let row = index + 1
            func cell(_ i: Int?) -> String { i.flatMap { $0 < cells.count ? cells[$0] : nil } ?? "" }
            let numberText = DistrictWords.tidy(cell(columns.number))
            let rowText = DistrictWords.tidy(cells.joined(separator: " "))
            if rowText.isEmpty { continue }
            // A year row: an empty № then the year, or one cell across the table (the year then under «№»).
            if Int(numberText.filter { $0 != "." }) == nil, let year = DistrictWords.academicYear(rowText) {
                currentYear = year
                if !years.contains(year) { years.append(year) }
                continue
            }
            let numberColumn = columns.name(columns.number)
            var digits = numberText
            if digits.hasSuffix(".") { digits.removeLast() }
            guard let number = Int(digits), number > 0, number < 100_000 else {
                report(numberText.isEmpty ? "нет номера мероприятия" : "ожидается номер мероприятия, а не «\(numberText)»",
                       row: row, column: numberColumn)
                continue
            }
            if let earlier = numberRows[number] {
                report("номер \(number) уже есть в строке \(earlier)", row: row, column: numberColumn)
            }
            numberRows[number] = numberRows[number] ?? row

            let titleColumn = columns.name(columns.title)
            let title = DistrictWords.tidy(cell(columns.title))
            let format = DistrictWords.format(ofTitle: title)
            if title.isEmpty {
                report("нет названия мероприятия", row: row, column: titleColumn)
            } else if format == nil {
                report("по названию не понять формат (конференция, семинар, круглый стол, рабочая встреча, мастер-класс, открытый урок, консультация, вебинар, курсы)",
                       row: row, column: titleColumn)
            }

            let timingColumn = columns.name(columns.timing)
            // «Октябрь 2019, 16.10»: the date beside the month is the schedule's, not the plan's.
            let timingText = String(cell(columns.timing).split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            let year = currentYear ?? yearFromTiming(timingText)
            var timing: EventTiming?
            if let year {
                do {
                    timing = try DistrictWords.timing(timingText, year: year)
                } catch {
                    let shown = DistrictWords.tidy(timingText)
                    switch error {
                    case .empty: report("не указано время проведения", row: row, column: timingColumn)
                    case .unreadable:
                        report("не удалось прочитать «\(shown)»: ожидается месяц и год («Октябрь 2019»), два месяца («Октябрь – ноябрь 2019») или «I полугодие»",
                               row: row, column: timingColumn)
                    case .outsideYear(let month):
                        report("\(month) не входит в \(year) учебный год", row: row, column: timingColumn)
                    }
                }
                if !years.contains(year) { years.append(year) }
            } else {
                report("учебный год не указан: нет строки «2019-2020 уч. г.» над мероприятием и года в сроке", row: row,
                       column: timingColumn)
            }

            let hostColumn = columns.name(columns.host)
            let hostText = DistrictWords.tidy(cell(columns.host))
            var host: String?
            if hostText.isEmpty {
                report("не указана площадка", row: row, column: hostColumn)
            } else if let id = resolve(hostText, row: row, column: hostColumn, members: members) {
                if members.contains(id) || members.isEmpty { host = id } else {
                    report("«\(hostText)» не входит в состав кластера", row: row, column: hostColumn)
                }
            }

            let purpose = cell(columns.purpose).split(separator: "\n").map { DistrictWords.tidy(String($0)) }
                .filter { !$0.isEmpty }.joined(separator: "\n")
            if let year, let timing, let host, let format, !title.isEmpty {
                events.append(PlannedEvent(
                    id: EventID(cluster: options.clusterID, number: number), year: year, format: format, title: title,
                    purpose: purpose.isEmpty ? nil : purpose, timing: timing, host: host, participants: members))
            }
        }
        return events.sorted { $0.number < $1.number }
    }

    private func yearFromTiming(_ text: String) -> AcademicYear? {
        let w = DistrictWords.words(text)
        guard let m = w.lazy.compactMap(DistrictWords.month).first,
              let y = w.lazy.compactMap({ $0.count == 4 ? Int($0) : nil }).first,
              let ym = YearMonth(year: y, month: m) else { return nil }
        return AcademicYear(containing: ym.firstDay)
    }

    private mutating func resolve(_ text: String, row: Int?, column: String, members: [String]) -> String? {
        switch schools.resolve(DistrictWords.school(text), members: members) {
        case .success(let id): return id
        case .failure(let problem):
            report(problem.message, row: row, column: column)
            return nil
        }
    }

    private func directionID(_ title: String, index: Int) -> String {
        let w = DistrictWords.words(title)
        if w.contains(where: { $0.hasPrefix("исследоват") }) { return "research" }
        if w.contains(where: { $0.hasPrefix("методич") }) { return "methodical" }
        if w.contains(where: { $0.hasPrefix("проектн") }) { return "project" }
        return "D\(index + 1)"
    }
}

/// Which column of the events table holds what, found by the header's words.
struct EventColumns {
    var header: [String]
    var number: Int?
    var title: Int
    var purpose: Int?
    var timing: Int
    var host: Int

    init?(header: [String]) {
        self.header = header.map(DistrictWords.tidy)
        func find(_ match: ([String]) -> Bool) -> Int? {
            header.firstIndex { match(DistrictWords.words($0)) }
        }
        number = header.firstIndex { DistrictWords.tidy($0).hasPrefix("№") } ?? find { $0.first?.hasPrefix("номер") == true }
        guard let title = find({ $0.contains("название") || $0.contains { $0.hasPrefix("мероприят") } && !$0.contains("цель") }),
              let timing = find({ $0.contains { $0.hasPrefix("врем") || $0.hasPrefix("срок") || $0 == "месяц" || $0 == "дата" } }),
              let host = find({ $0.contains { $0.hasPrefix("площадк") || $0 == "место" } }) else { return nil }
        self.title = title
        self.timing = timing
        self.host = host
        purpose = find { $0.contains("цель") || $0.contains("цели") }
    }

    func name(_ i: Int?) -> String { i.map { header[$0] } ?? "№" }
}
