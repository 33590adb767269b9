import Planning

/// Why one day is excluded for one event. Holds indices into the engine's tables, so the hot loop
/// builds no strings; `Engine.constraint(_:days:)` turns it into a `Constraint`.
enum Blocker: Hashable {
    case dayOff(DayOff)
    case vacation(Int)
    /// `school` -1: a busy period for every school.
    case busyPeriod(school: Int, period: Int)
    /// `school` -1: an interval for every school.
    case busyInterval(school: Int, interval: Int)
    case order(job: Int)
    case event(school: Int, job: Int)
}

/// One bit per (row, day): per-school busy days and per-school occupied days.
struct DayBits {
    let words: Int
    private var storage: [UInt64]

    init(rows: Int, span: Int) {
        words = (span + 63) >> 6
        storage = Array(repeating: 0, count: rows * words)
    }

    func contains(_ row: Int, _ day: Int) -> Bool {
        storage[row &* words &+ (day >> 6)] & (1 &<< UInt64(day & 63)) != 0
    }

    mutating func insert(_ row: Int, _ day: Int) {
        storage[row * words + (day >> 6)] |= 1 << UInt64(day & 63)
    }
}

struct Job {
    enum Role { case fixed(Placement?), pinned(LocalDate), free }

    let event: PlannedEvent
    /// School indices, the host first, without repeats.
    let schools: [Int]
    let cluster: Int
    /// Index into `Engine.vacationTables`: the district of the event's cluster.
    let districtSlot: Int
    /// Index of the event's (cluster, academic year) group: number order holds inside it.
    let group: Int
    /// Window as day numbers relative to `Engine.base`, both ends included.
    var first: Int
    var last: Int
    let start: TimeOfDay
    /// False for events outside `onlyCluster`: they occupy days but are not reported.
    let inScope: Bool
    let role: Role
    var target = 0
}

/// Earliest and latest day number order allows, with the events that set them.
struct OrderBounds {
    var lo = Int.min, loJob = -1
    var hi = Int.max, hiJob = -1
}

/// One scheduling run. `init` builds the day tables once (calendar facts, busy and occupied bitsets
/// per school); `run()` then works in three passes: fixed and pinned events, still-valid published
/// dates, then every other event in id order on its cheapest allowed day.
struct Engine {
    let request: ScheduleRequest
    let calendar: DistrictCalendar
    var jobs: [Job] = []
    var schoolIDs: [String]
    var groups: [[Int]] = []
    var clusterJobs: [[Int]] = []
    let base: Int
    let span: Int
    var dayOff: [DayOff?]
    /// Whether each day's weekday is one of `preferences.preferredWeekdays`.
    var preferredDay: [Bool]
    /// Per district of the plans (vacations differ between regions): the vacation index of each day, or -1.
    var vacationTables: [[Int]] = []
    var allBusyAt: [Int]
    var busyBits: DayBits
    var busyPeriodsBySchool: [Int: [Int]] = [:]
    var intervalsBySchool: [Int: [Int]] = [:]
    var allSchoolIntervals: [Int] = []
    /// For each busy interval, the first interval of the same school and file: blockers name the file, not one interval.
    var intervalGroup: [Int] = []
    /// Per group: `busy/344.ics: Педсовет`, or just the file when its intervals give different reasons.
    var intervalLabels: [Int: String] = [:]
    var occupied: DayBits
    /// The events each school hosts or attends: who occupies a school's day, for explanations.
    var schoolJobs: [[Int]]
    /// The day each event occupies, apart from `jobs` so the hot loops read a small array.
    var days: [Int?] = []
    var numbers: [Int] = []
    var decisions: [Decision?]
    var explanations: [Explanation]
    var orderWarnings: [String] = []

