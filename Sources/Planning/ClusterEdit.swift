/// A cluster's fields as the workspace sends them; nil when not sent. Texts are trimmed; an empty
/// `profile`, `theme` or coordinator clears it.
public struct ClusterFields: Hashable, Sendable {
    public var title: String?
    public var profile: String?
    public var theme: String?
    public var goal: String?
    public var lead: String?
    public var members: [String]?
    public var coordinatorName: String?
    public var coordinatorEmail: String?
    public var tasks: [PlanTask]?
    public var directions: [Direction]?
    public var indicators: [Indicator]?
    /// `privacy:` of a plan file: the coordinator's contact, and outcome notes, kept off public pages and feeds.
    public var contactPrivate: Bool?
    public var notesPrivate: Bool?

    public init(title: String? = nil, profile: String? = nil, theme: String? = nil, goal: String? = nil, lead: String? = nil,
                members: [String]? = nil, coordinatorName: String? = nil, coordinatorEmail: String? = nil, tasks: [PlanTask]? = nil,
                directions: [Direction]? = nil, indicators: [Indicator]? = nil) {
        self.title = title
        self.profile = profile
        self.theme = theme
        self.goal = goal
        self.lead = lead
        self.members = members
        self.coordinatorName = coordinatorName
        self.coordinatorEmail = coordinatorEmail
        self.tasks = tasks
        self.directions = directions
        self.indicators = indicators
    }
}

extension Cluster {
    /// A new cluster for the workspace: a valid, unused id, a title, a lead among the members and
    /// a two-year plan starting in `firstYear`.
    public static func new(id: String, firstYear: AcademicYear, _ fields: ClusterFields, in district: District) throws(FieldProblems) -> Cluster {
        var problems: [FieldProblem] = []
        let id = id.trimmingWhitespace
        if id.isEmpty { problems.append(FieldProblem(field: "id", "заполните поле")) }
        if let problem = idProblem(id) { problems.append(FieldProblem(field: "id", problem)) }
        if district.cluster(id) != nil { problems.append(FieldProblem(field: "id", "кластер «\(id)» уже есть")) }
        if fields.title == nil { problems.append(FieldProblem(field: "title", "заполните поле")) }
        if fields.lead == nil { problems.append(FieldProblem(field: "lead", "укажите ведущую школу")) }
        guard problems.isEmpty else { throw FieldProblems(problems) }
        let blank = Cluster(id: id, title: "", district: district.clusters.first?.district, lead: "", members: [],
                            plan: WorkPlan(years: [firstYear, firstYear.next], goal: ""))
        return try blank.editing(fields, in: district).0
    }

    /// The fields replaced and checked as plan files are (known schools, the lead among the
    /// members, unique ids, targets within the plan's years); the cluster's events must still fit
    /// (hosts among the members, tasks that exist). Returns the changes for the audit log.
    public func editing(_ f: ClusterFields, in district: District) throws(FieldProblems) -> (Cluster, [FieldChange]) {
        var problems: [FieldProblem] = []
        var c = self
        /// `.some(nil)`: sent empty, which clears an optional field.
        func text(_ value: String?, _ field: String, required: Bool) -> String?? {
            checkedText(value, field, required: required, problems: &problems).map { $0.isEmpty ? nil : $0 }
        }
        if let v = text(f.title, "title", required: true) { c.title = v ?? "" }
        if let v = text(f.profile, "profile", required: false) { c.profile = v }
        if let v = text(f.lead, "lead", required: true) { c.lead = v ?? "" }
        if let members = f.members {
            c.members = []
            for m in members.map(\.trimmingWhitespace) where !m.isEmpty {
                if c.members.contains(m) { problems.append(FieldProblem(field: "members", "школа \(m) указана дважды")); continue }
                if district.school(m) == nil { problems.append(FieldProblem(field: "members", "неизвестная школа «\(m.excerpt())»")) }
                c.members.append(m)
            }
        }
        if !c.members.contains(c.lead) {
            problems.append(FieldProblem(field: "lead", "ведущая школа \(c.lead.excerpt()) не входит в members"))
        }
        if let name = text(f.coordinatorName, "coordinatorName", required: false) {
            c.coordinator = name.map { Coordinator(name: $0, email: c.coordinator?.email) }
        }
        if let email = text(f.coordinatorEmail, "coordinatorEmail", required: false) {
            if let address = email, let problem = emailProblem(address) {
                problems.append(FieldProblem(field: "coordinatorEmail", "«\(address.excerpt())» — \(problem)"))
            }
            if c.coordinator == nil, email != nil {
                problems.append(FieldProblem(field: "coordinatorName", "укажите имя координатора"))
            }
            c.coordinator?.email = email
        }
        var plan = c.plan ?? WorkPlan(years: [], goal: "")
        if let v = f.contactPrivate { c.privacy.contactPrivate = v }
        if let v = f.notesPrivate { c.privacy.notesPrivate = v }
        if let v = text(f.theme, "theme", required: false) { plan.theme = v }
        if let v = text(f.goal, "goal", required: true) { plan.goal = v ?? "" }
        func uniqueIDs(_ ids: [String], _ field: String) {
            var seen: Set<String> = []
            for id in ids {
                if let problem = idProblem(id) { problems.append(FieldProblem(field: field, "«\(id.excerpt())»: \(problem)")) }
                if id.isEmpty { problems.append(FieldProblem(field: field, "нужен id")) }
                if !seen.insert(id).inserted { problems.append(FieldProblem(field: field, "«\(id.excerpt())» повторяется")) }
            }
        }
        if let tasks = f.tasks {
            uniqueIDs(tasks.map(\.id), "tasks")
            plan.tasks = tasks
        }
        if let directions = f.directions {
            uniqueIDs(directions.map(\.id), "directions")
            plan.directions = directions
        }
        if let indicators = f.indicators {
            uniqueIDs(indicators.map(\.id), "indicators")
            for i in indicators {
                for (year, value) in i.targets {
                    if !plan.years.contains(year) {
                        problems.append(FieldProblem(field: "indicators", "\(i.id): \(year) не входит в годы плана"))
                    }
                    if !InputLimits.indicatorValue.contains(value) {
                        problems.append(FieldProblem(field: "indicators", "\(i.id): цель \(value) вне 0…\(Int(InputLimits.indicatorValue.upperBound))"))
                    }
                }
                if let t = i.target, !InputLimits.indicatorValue.contains(t) {
                    problems.append(FieldProblem(field: "indicators", "\(i.id): цель \(t) вне 0…\(Int(InputLimits.indicatorValue.upperBound))"))
                }
            }
            plan.indicators = indicators
        }
        c.plan = plan
        // The events must still fit the edited cluster, as a plan file's would.
        for event in plan.events {
            for problem in event.problems(in: c, isSchool: { district.school($0) != nil },
                                               isVenue: { district.venue($0) != nil }, calendar: district.calendar)
                where problem.field == "host" || problem.field == "tasks" {
                problems.append(FieldProblem(field: problem.field == "host" ? "members" : "tasks",
                                             "мероприятие № \(event.number): \(problem.message)"))
            }
        }
        guard problems.isEmpty else { throw FieldProblems(problems) }
        return (c, changes(to: c))
    }

