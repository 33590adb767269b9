/// What `record` says happened to an event.
public enum OutcomeEntry: Hashable, Sendable {
    case held(on: LocalDate, participants: Int, schools: [String], note: String?, products: String?)
    case cancelled(reason: String)
    case postponed(to: LocalDate)

    /// Every reason this entry cannot be recorded for `id`, one Russian line each; empty when valid.
    public func problems(for id: EventID, in snapshot: DistrictSnapshot, today: LocalDate) -> [String] {
        guard let event = snapshot.events.first(where: { $0.id == id })?.event else {
            return [UnknownID.event(id, in: snapshot).description]
        }
        let district = snapshot.district.cluster(id.cluster)?.district
        var problems: [String] = []
        func checkInYear(_ date: LocalDate, _ flag: String) {
            if !event.year.contains(date) {
                problems.append("\(flag) \(date): вне учебного года \(event.year) мероприятия \(id)")
            }
        }
        switch self {
        case .held(let date, let participants, let schools, _, _):
            checkInYear(date, "--held")
            if date > today { problems.append("--held \(date): дата ещё не наступила (сегодня \(today))") }
            if participants < 0 { problems.append("--participants \(participants): число участников не может быть отрицательным") }
            if participants > InputLimits.count.upperBound {
                problems.append("--participants \(participants): больше \(InputLimits.count.upperBound) — проверьте число")
            }
            if schools.count > participants, participants >= 0 {
                problems.append("--schools: школ \(schools.count), а участников \(participants) — от каждой школы нужен хотя бы один участник")
            }
            for school in schools {
                guard let known = snapshot.district.school(school) else {
                    problems.append("--schools: неизвестная школа «\(school)»")
                    continue
                }
                if let district, known.district != district {
                    problems.append("--schools: школа «\(school)» не из района «\(district)»")
                }
            }
            var seen: Set<String> = []
            for school in schools where !seen.insert(school).inserted {
                problems.append("--schools: школа «\(school)» указана дважды")
            }
        case .cancelled(let reason):
            if reason.allSatisfy(\.isWhitespace) { problems.append("--cancelled: укажите причину отмены") }
        case .postponed(let date):
            checkInYear(date, "--postponed")
            if let off = snapshot.district.calendar.dayOff(date) { problems.append("--postponed \(date): \(off.russian)") }
        }
        return problems
    }
}

extension OutcomeEntry {
    /// What the user should confirm before this entry is recorded: it replaces an outcome already
    /// recorded, or postpones the event into a school vacation. Empty when nothing needs asking.
    public func warnings(for item: EventSnapshot, calendar: DistrictCalendar, district: String?) -> [String] {
        var warnings: [String] = []
        if item.state.outcome != nil || [.held, .cancelled, .postponed].contains(item.state.status) {
            warnings.append("у мероприятия \(item.id) уже записан итог («\(item.state.status.russian)»): он будет заменён")
        }
        if case .postponed(let date) = self, let vacation = calendar.vacation(on: date, district: district) {
            warnings.append("\(date.russian) — \(vacation.title.lowercased()) (\(vacation.from.russian) – \(vacation.to.russian))")
        }
        return warnings
    }

    /// The form or API field a `problems` line is about, and the line without its command-line flag.
    public static func field(of problem: String) -> FieldProblem {
        let flags = [("--held", "date"), ("--participants", "participants"), ("--schools", "schools"),
                     ("--cancelled", "reason"), ("--postponed", "date")]
        for (flag, field) in flags where problem.hasPrefix(flag) {
            var rest = problem.dropFirst(flag.count)
            if rest.first == ":" { rest = rest.dropFirst() }
            return FieldProblem(field: field, String(rest).trimmingWhitespace)
        }
        return FieldProblem(field: "status", problem)
    }
}