    init(_ request: ScheduleRequest) {
        self.request = request
        let calendar = request.district.calendar
        self.calendar = calendar
        // Sort indices, not the (large) events themselves.
        let events = request.district.events
        let order = events.indices.sorted { events[$0].id < events[$1].id }

        var schoolIDs: [String] = [], schoolIndex: [String: Int] = [:]
        func school(_ id: String) -> Int {
            if let i = schoolIndex[id] { return i }
            schoolIndex[id] = schoolIDs.count
            schoolIDs.append(id)
            return schoolIDs.count - 1
        }
        for s in request.district.schools { _ = school(s.id) }
        for b in calendar.busy { if let s = b.school { _ = school(s) } }
        for b in calendar.busyIntervals { if let s = b.school { _ = school(s) } }

        var lo = Int.max, hi = Int.min
        func cover(_ d: LocalDate) { lo = min(lo, d.daysSinceEpoch); hi = max(hi, d.daysSinceEpoch) }
        var clusterIndex: [String: Int] = [:]
        var districtNames: [String?] = []
        var clusterDistrict: [String: Int] = [:]
        for c in request.district.clusters {
            if let slot = districtNames.firstIndex(of: c.district) { clusterDistrict[c.id] = slot } else {
                clusterDistrict[c.id] = districtNames.count
                districtNames.append(c.district)
            }
        }
        if districtNames.isEmpty { districtNames.append(nil) }
        struct GroupKey: Hashable { let cluster: Int, year: Int }
        var groupIndex: [GroupKey: Int] = [:]
        jobs.reserveCapacity(events.count)
        for e in order.lazy.map({ events[$0] }) {
            var schools = [school(e.host)]
            for p in e.participants where !schools.contains(school(p)) { schools.append(school(p)) }
            let cluster: Int
            if let c = clusterIndex[e.clusterID] { cluster = c } else {
                cluster = clusterIndex.count
                clusterIndex[e.clusterID] = cluster
                clusterJobs.append([])
            }
            let groupKey = GroupKey(cluster: cluster, year: e.year.startYear)
            let group: Int
            if let g = groupIndex[groupKey] { group = g } else {
                group = groups.count
                groupIndex[groupKey] = group
                groups.append([])
            }
            let inScope = request.onlyCluster.map { $0 == e.clusterID } ?? true
            let planPin: LocalDate? = if case .pinned(let d) = e.timing { d } else { nil }
            let pin = request.pinned[e.id] ?? planPin
            let start = e.start ?? calendar.defaultStart
            let role: Job.Role
            if request.fixed.contains(e.id) {
                role = .fixed(request.previous[e.id])
            } else if !inScope {
                role = .fixed(request.previous[e.id] ?? pin.map { Placement(date: $0, start: start) })
            } else if let pin {
                role = .pinned(pin)
            } else {
                role = .free
            }
            cover(e.timing.firstDay)
            cover(e.timing.lastDay)
            if let pin { cover(pin) }
            if let p = request.previous[e.id] { cover(p.date) }
            // Absolute day numbers for now; made relative to `base` once every event has been seen.
            let window = pin.map { ($0, $0) } ?? (e.timing.firstDay, e.timing.lastDay)
            groups[group].append(jobs.count)
            clusterJobs[cluster].append(jobs.count)
            jobs.append(Job(event: e, schools: schools, cluster: cluster, districtSlot: clusterDistrict[e.clusterID] ?? 0,
                            group: group, first: window.0.daysSinceEpoch, last: window.1.daysSinceEpoch, start: start,
                            inScope: inScope, role: role))
        }
        if lo > hi { lo = 0; hi = 0 }
        let base = lo, span = hi - lo + 1
        self.base = base
        self.span = span
        for j in jobs.indices { jobs[j].first -= base; jobs[j].last -= base }
        func dayRange(_ from: LocalDate, _ to: LocalDate) -> Range<Int> {
            let a = max(0, from.daysSinceEpoch - base), b = min(span, to.daysSinceEpoch - base + 1)
            return a < b ? a..<b : 0..<0
        }

        dayOff = (0..<span).map { calendar.dayOff(LocalDate(daysSinceEpoch: base + $0)) }
        preferredDay = (0..<span).map { calendar.preferences.preferredWeekdays.contains(LocalDate(daysSinceEpoch: base + $0).weekday) }
        for name in districtNames {
            var table = Array(repeating: -1, count: span)
            for (v, vacation) in calendar.vacations.enumerated()
            where name == nil || vacation.district == nil || vacation.district == name {
                for d in dayRange(vacation.from, vacation.to) where table[d] < 0 { table[d] = v }
            }
            vacationTables.append(table)
        }
        allBusyAt = Array(repeating: -1, count: span)
        var busyBits = DayBits(rows: schoolIDs.count, span: span)
        for (p, period) in calendar.busy.enumerated() {
            guard let id = period.school else {
                for d in dayRange(period.from, period.to) where allBusyAt[d] < 0 { allBusyAt[d] = p }
                continue
            }
            let s = school(id)
            busyPeriodsBySchool[s, default: []].append(p)
            for d in dayRange(period.from, period.to) { busyBits.insert(s, d) }
        }
        self.busyBits = busyBits
        var firstOfFile: [String: Int] = [:]
        for (i, interval) in calendar.busyIntervals.enumerated() {
            let key = "\(interval.school ?? "")\u{1}\(interval.source)"
            intervalGroup.append(firstOfFile[key] ?? i)
            if firstOfFile[key] == nil { firstOfFile[key] = i }
            let label = interval.reason.map { "\(interval.source): \($0)" } ?? interval.source
            let group = intervalGroup[i]
            intervalLabels[group] = intervalLabels[group].map { $0 == label ? label : interval.source } ?? label
            if let id = interval.school { intervalsBySchool[school(id), default: []].append(i) }
            else { allSchoolIntervals.append(i) }
        }
        occupied = DayBits(rows: schoolIDs.count, span: span)
        var schoolJobs = Array(repeating: [Int](), count: schoolIDs.count)
        for (j, job) in jobs.enumerated() { for s in job.schools { schoolJobs[s].append(j) } }
        self.schoolJobs = schoolJobs
        days = Array(repeating: nil, count: jobs.count)
        numbers = jobs.map(\.event.number)
        self.schoolIDs = schoolIDs
        decisions = Array(repeating: nil, count: jobs.count)
        explanations = Array(repeating: Explanation(), count: jobs.count)
        assignTargets()
    }

