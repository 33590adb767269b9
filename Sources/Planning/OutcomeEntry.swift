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
