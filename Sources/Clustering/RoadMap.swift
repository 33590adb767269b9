import Planning

/// Seed 002's four levels of methodical help.
public enum SupportLevel: String, CaseIterable, Hashable, Sendable {
    case districtAssociation = "district-association"
    case schoolAssociation = "school-association"
    case school, teacher

    public var title: String {
        switch self {
        case .districtAssociation: "РМО"
        case .schoolAssociation: "ШМО"
        case .school: "ОО"
        case .teacher: "учитель"
        }
    }
}

/// What kind of help an action is (seeds 001, 004); all but mentoring are events.
public enum SupportKind: String, CaseIterable, Hashable, Sendable {
    case consultation
    case openLesson = "open-lesson"
    case masterClass = "master-class"
    case training
    case mentoring

    public var title: String {
        switch self {
        case .consultation: "Консультация"
        case .openLesson: "Открытый урок на опорной площадке"
        case .masterClass: "Мастер-класс"
        case .training: "Курсы повышения квалификации"
        case .mentoring: "Наставническая пара"
        }
    }

    /// The event format, or nil for help that is not one event (a mentoring pair works all year).
    public var format: EventFormat? {
        switch self {
        case .consultation: .consultation
        case .openLesson: .openLesson
        case .masterClass: .masterClass
        case .training: .training
        case .mentoring: nil
        }
    }
}

/// One action of a road map, numbered within it; `event` is its number in the support cluster.
public struct SupportAction: Hashable, Sendable {
    public var number: Int
    public var level: SupportLevel
    public var kind: SupportKind
    public var title: String
    /// The school that carries it out.
    public var responsible: String
    public var from: YearMonth
    public var to: YearMonth
    public var event: Int?

    public init(number: Int, level: SupportLevel, kind: SupportKind, title: String, responsible: String, from: YearMonth,
                to: YearMonth, event: Int? = nil) {
        self.number = number
        self.level = level
        self.kind = kind
        self.title = title
        self.responsible = responsible
        self.from = from
        self.to = to
        self.event = event
    }

    /// An action from form fields: every problem at once, nothing kept when there is one.
    public static func checked(number: Int, _ fields: SupportActionFields, schools: Set<String>) throws(FieldProblems) -> SupportAction {
        var problems: [FieldProblem] = []
        let level = SupportLevel(rawValue: fields.level.trimmingWhitespace)
        if level == nil { problems.append(FieldProblem(field: "level", "уровень: \(SupportLevel.allCases.map(\.rawValue).joined(separator: ", "))")) }
        let kind = SupportKind(rawValue: fields.kind.trimmingWhitespace)
        if kind == nil { problems.append(FieldProblem(field: "kind", "вид: \(SupportKind.allCases.map(\.rawValue).joined(separator: ", "))")) }
        let title = fields.title.trimmingWhitespace
        if title.isEmpty { problems.append(FieldProblem(field: "title", "заполните поле")) }
        if title.count > InputLimits.textLength { problems.append(FieldProblem(field: "title", "длиннее \(InputLimits.textLength) символов")) }
        let responsible = fields.responsible.trimmingWhitespace
        if !schools.contains(responsible) { problems.append(FieldProblem(field: "responsible", "неизвестная школа «\(responsible.excerpt())»")) }
        let (from, to) = (fields.from.trimmingWhitespace, fields.to.trimmingWhitespace)
        let first = YearMonth(iso: from)
        let last = to.isEmpty ? first : YearMonth(iso: to)
        if first == nil { problems.append(FieldProblem(field: "from", "ожидается месяц ГГГГ-ММ, а не «\(from.excerpt())»")) }
        if last == nil { problems.append(FieldProblem(field: "to", "ожидается месяц ГГГГ-ММ, а не «\(to.excerpt())»")) }
        if let first, let last, last < first || AcademicYear(containing: first.firstDay) != AcademicYear(containing: last.firstDay) {
            problems.append(FieldProblem(field: "to", "окно — с \(first) до \(last): не раньше начала и в том же учебном году"))
        }
        guard problems.isEmpty, let level, let kind, let first, let last else { throw FieldProblems(problems) }
        return SupportAction(number: number, level: level, kind: kind, title: title, responsible: responsible, from: first, to: last)
    }

    /// The event the action puts into the support cluster: held at the support site (or the
    /// responsible school when the mentee has none), for the pair, somewhere in the month window.
    public func eventFields(site: String?, mentee: String) -> EventFields? {
        guard let format = kind.format else { return nil }
        let host = site ?? responsible
        let window = from == to ? (month: from.description, from: "", to: "")
            : (month: "", from: from.firstDay.description, to: to.lastDay.description)
        return EventFields(format: format.rawValue, title: title, purpose: "Методическая помощь, уровень: \(level.title)",
                           month: window.month, from: window.from, to: window.to, host: host,
                           participants: host == mentee ? [mentee] : [host, mentee])
    }
}

/// An action as a form or script sends it (and the form shows it back when refused).
public struct SupportActionFields: Hashable, Sendable {
    public var level: String
    public var kind: String
    public var title: String
    public var responsible: String
    public var from: String
    public var to: String

    public init(level: String = SupportLevel.teacher.rawValue, kind: String = SupportKind.consultation.rawValue, title: String = "",
                responsible: String = "", from: String = "", to: String = "") {
        self.level = level
        self.kind = kind
        self.title = title
        self.responsible = responsible
        self.from = from
        self.to = to
    }
}

/// A supported school's plan of help for the year, on one grouping.
public struct RoadMap: Hashable, Sendable {
    public var grouping: Int
    public var school: String
    /// Starts as the recommendations for the school's group; the methodist edits it.
    public var text: String
    public var actions: [SupportAction]

    public init(grouping: Int, school: String, text: String, actions: [SupportAction] = []) {
        self.grouping = grouping
        self.school = school
        self.text = text
        self.actions = actions
    }

    public var nextActionNumber: Int { (actions.map(\.number).max() ?? 0) + 1 }
}

extension Recommendations {
    /// The road map's starting text for a school of `group`: role by role, one item a line.
    public func startingText(for group: Group) -> String {
        items(for: group).map { role, items in ([role.title + ":"] + items.map { "— " + $0 }).joined(separator: "\n") }
            .joined(separator: "\n\n")
    }
}