    /// Events of one cluster and year that share a window get evenly spaced target days in it,
    /// so they spread through the window instead of piling at its start.
    private mutating func assignTargets() {
        for group in groups {
            var windows: [(first: Int, last: Int, members: [Int])] = []
            for j in group {
                if let w = windows.firstIndex(where: { $0.first == jobs[j].first && $0.last == jobs[j].last }) {
                    windows[w].members.append(j)
                } else {
                    windows.append((jobs[j].first, jobs[j].last, [j]))
                }
            }
            for w in windows {
                let length = w.last - w.first + 1, m = w.members.count
                for (k, j) in w.members.enumerated() { jobs[j].target = w.first + (2 * k + 1) * length / (2 * m) }
            }
        }
    }

    /// The vacation (index into `calendar.vacations`) on `day` for event `j`'s district, or -1.
    func vacation(_ j: Int, _ day: Int) -> Int { vacationTables[jobs[j].districtSlot][day] }

    func date(_ day: Int) -> LocalDate { LocalDate(daysSinceEpoch: base + day) }

    private mutating func occupy(_ j: Int, _ day: Int) {
        days[j] = day
        for s in jobs[j].schools { occupied.insert(s, day) }
    }

    /// The first event (in id order) that school `s` takes part in on `day`, or -1.
    func occupant(_ s: Int, _ day: Int) -> Int { schoolJobs[s].first { days[$0] == day } ?? -1 }

