import Planning

public enum ReportFormat: String, CaseIterable, Sendable {
    case html, md, csv, docx

    /// The HTTP Content-Type of a rendered report.
    public var mediaType: String {
        switch self {
        case .html: "text/html; charset=utf-8"
        case .md: "text/markdown; charset=utf-8"
        case .csv: "text/csv; charset=utf-8; header=present"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        }
    }
}

/// Every word the report prints, in one language, and the language's forms of dates and numbers.
struct Labels {
    let language: Language

    private func t(_ ru: String, _ en: String) -> String { language == .ru ? ru : en }

    func title(_ year: AcademicYear) -> String {
        t("Отчёт о работе кластеров за \(year) учебный год", "Cluster activity report, academic year \(year)")
    }
    func asOf(_ day: LocalDate) -> String { t("По состоянию на \(date(day))", "As of \(date(day))") }
    var clusterOnly: String { t("Кластер", "Cluster") }

    var summary: String { t("Сводка", "Summary") }
    var figure: String { t("Показатель", "Figure") }
    var value: String { t("Значение", "Value") }
    var clusters: String { t("Кластеров", "Clusters") }
    var schools: String { t("Школ в кластерах", "Schools in clusters") }
    var eventsPlanned: String { t("Мероприятий запланировано", "Events planned") }
    var eventsHeld: String { t("проведено", "held") }
    var eventsCancelled: String { t("отменено", "cancelled") }
    var eventsPostponed: String { t("перенесено", "postponed") }
    var eventsOpen: String { t("ещё не проведено", "still open") }
    var participants: String { t("Участников всего", "Total participants") }
    var schoolsReached: String { t("Школ охвачено", "Distinct schools reached") }
    var trainingListeners: String { t("Слушателей курсов", "Training listeners") }
    var trainingSchools: String { t("Школ, обучавшихся на курсах", "Schools in training") }
    func courseTarget(_ title: String) -> String { t("Цель курса «\(title)»", "Target of “\(title)”") }

    var eventsPerMonth: String { t("Мероприятия по месяцам: план и факт", "Events per month: planned vs held") }
    var participantsByHost: String { t("Участники проведённых мероприятий по школам-площадкам",
                                       "Participants of held events by host school") }
    func largest(_ n: Int) -> String { t("(\(n) крупнейших)", "(largest \(n))") }
    var month: String { t("Месяц", "Month") }
    var planned: String { t("запланировано", "planned") }
    var held: String { t("проведено", "held") }
    var school: String { t("Школа", "School") }
    var participantsShort: String { t("Участников", "Participants") }

    func clusterHeading(_ title: String, _ id: String) -> String { t("Кластер «\(title)» (\(id))", "Cluster “\(title)” (\(id))") }
    var theme: String { t("Тема", "Theme") }
    var goal: String { t("Цель", "Goal") }
    var lead: String { t("Базовая школа", "Lead school") }
    var members: String { t("Состав", "Members") }
    func clusterFigures(_ f: EventFigures) -> String {
        t("Запланировано мероприятий: \(f.planned); проведено: \(f.held), отменено: \(f.cancelled), перенесено: \(f.postponed), ещё не проведено: \(f.open). Участников: \(f.participants), школ охвачено: \(f.schoolsReached).",
          "Events planned: \(f.planned); held: \(f.held), cancelled: \(f.cancelled), postponed: \(f.postponed), still open: \(f.open). Participants: \(f.participants), schools reached: \(f.schoolsReached).")
    }
    var tasksAndEvents: String { t("Задачи и мероприятия", "Tasks and events") }
    var task: String { t("Задача", "Task") }
    var number: String { "№" }
    var event: String { t("Мероприятие", "Event") }
    var status: String { t("Статус", "Status") }
    var events: String { t("Мероприятия", "Events") }
    var plannedWhen: String { t("По плану", "Planned") }
    var date: String { t("Дата", "Date") }
    var host: String { t("Площадка", "Host") }
    var note: String { t("Примечание", "Note") }
    var indicators: String { t("Показатели", "Indicators") }
    var indicator: String { t("Показатель", "Indicator") }
    var target: String { t("Цель", "Target") }
    var actual: String { t("Факт", "Actual") }
    var result: String { t("Итог", "Result") }
    var fromEvents: String { t("по мероприятиям", "from events") }
    var met: String { t("выполнено", "met") }
    var notMet: String { t("не выполнено", "not met") }
    func carriedOver(_ next: AcademicYear) -> String { t("Переходит на \(next) учебный год", "Moves to academic year \(next)") }
    var nothing: String { t("Нет.", "None.") }
    var noEvents: String { t("Мероприятий в этом учебном году нет.", "No events this academic year.") }

    var training: String { t("Курсы повышения квалификации", "Training courses") }
    var provider: String { t("Организатор", "Provider") }
    var cluster: String { t("Кластер", "Cluster") }
    var teams: String { t("Команд", "Teams") }
    var listeners: String { t("Слушателей", "Listeners") }
    var total: String { t("Итого", "Total") }
    func courseTotals(_ c: CourseSection) -> String {
        t("Всего \(c.listeners) слушателей (\(c.teams) команд) из \(c.schools) школ.",
          "In all \(c.listeners) listeners (\(c.teams) teams) from \(c.schools) schools.")
    }
    func targetText(_ target: TargetRow, _ year: AcademicYear) -> String {
        let scope = target.cluster.map { t(" кластера \($0)", " of cluster \($0)") } ?? ""
        return t("Цель на \(year) учебный год: не менее \(target.listeners) слушателей из \(target.schools) школ\(scope)",
                 "Target for \(year): at least \(target.listeners) listeners from \(target.schools) schools\(scope)")
    }
    func targetOutcome(_ target: TargetRow) -> String {
        t("фактически \(target.actualListeners) слушателей из \(target.actualSchools) школ — \(target.met ? met : notMet)",
          "actual \(target.actualListeners) listeners from \(target.actualSchools) schools — \(target.met ? met : notMet)")
    }

    // CSV column names, in column order.
    var csvHeader: [String] {
        language == .ru
            ? ["кластер", "номер", "учебный год", "формат", "название", "по плану", "дата", "статус", "дата проведения",
               "площадка", "название площадки", "участников", "школы", "задачи", "примечание", "причина отмены"]
            : ["cluster", "number", "academic year", "format", "title", "planned", "date", "status", "held on",
               "host", "host name", "participants", "schools", "tasks", "note", "cancellation reason"]
    }

    func status(_ s: EventStatus) -> String { t(s.russian, s.english) }
    func format(_ f: EventFormat) -> String { t(f.russian, f.english) }
    func met(_ met: Bool?) -> String { met.map { $0 ? self.met : notMet } ?? "—" }

    /// `17.10.2019` or `17 Oct 2019`.
    func date(_ d: LocalDate) -> String {
        language == .ru ? d.russian : "\(d.day) \(YearMonth.englishShortNames[d.month - 1]) \(d.year)"
    }

    func month(_ m: YearMonth) -> String { t(m.russian, m.english) }

    func timing(_ timing: EventTiming) -> String {
        switch timing {
        case .month(let m): month(m)
        case .window(let from, let to): "\(date(from)) – \(date(to))"
        case .pinned(let d): date(d)
        }
    }

    /// Whole numbers without a fraction; otherwise up to two decimals with the language's separator.
    func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        let hundredths = Int((x * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let whole = abs(hundredths) / 100, frac = abs(hundredths) % 100
        var fraction = frac < 10 ? "0\(frac)" : "\(frac)"
        if fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(sign)\(whole)\(language == .ru ? "," : ".")\(fraction)"
    }
}
