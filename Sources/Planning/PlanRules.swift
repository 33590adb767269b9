// The checks one planned event must pass against its cluster and district: shared by plan files
// (which add the file:line:col) and by the workspace (which shows each next to its form field).

/// What is wrong with one event of a plan. `value` is the school or task at fault in a list field,
/// so a plan file can point at its line.
public struct EventProblem: Hashable, Sendable {
    public var field: String
    public var value: String?
    public var message: String
    /// Plan-file lines have always said which key an unknown school stood under.
    var namesField = false

    /// The line a plan file prints after `мероприятие <id>: `.
    public var planFileMessage: String { namesField ? "\(field): \(message)" : message }
    public var fieldProblem: FieldProblem { FieldProblem(field: field, message) }
}

extension EventTiming {
    /// The plan-file key (and form field) a timing is written under.
    public var field: String {
        switch self {
        case .month: "month"
        case .window: "from"
        case .pinned: "date"
        }
    }

    public var russian: String {
        switch self {
        case .month(let m): m.description
        case .window(let from, let to): "\(from)…\(to)"
        case .pinned(let d): d.description
        }
    }
}

extension PlannedEvent {
    /// Every rule the event breaks within `cluster` (its plan years, members and tasks), against the
    /// district's schools (`isSchool`), partner venues (`isVenue`) and calendar. Empty when the event may be stored.
    public func problems(in cluster: Cluster, isSchool: (String) -> Bool, isVenue: (String) -> Bool,
                         calendar: DistrictCalendar) -> [EventProblem] {
        var problems: [EventProblem] = []
        let years = cluster.plan?.years ?? []
        if !year.contains(timing.firstDay) || !year.contains(timing.lastDay) {
            problems.append(EventProblem(field: timing.field, message: "срок \(timing.russian) вне учебного года \(year)"))
        }
        if !years.isEmpty, !years.contains(year) {
            problems.append(EventProblem(field: "year", message: "учебный год \(year) не входит в годы плана "
                                         + years.map(\.description).joined(separator: ", ")))
        }
        // A partner venue or online may host any cluster's event; a school must be a member.
        if !isOnline, !isVenue(host), !cluster.members.contains(host) {
            problems.append(isSchool(host)
                ? EventProblem(field: "host", value: host, message: "площадка \(host) не входит в кластер \(cluster.id)")
                : EventProblem(field: "host", value: host, message: "неизвестная школа «\(host)»", namesField: true))
        }
        // Members are checked with the cluster, once.
        for school in participants where !isSchool(school) && !cluster.members.contains(school) {
            problems.append(EventProblem(field: "participants", value: school, message: "неизвестная школа «\(school)»",
                                         namesField: true))
        }
        let taskIDs = Set(cluster.plan?.tasks.map(\.id) ?? [])
        for task in tasks where !taskIDs.contains(task) {
            problems.append(EventProblem(field: "tasks", value: task, message: "неизвестная задача «\(task)»"))
        }
        if isOnline, link == nil {
            problems.append(EventProblem(field: "link", message: "онлайн-мероприятию нужна ссылка https://…"))
        }
        if case .pinned(let date) = timing, let off = calendar.dayOff(date) {
            problems.append(EventProblem(field: "date", message: "дата \(date) — \(off.russian)"))
        }
        return problems
    }
}