    func orderBounds(_ j: Int) -> OrderBounds {
        var b = OrderBounds()
        let n = numbers[j]
        for k in groups[jobs[j].group] where k != j {
            guard let d = days[k] else { continue }
            let m = numbers[k]
            if m < n, d + 1 > b.lo { b.lo = d + 1; b.loJob = k }
            if m > n, d - 1 < b.hi { b.hi = d - 1; b.hiJob = k }
        }
        return b
    }

    /// Busy intervals that may touch event `j`: (school index or -1, interval index).
    func intervals(for j: Int) -> [(Int, Int)] {
        var result: [(Int, Int)] = []
        for s in jobs[j].schools { for i in intervalsBySchool[s] ?? [] { result.append((s, i)) } }
        for i in allSchoolIntervals { result.append((-1, i)) }
        return result
    }

    /// The first hard rule that excludes `day` for event `j`, or nil when the day is allowed.
    func blocker(_ j: Int, _ day: Int, _ bounds: OrderBounds, _ intervals: [(Int, Int)]) -> Blocker? {
        if let off = dayOff[day] { return .dayOff(off) }
        if calendar.preferences.duringVacations == .forbid, vacation(j, day) >= 0 { return .vacation(vacation(j, day)) }
        if allBusyAt[day] >= 0 { return .busyPeriod(school: -1, period: allBusyAt[day]) }
        if day < bounds.lo { return .order(job: bounds.loJob) }
        if day > bounds.hi { return .order(job: bounds.hiJob) }
        let schools = jobs[j].schools
        for s in schools where busyBits.contains(s, day) {
            let p = busyPeriodsBySchool[s]?.first { calendar.busy[$0].from <= date(day) && date(day) <= calendar.busy[$0].to }
            return .busyPeriod(school: s, period: p ?? -1)
        }
        for (s, i) in intervals where calendar.busyIntervals[i].overlaps(
            day: date(day), startMinute: jobs[j].start.minutesSinceMidnight, durationMinutes: jobs[j].event.durationMinutes) {
            return .busyInterval(school: s, interval: intervalGroup[i])
        }
        for s in schools where occupied.contains(s, day) {
            return .event(school: s, job: occupant(s, day))
        }
        return nil
    }

    /// The nearest other events of the same cluster before (or on) and after `day`, with the gaps.
    func clusterNeighbours(_ j: Int, _ day: Int) -> (before: (gap: Int, job: Int)?, after: (gap: Int, job: Int)?) {
        var before: (gap: Int, job: Int)?, after: (gap: Int, job: Int)?
        for k in clusterJobs[jobs[j].cluster] where k != j {
            guard let d = days[k] else { continue }
            if d <= day { if before == nil || day - d < before!.gap { before = (day - d, k) } }
            else if after == nil || d - day < after!.gap { after = (d - day, k) }
        }
        return (before, after)
    }

    /// Weighed preferences; lower is better.
    func cost(_ j: Int, _ day: Int) -> Int {
        let prefs = calendar.preferences
        var cost = abs(day - jobs[j].target)
        if !preferredDay[day] { cost += 10 }
        if vacation(j, day) >= 0 { cost += prefs.duringVacations == .prefer ? -40 : 40 }
        let near = clusterNeighbours(j, day)
        let gap = min(near.before?.gap ?? Int.max, near.after?.gap ?? Int.max)
        if gap < prefs.minimumGapDays { cost += 1000 + 10 * (prefs.minimumGapDays - gap) }
        return cost
    }

