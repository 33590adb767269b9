import Planning

/// The Russian text of `--explain`, and blockers turned into structured constraints.
extension Engine {
    func dayLabel(_ day: Int) -> String { "\(date(day).weekday.russianShort) \(date(day).russian)" }

    func windowLabel(_ j: Int) -> String {
        switch jobs[j].timing {
        case .month(let m): m.russian
        case .window(let from, let to): "\(from.russian)–\(to.russian)"
        case .pinned(let d): d.russian
        }
    }

    func schoolLabel(_ s: Int) -> String {
        if s < 0 { return "все школы" }
        if let venue = venue(s) { return "площадка «\(venue.name)»" }
        return "школа \(schoolIDs[s])"
    }

    /// A partner venue among the "schools": it hosts, never attends.
    func venue(_ s: Int) -> Venue? { s < 0 || request.district.venues.isEmpty ? nil : request.district.venue(schoolIDs[s]) }

    func busyReason(_ period: Int) -> String {
        guard period >= 0 else { return "занята" }
        let p = calendar.busy[period]
        let dates = p.from == p.to ? p.from.russian : "\(p.from.russian)–\(p.to.russian)"
        return "\(p.reason ?? "занятость"), \(dates)"
    }

    func intervalReason(_ interval: Int) -> String { intervalLabels[interval] ?? calendar.busyIntervals[interval].source }

    func eventLabel(_ k: Int) -> String {
        guard k >= 0 else { return "другое мероприятие" }
        let day = days[k].map { ", \(date($0).russian)" } ?? ""
        return "\(jobs[k].id)\(day)"
    }

    /// A short phrase for one blocker, as used after a count or after "не подходит:".
    func describe(_ b: Blocker, for j: Int) -> String {
        switch b {
        case .dayOff(let off): off.russian
        case .vacation(let v): "каникулы (\(calendar.vacations[v].title)), а календарь запрещает мероприятия в каникулы"
        case .busyPeriod(let s, let p):
            s < 0 ? "все школы заняты (\(busyReason(p)))" : "\(schoolLabel(s)) занята (\(busyReason(p)))"
        case .busyInterval(let s, let i): "\(schoolLabel(s)) занята (\(intervalReason(i)))"
        case .order(let k):
            jobs[k].number < jobs[j].number
                ? "не позже №\(jobs[k].number) (\(eventLabel(k))), а мероприятия кластера идут по номерам"
                : "не раньше №\(jobs[k].number) (\(eventLabel(k))), а мероприятия кластера идут по номерам"
        case .event(let s, let k):
            "\(schoolLabel(s)) \(s == jobs[j].host && venue(s) == nil ? "как площадка " : "")уже на другом мероприятии (\(eventLabel(k)))"
        }
    }

    /// What a coordinator can change to free days excluded by `b`.
    func remedy(_ b: Blocker, for j: Int) -> String? {
        switch b {
        case .dayOff: nil
        case .vacation: "разрешить мероприятия в каникулы (calendar: during_vacations: avoid)"
        case .busyPeriod(let s, _):
            s < 0 ? "сократить общую занятость в calendar.busy" : "сократить занятость: \(schoolLabel(s)) в calendar.busy"
        case .busyInterval(let s, let i):
            "освободить время в \(calendar.busyIntervals[i].source) или изменить время начала (\(schoolLabel(s)))"
        case .order(let k): "изменить окно или номер мероприятия \(jobs[k].id)"
        case .event(let s, let k):
            s == jobs[j].host
                ? "перенести \(k >= 0 ? "\(jobs[k].id)" : "другое мероприятие") или выбрать другую площадку"
                : "перенести \(k >= 0 ? "\(jobs[k].id)" : "другое мероприятие") или исключить \(schoolLabel(s)) из участников"
        }
    }

    func constraint(_ b: Blocker, days: [Int]) -> Constraint {
        let dates = days.map(date)
        switch b {
        case .dayOff(let off): return .dayOff(off, days: dates)
        case .vacation(let v): return .vacationForbidden(title: calendar.vacations[v].title, days: dates)
        case .busyPeriod(let s, let p):
            return .schoolBusy(school: s < 0 ? nil : schoolIDs[s], reason: p < 0 ? "" : calendar.busy[p].reason ?? "", days: dates)
        case .busyInterval(let s, let i):
            return .schoolBusy(school: s < 0 ? nil : schoolIDs[s], reason: calendar.busyIntervals[i].source, days: dates)
        case .order(let k):
            return .numberOrder(event: jobs[k].id, date: date(self.days[k] ?? 0), days: dates)
        case .event(let s, let k):
            return .schoolHasEvent(school: schoolIDs[s], event: k >= 0 ? jobs[k].id : jobs[0].id, days: dates)
        }
    }

    func previousLine(_ previous: Placement, _ problem: String) -> String {
        "прежняя дата \(previous.date.weekday.russianShort) \(previous.date.russian) больше не подходит: \(problem)"
    }

    func fixedLine(_ p: Placement?) -> String {
        p.map { "не переназначается (проведено, отменено, исключено или дата уже прошла); занимает \($0.date.weekday.russianShort) \($0.date.russian)" }
            ?? "не переназначается (проведено, отменено, исключено или дата уже прошла); даты нет"
    }

