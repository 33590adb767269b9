/// One change of the district calendar from the workspace, as the form sends it: texts, checked by
/// `DistrictCalendar.applying`.
public enum CalendarChange: Hashable, Sendable {
    case addVacation(title: String, from: String, to: String)
    case removeVacation(from: String, to: String)
    case addHoliday(date: String)
    case removeHoliday(date: String)
    case addBusy(school: String, from: String, to: String, reason: String)
    case removeBusy(school: String, from: String, to: String)

    /// The school a busy-day change is about; nil for vacations and days off.
    public var school: String? {
        switch self {
        case .addBusy(let school, _, _, _), .removeBusy(let school, _, _): school.trimmingWhitespace
        default: nil
        }
    }
}

extension Account {
    /// Opens the calendar page of the workspace: methodists, and school accounts for their busy days.
    public var mayEditCalendar: Bool { !disabled && (role == .methodist || (role == .school && school != nil)) }

    /// Vacations and extra days off are the methodical centre's; busy days also a school's own.
    public func mayChange(_ change: CalendarChange) -> Bool {
        guard !disabled else { return false }
        if role == .methodist { return true }
        guard role == .school, let own = school, let about = change.school else { return false }
        return own == about
    }
}

extension AuditEntry {
    /// The audit log's cluster for changes of the whole district (its calendar).
    public static let districtScope = ""
}

extension DistrictCalendar {
    /// The calendar with `change` made, checked as a plan file's calendar is (ISO dates, `to` not
    /// before `from`, a known school, no duplicates), with the change for the audit log.
    public func applying(_ change: CalendarChange, in district: District) throws(FieldProblems) -> (DistrictCalendar, FieldChange) {
        var problems: [FieldProblem] = []
        func date(_ text: String, _ field: String) -> LocalDate? {
            let text = text.trimmingWhitespace
            if text.isEmpty { problems.append(FieldProblem(field: field, "заполните поле")); return nil }
            guard let d = LocalDate(iso: text) else {
                problems.append(FieldProblem(field: field, "«\(text.excerpt())» — не дата ГГГГ-ММ-ДД"))
                return nil
            }
            return d
        }
        func range(_ from: String, _ to: String) -> (LocalDate, LocalDate)? {
            guard let a = date(from, "from"), let b = date(to, "to") else { return nil }
            if b < a { problems.append(FieldProblem(field: "to", "«по» раньше «с»")); return nil }
            if b.daysSinceEpoch - a.daysSinceEpoch > 366 { problems.append(FieldProblem(field: "to", "период длиннее года")); return nil }
            return (a, b)
        }
        var next = self
        var audit = FieldChange(field: "calendar", old: nil, new: nil)
        switch change {
        case .addVacation(let title, let from, let to):
            let title = checkedText(title, "title", required: true, problems: &problems)
            if let (a, b) = range(from, to), let title, !title.isEmpty {
                if vacations.contains(where: { $0.from <= b && a <= $0.to }) {
                    problems.append(FieldProblem(field: "from", "пересекается с другими каникулами"))
                }
                next.vacations.append(Vacation(title: title, from: a, to: b))
                next.vacations.sort { ($0.from, $0.to) < ($1.from, $1.to) }
                audit = FieldChange(field: "calendar.vacations", old: nil, new: "\(title): \(a) – \(b)")
            }
        case .removeVacation(let from, let to):
            if let (a, b) = range(from, to) {
                if let i = vacations.firstIndex(where: { $0.from == a && $0.to == b }) {
                    audit = FieldChange(field: "calendar.vacations", old: "\(vacations[i].title): \(a) – \(b)", new: nil)
                    next.vacations.remove(at: i)
                } else {
                    problems.append(FieldProblem(field: nil, "каникул \(a) – \(b) нет в календаре"))
                }
            }
        case .addHoliday(let text):
            if let d = date(text, "date") {
                if holidays.contains(d) { problems.append(FieldProblem(field: "date", "\(d) уже выходной по календарю района")) }
                next.holidays.insert(d)
                audit = FieldChange(field: "calendar.holidays", old: nil, new: d.description)
            }
        case .removeHoliday(let text):
            if let d = date(text, "date") {
                if next.holidays.remove(d) == nil { problems.append(FieldProblem(field: "date", "\(d) нет среди выходных района")) }
                audit = FieldChange(field: "calendar.holidays", old: d.description, new: nil)
            }
        case .addBusy(let school, let from, let to, let reason):
            let school = school.trimmingWhitespace
            if district.school(school) == nil {
                problems.append(FieldProblem(field: "school", "неизвестная школа «\(school.excerpt())»"))
            }
            let reason = checkedText(reason, "reason", required: false, problems: &problems)
            if let (a, b) = range(from, to) {
                if busy.contains(where: { $0.school == school && $0.from == a && $0.to == b }) {
                    problems.append(FieldProblem(field: "from", "эти дни школы \(school) уже отмечены"))
                }
                let reasonText = reason.flatMap { $0.isEmpty ? nil : $0 }
                next.busy.append(BusyPeriod(school: school, from: a, to: b, reason: reasonText))
                audit = FieldChange(field: "calendar.busy", old: nil, new: "\(school): \(a) – \(b)" + (reasonText.map { " (\($0))" } ?? ""))
            }
        case .removeBusy(let school, let from, let to):
            let school = school.trimmingWhitespace
            if let (a, b) = range(from, to) {
                if let i = busy.firstIndex(where: { $0.school == school && $0.from == a && $0.to == b }) {
                    audit = FieldChange(field: "calendar.busy", old: "\(school): \(a) – \(b)", new: nil)
                    next.busy.remove(at: i)
                } else {
                    problems.append(FieldProblem(field: nil, "у школы \(school.excerpt()) нет занятых дней \(a) – \(b)"))
                }
            }
        }
        guard problems.isEmpty else { throw FieldProblems(problems) }
        return (next, audit)
    }
}