    /// The fields as the audit log writes them.
    var fieldValues: [(String, String?)] {
        [("title", title), ("profile", profile), ("lead", lead), ("members", members.joined(separator: ", ")),
         ("coordinatorName", coordinator?.name), ("coordinatorEmail", coordinator?.email), ("theme", plan?.theme),
         ("goal", plan?.goal), ("tasks", plan?.tasks.map(\.line).joined(separator: "\n")),
         ("directions", plan?.directions.map(\.line).joined(separator: "\n")),
         ("indicators", plan?.indicators.map(\.line).joined(separator: "\n")),
         ("privacy", "contact: \(privacy.contactPrivate ? "private" : "public"), notes: \(privacy.notesPrivate ? "private" : "public")")]
    }

    func changes(to other: Cluster) -> [FieldChange] {
        zip(fieldValues, other.fieldValues).compactMap { a, b in a.1 == b.1 ? nil : FieldChange(field: a.0, old: a.1, new: b.1) }
    }
}

extension Indicator {
    /// `trained: Обучено педагогов; 36 чел.; 2019/2020=12; 2020/2021=24`, as the form's lines read.
    public var line: String {
        var parts = ["\(id): \(title)"]
        if let target { parts.append([formatted(target), unit].compactMap { $0 }.joined(separator: " ")) }
        parts += targets.sorted { $0.key < $1.key }.map { "\($0.key)=\(formatted($0.value))" }
        return parts.joined(separator: "; ")
    }
}

private func formatted(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x) }

extension Cluster {
    /// The start of the next two-year plan: the same fields and plan under `id`, its years and
    /// every event's month two years later, events renumbered from 1 in their order, nothing
    /// pinned (a date becomes its month) and nothing scheduled or recorded.
    public func nextCycle(id newID: String) -> Cluster {
        var next = self
        next.id = newID
        guard var plan else { return next }
        plan.years = plan.years.map { AcademicYear(startYear: $0.startYear + 2) }
        plan.indicators = plan.indicators.map { i in
            var i = i
            i.targets = Dictionary(i.targets.map { (AcademicYear(startYear: $0.key.startYear + 2), $0.value) }, uniquingKeysWith: { a, _ in a })
            return i
        }
        plan.events = plan.events.enumerated().map { index, e in
            var event = e
            event.id = EventID(cluster: newID, number: index + 1)
            event.year = AcademicYear(startYear: e.year.startYear + 2)
            event.timing = switch e.timing {
            case .month(let m): .month(m.addingYears(2))
            case .pinned(let d): .month(d.yearMonth.addingYears(2))
            case .window(let from, let to): .window(from: from.addingYears(2), to: to.addingYears(2))
            }
            return event
        }
        next.plan = plan
        return next
    }
}

extension YearMonth {
    /// The same month `n` years later.
    func addingYears(_ n: Int) -> YearMonth { YearMonth(year: year + n, month: month) ?? self }
}

extension LocalDate {
    /// The same day `n` years later; 29 February becomes 28 February in a common year.
    func addingYears(_ n: Int) -> LocalDate {
        let c = components
        return LocalDate(year: c.year + n, month: c.month, day: c.day) ?? LocalDate(year: c.year + n, month: c.month, day: 28) ?? self
    }
}