    func pinnedExplanation(_ j: Int, _ day: Int, _ found: Blocker?) -> Explanation {
        var lines = ["дата закреплена: \(dayLabel(day))"]
        guard let found else { return Explanation(lines: lines) }
        lines.append("внимание: закреплённая дата нарушает правило — \(describe(found, for: j))")
        return Explanation(lines: lines, conflicts: [constraint(found, days: [day])])
    }

    /// `октябрь 2019: 23 рабочих дня, 4 — каникулы (…), 2 — школа 344 занята (…)`
    /// `excluded`: each blocker and how many days of the window it excludes (days off are not listed).
    func summaryLine(_ j: Int, _ excluded: ArraySlice<(Blocker, Int)>) -> String {
        let window = stride(from: jobs[j].first, through: jobs[j].last, by: 1)
        let working = window.filter { dayOff[$0] == nil }.count
        var parts = ["\(windowLabel(j)): \(working) \(plural(working, "рабочий день", "рабочих дня", "рабочих дней"))"]
        if calendar.preferences.duringVacations != .forbid {
            var byVacation: [(Int, Int)] = []
            for d in window where dayOff[d] == nil && vacation(j, d) >= 0 {
                if let k = byVacation.firstIndex(where: { $0.0 == vacation(j, d) }) { byVacation[k].1 += 1 }
                else { byVacation.append((vacation(j, d), 1)) }
            }
            for (v, n) in byVacation { parts.append("\(n) — каникулы (\(calendar.vacations[v].title))") }
        }
        for (b, count) in excluded {
            if case .dayOff = b { continue }
            parts.append("\(count) — \(shortDescription(b, for: j))")
        }
        return parts.joined(separator: ", ")
    }

    private func shortDescription(_ b: Blocker, for j: Int) -> String {
        switch b {
        case .order(let k):
            jobs[k].number < jobs[j].number
                ? "не позже №\(jobs[k].number) (\(eventLabel(k)))"
                : "не раньше №\(jobs[k].number) (\(eventLabel(k)))"
        case .event(let s, let k): "\(schoolLabel(s)) на другом мероприятии (\(eventLabel(k)))"
        case .vacation(let v): "каникулы (\(calendar.vacations[v].title)), запрещены"
        default: describe(b, for: j)
        }
    }

    /// `выбран чт 17.10.2019 — предпочтительный день недели, интервал 28 дней после nevsky-exact/1`
    /// `near`: the cluster's nearest events when `day` was chosen (`clusterNeighbours`).
    func choiceLine(_ j: Int, _ day: Int,
                    _ near: (before: (gap: Int, job: Int)?, after: (gap: Int, job: Int)?)) -> String {
        let prefs = calendar.preferences
        var reasons: [String] = []
        reasons.append(preferredDay[day]
            ? "предпочтительный день недели" : "день недели не из предпочтительных: лучшие дни заняты")
        if vacation(j, day) >= 0 {
            let title = calendar.vacations[vacation(j, day)].title
            reasons.append(prefs.duringVacations == .prefer
                ? "каникулы (\(title)) — предпочтительно" : "каникулы (\(title)) — нежелательно, но других подходящих дней нет")
        }
        let offset = day - jobs[j].target
        reasons.append(offset == 0 ? "равномерно по окну" : "\(abs(offset)) дн. \(offset < 0 ? "раньше" : "позже") намеченного \(date(jobs[j].target).russian)")
        // The gap after the previous event of the cluster; the next one is named only when it is too close.
        for (n, relation) in [(near.before, "после"), (near.after, "до")] {
            guard let n, relation == "после" || n.gap < prefs.minimumGapDays else { continue }
            let gap = "интервал \(n.gap) \(plural(n.gap, "день", "дня", "дней")) \(relation) \(jobs[n.job].id)"
            reasons.append(n.gap < prefs.minimumGapDays
                ? "\(gap) — меньше минимального (\(prefs.minimumGapDays)): в окне нет дня с нужным интервалом" : gap)
        }
        return "выбран \(dayLabel(day)) — " + reasons.joined(separator: ", ")
    }

    func unplacedLines(_ j: Int, _ excluded: [(Blocker, [Int])]) -> [String] {
        let total = max(0, jobs[j].last - jobs[j].first + 1)
        var lines = ["назначить нельзя: в окне \(windowLabel(j)) (\(total) \(plural(total, "день", "дня", "дней"))) нет ни одного подходящего дня"]
        var offDays = 0
        for (b, days) in excluded {
            if case .dayOff = b { offDays += days.count; continue }
            lines.append("\(days.count) \(plural(days.count, "день", "дня", "дней")) — \(describe(b, for: j))")
        }
        if offDays > 0 { lines.insert("\(offDays) \(plural(offDays, "день", "дня", "дней")) — выходные и праздники", at: 1) }
        var remedies = ["расширить окно мероприятия (month или from/to)"]
        for (b, _) in excluded {
            if let r = remedy(b, for: j), !remedies.contains(r) { remedies.append(r) }
        }
        lines.append("что можно сделать: " + remedies.joined(separator: "; "))
        return lines
    }
}

/// Russian plural: 1 день, 2 дня, 5 дней, 21 день.
func plural(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
    let tens = n % 100, units = n % 10
    if (11...14).contains(tens) { return many }
    if units == 1 { return one }
    if (2...4).contains(units) { return few }
    return many
}
