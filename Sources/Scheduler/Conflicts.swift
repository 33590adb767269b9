import Planning

/// One thing a conflict set can name; removing it from the plan relaxes the problem.
enum Item: Hashable {
    /// A movable event (it needs a day) or a fixed one (it occupies its day and bounds the order).
    case event(Int)
    case busyPeriod(Int)
    /// A busy-interval file of one school (`Engine.intervalGroup`).
    case interval(Int)
    /// A vacation, while the calendar forbids events in vacations.
    case vacation(Int)
}

/// Minimal conflict sets: the problem restricted to some items, checked by the complete search;
/// deletion filtering keeps only the items without which it becomes feasible.
extension Engine {
    /// What excludes `day` for event `j` among the things no run moves: nil for a day off (no
    /// item to remove), else the items (empty: the day is free of them).
    func fixedExclusions(_ j: Int, _ day: Int) -> [Item]? {
        guard dayOff[day] == nil else { return nil }
        var items: [Item] = []
        if forbidVacations, vacation(j, day) >= 0 { items.append(.vacation(vacation(j, day))) }
        for p in allSchoolPeriods where busyDays[p].contains(day) { items.append(.busyPeriod(p)) }
        for s in jobs[j].schools {
            for p in busyPeriodsBySchool[s] where busyDays[p].contains(day) { items.append(.busyPeriod(p)) }
            for k in schoolJobList[Int(schoolJobStart[s])..<Int(schoolJobStart[s + 1])] {
                let k = Int(k)
                if k != j, !movable[k], days[k] == day { items.append(.event(k)) }
            }
        }
        for (_, i) in intervals(for: j) where calendar.busyIntervals[i].overlaps(
            day: date(day), startMinute: jobs[j].start.minutesSinceMidnight, durationMinutes: jobs[j].durationMinutes) {
            items.append(.interval(intervalGroup[i]))
        }
        for k in groups[jobs[j].group] where k != j && !movable[k] {
            guard let dk = days[k] else { continue }
            if (numbers[k] < numbers[j] && day <= dk) || (numbers[k] > numbers[j] && day >= dk) { items.append(.event(k)) }
        }
        // Without repeats, in order of first appearance (a school busy twice, two schools in one period).
        var unique: [Item] = []
        for item in items where !unique.contains(item) { unique.append(item) }
        items = unique
        return items
    }

    /// How the events of `vars` constrain each other: (a, b) by position in `vars`, whether they
    /// share a school, and whether number order puts a before b (-1), b before a (1) or neither (0).
    func links(_ vars: [Int]) -> [(a: Int, b: Int, shareSchool: Bool, order: Int)] {
        var position: [Int: Int] = [:]
        for (n, j) in vars.enumerated() { position[j] = n }
        var result: [(a: Int, b: Int, shareSchool: Bool, order: Int)] = []
        for (n, j) in vars.enumerated() {
            for k in linked(j, keptToo: true) {
                guard let m = position[k], m > n else { continue }
                let order = jobs[j].group != jobs[k].group || numbers[j] == numbers[k] ? 0 : numbers[j] < numbers[k] ? -1 : 1
                result.append((n, m, !Set(jobs[j].schools).isDisjoint(with: jobs[k].schools), order))
            }
        }
        return result
    }

    /// The problem of `vars` with only the items in `active`: is there a day for each active event?
    /// Nil when the budget runs out first.
    func isFeasible(_ vars: [Int], _ links: [(a: Int, b: Int, shareSchool: Bool, order: Int)],
                    _ exclusions: [[[Item]?]], _ active: Set<Item>, budget: inout Int) -> Bool? {
        let space = DaySearch()
        budget -= exclusions.reduce(links.count) { $0 + $1.count }  // building counts as search work
        var index = [Int](repeating: -1, count: vars.count)
        for (n, j) in vars.enumerated() where active.contains(.event(j)) {
            index[n] = space.count
            let days = exclusions[n].indices.filter { exclusions[n][$0].map { $0.allSatisfy { !active.contains($0) } } ?? false }
            space.addVariable(days: days.map { jobs[j].first + $0 })
        }
        for link in links where index[link.a] >= 0 && index[link.b] >= 0 {
            let a = index[link.a], b = index[link.b]
            if link.shareSchool { space.differentDays(a, b) }
            if link.order < 0 { space.ordered(a, before: b) } else if link.order > 0 { space.ordered(b, before: a) }
        }
        switch space.solve(budget: &budget) {
        case .solved: return true
        case .infeasible: return false
        case .outOfBudget: return nil
        }
    }