    mutating func run() -> ScheduleResult {
        // 1. Fixed and pinned events occupy their days first: nothing moves them.
        for j in jobs.indices {
            switch jobs[j].role {
            case .fixed(let p):
                if let p { occupy(j, p.date.daysSinceEpoch - base) }
                decisions[j] = .fixed(p)
                explanations[j] = Explanation(lines: [fixedLine(p)])
            case .pinned(let d):
                let day = d.daysSinceEpoch - base
                let found = blocker(j, day, OrderBounds(), intervals(for: j))
                occupy(j, day)
                decisions[j] = .pinned(Placement(date: d, start: jobs[j].start))
                explanations[j] = pinnedExplanation(j, day, found)
            case .free:
                break
            }
        }
        warnAboutOrder()

        // 2. Published dates that still satisfy every hard rule stay where they are.
        var invalidPrevious: [Int: String] = [:]
        for j in jobs.indices {
            guard case .free = jobs[j].role, let p = request.previous[jobs[j].event.id] else { continue }
            let day = p.date.daysSinceEpoch - base
            guard day >= jobs[j].first, day <= jobs[j].last else {
                invalidPrevious[j] = "вне окна \(windowLabel(j))"
                continue
            }
            if let found = blocker(j, day, orderBounds(j), intervals(for: j)) {
                invalidPrevious[j] = describe(found, for: j)
                continue
            }
            occupy(j, day)
            let now = Placement(date: p.date, start: jobs[j].start)
            decisions[j] = now == p ? .kept(p) : .moved(from: p, to: now)
            explanations[j] = Explanation(lines: [now == p
                ? "сохранена прежняя дата \(dayLabel(day)): она по-прежнему подходит"
                : "дата \(dayLabel(day)) сохранена, время начала изменено: \(p.start) → \(now.start)"])
        }

        // 3. Everything else, in cluster and number order, on its cheapest allowed day.
        for j in jobs.indices where decisions[j] == nil {
            place(j, invalidPrevious[j])
        }

        var events: [EventSchedule] = []
        var feasible = true
        for j in jobs.indices where jobs[j].inScope {
            let decision = decisions[j] ?? .unplaced
            if decision == .unplaced { feasible = false }
            events.append(EventSchedule(id: jobs[j].event.id, decision: decision, explanation: explanations[j]))
        }
        return ScheduleResult(events: events, orderWarnings: orderWarnings, isFeasible: feasible)
    }

    private mutating func place(_ j: Int, _ previousProblem: String?) {
        let bounds = orderBounds(j)
        let intervals = intervals(for: j)
        var best: (day: Int, cost: Int)?
        var excluded: [(Blocker, [Int])] = []
        for day in stride(from: jobs[j].first, through: jobs[j].last, by: 1) {
            if let found = blocker(j, day, bounds, intervals) {
                if let k = excluded.firstIndex(where: { $0.0 == found }) { excluded[k].1.append(day) }
                else { excluded.append((found, [day])) }
                continue
            }
            let c = cost(j, day)
            if best == nil || c < best!.cost { best = (day, c) }
        }
        let previous = request.previous[jobs[j].event.id]
        var lines: [String] = []
        if let previous, let previousProblem {
            lines.append("прежняя дата \(previous.date.weekday.russianShort) \(previous.date.russian) больше не подходит: \(previousProblem)")
        }
        guard let best else {
            decisions[j] = .unplaced
            lines += unplacedLines(j, excluded)
            explanations[j] = Explanation(lines: lines, conflicts: excluded.map { constraint($0.0, days: $0.1) })
            return
        }
        occupy(j, best.day)
        let placement = Placement(date: date(best.day), start: jobs[j].start)
        decisions[j] = previous.map { .moved(from: $0, to: placement) } ?? .placed(placement)
        lines.append(summaryLine(j, excluded))
        lines.append(choiceLine(j, best.day))
        explanations[j] = Explanation(lines: lines)
    }

    /// Pinned and fixed dates that put a cluster's events of one year out of number order.
    private mutating func warnAboutOrder() {
        for group in groups {
            var latest: Int?
            for j in group {
                guard let d = days[j] else { continue }
                if let l = latest, let ld = days[l], ld >= d {
                    let a = jobs[j].event.id, b = jobs[l].event.id
                    orderWarnings.append("\(a) (\(date(d).russian)) стоит не позже \(b) (\(date(ld).russian)): "
                        + "закреплённые даты нарушают порядок номеров")
                }
                if latest == nil || days[latest!]! < d { latest = j }
            }
        }
    }
}