    /// A minimal conflict set of the infeasible problem of `vars` (every other movable event left
    /// out, fixed ones and busy periods as they are): infeasible itself, feasible without any one item.
    /// When the budget runs out part way, the set found so far (infeasible, perhaps not minimal).
    /// Also the set's events (job indices). `skipping`: events given up, left out.
    func conflictSet(of all: [Int], around pending: [Int], skipping: Set<Int>, budget: inout Int) -> (set: ConflictSet, events: [Int]) {
        // A smaller infeasible core first: the events within a widening circle of the unplaced ones
        // (the others left out, which only relaxes the problem), so deletion works on few items.
        var vars = all
        var radius = 0
        let widest = reach(from: pending, keptToo: true, skipping: skipping).map(\.distance).max() ?? 0
        while radius < widest {
            if let circle = infeasibleCircle(around: pending, radius: radius, skipping: skipping, budget: &budget) {
                vars = circle
                break
            }
            radius = radius == 0 ? 1 : radius * 2
        }
        var exclusions: [[[Item]?]] = []
        for j in vars {
            var list: [[Item]?] = []
            for day in jobs[j].first...max(jobs[j].first, jobs[j].last) where day <= jobs[j].last { list.append(fixedExclusions(j, day)) }
            exclusions.append(list)
        }
        var items: [Item] = vars.map { .event($0) }
        for list in exclusions { for case let day? in list { for item in day where !items.contains(item) { items.append(item) } } }
        let links = links(vars)
        var kept = items
        var n = 0
        while n < kept.count {
            var without = Set(kept)
            without.remove(kept[n])
            guard let feasible = isFeasible(vars, links, exclusions, without, budget: &budget) else { break }
            if feasible { n += 1 } else { kept.remove(at: n) }
        }
        // Events (in id order) first, then busy periods, busy calendars and vacations, each by index.
        kept.sort { rank($0) < rank($1) }
        let events = kept.compactMap { if case .event(let j) = $0 { j } else { nil } }
        return (ConflictSet(items: kept.map(publicItem), lines: conflictLines(kept, vars, exclusions)), events)
    }

    private func rank(_ item: Item) -> (Int, Int) {
        switch item {
        case .event(let j): (0, j)
        case .busyPeriod(let p): (1, p)
        case .interval(let i): (2, i)
        case .vacation(let v): (3, v)
        }
    }

    func publicItem(_ item: Item) -> ConflictItem {
        switch item {
        case .event(let j): .event(jobs[j].id)
        case .busyPeriod(let p): .busyPeriod(index: p)
        case .interval(let i): .busyInterval(index: i)
        case .vacation(let v): .vacation(index: v)
        }
    }

    /// The set in words a coordinator can act on: what it holds, then, per event, which days its
    /// items leave and who else needs them.
    func conflictLines(_ set: [Item], _ vars: [Int], _ exclusions: [[[Item]?]]) -> [String] {
        let active = Set(set)
        var lines = ["нельзя назначить все мероприятия: эти условия вместе не оставляют расписания, а без любого одного из них оно есть:"]
        for item in set { lines.append("  - " + itemLabel(item)) }
        for (n, j) in vars.enumerated() where active.contains(.event(j)) {
            var busy: [Item] = [], free: [Int] = []
            for (offset, items) in exclusions[n].enumerated() {
                guard let items else { continue }
                let here = items.filter(active.contains)
                if here.isEmpty { free.append(jobs[j].first + offset) }
                for item in here where !busy.contains(item) { busy.append(item) }
            }
            let vacations = busy.compactMap { if case .vacation(let v) = $0 { calendar.vacations[v].title } else { nil } }
            let owning = busy.filter { if case .vacation = $0 { false } else { true } }
            let window = windowLabel(j), list = free.map { date($0).russian }.joined(separator: ", ")
            let vacationClause = "каникул (\(vacations.joined(separator: ", "))), в которые календарь запрещает мероприятия"
            var line = "\(jobs[j].id): "
            if owning.isEmpty && vacations.isEmpty {
                line += free.isEmpty ? "в окне \(window) нет рабочих дней" : "в окне \(window) свободны \(list)"
            } else {
                line += owning.isEmpty ? "все рабочие дни окна \(window) — дни \(vacationClause)"
                    : "\(owners(owning)) во все рабочие дни окна \(window)" + (vacations.isEmpty ? "" : ", кроме \(vacationClause)")
                if !free.isEmpty { line += vacations.isEmpty ? ", кроме \(list)" : ", и кроме \(list)" }
            }
            let needing = vars.filter { k in k != j && active.contains(.event(k)) && linked(j, keptToo: true).contains(k) }
            if !free.isEmpty && !needing.isEmpty {
                line += free.count == 1 ? ", который нужен и " : ", которые нужны и "
                line += (needing.count == 1 ? "мероприятию " : "мероприятиям ") + needing.map { "\(jobs[$0].id)" }.joined(separator: ", ")
            }
            lines.append(line)
        }
        lines.append("что можно сделать: снять любое одно из условий — сократить занятость, расширить окно мероприятия, "
            + "перенести закреплённое мероприятие или убрать мероприятие из плана")
        return lines
    }

    /// «школы 146 и 170 заняты», «школа 146 и мероприятие c/1 заняты».
    private func owners(_ items: [Item]) -> String {
        var schools: [String] = [], others: [String] = []
        for item in items {
            switch item {
            case .busyPeriod(let p): if let s = calendar.busy[p].school { if !schools.contains(s) { schools.append(s) }; continue }
            case .interval(let i): if let s = calendar.busyIntervals[i].school { if !schools.contains(s) { schools.append(s) }; continue }
            default: break
            }
            let o = owner(item)
            if !others.contains(o) { others.append(o) }
        }
        func and(_ list: [String]) -> String {
            list.count < 2 ? list.joined() : list.dropLast().joined(separator: ", ") + " и " + list[list.count - 1]
        }
        let names = (schools.isEmpty ? [] : [(schools.count == 1 ? "школа " : "школы ") + and(schools)]) + others
        return and(names) + (schools.count + others.count == 1 && others.first != "все школы" ? " занята" : " заняты")
    }

    /// Who an item makes busy, for «школы 146 и 170 заняты …».
    private func owner(_ item: Item) -> String {
        switch item {
        case .event(let k): "мероприятие \(jobs[k].id)"
        case .busyPeriod(let p): calendar.busy[p].school.map { "школа \($0)" } ?? "все школы"
        case .interval(let i): calendar.busyIntervals[i].school.map { "школа \($0)" } ?? "все школы"
        case .vacation(let v): "каникулы (\(calendar.vacations[v].title))"
        }
    }

    private func itemLabel(_ item: Item) -> String {
        switch item {
        case .event(let j) where movable[j]:
            "мероприятие \(jobs[j].id): окно \(windowLabel(j)), школы \(jobs[j].schools.map { schoolIDs[$0] }.joined(separator: ", "))"
        case .event(let j):
            "мероприятие \(jobs[j].id) не переносится (\(days[j].map(dayLabel) ?? "—")), "
                + "школы \(jobs[j].schools.map { schoolIDs[$0] }.joined(separator: ", "))"
        case .busyPeriod(let p): "\(owner(item)) \(calendar.busy[p].school == nil ? "заняты" : "занята"): \(busyReason(p))"
        case .interval(let i): "\(owner(item)) занята: \(intervalReason(i))"
        case .vacation(let v): "каникулы (\(calendar.vacations[v].title)), а календарь запрещает мероприятия в каникулы"
        }
    }
}
