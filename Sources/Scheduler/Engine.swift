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

    let id: EventID
    let number: Int
    let timing: EventTiming
    let durationMinutes: Int
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

/// What a placed event's lines need beyond the engine's tables: its excluded days by blocker
/// (a range of `Engine.excludedCounts`) and the cluster's nearest events when it was placed.
struct PlacedFacts {
    var excludedStart: Int32 = 0, excludedCount: Int32 = -1
    var beforeGap: Int32 = 0, beforeJob: Int32 = -1
    var afterGap: Int32 = 0, afterJob: Int32 = -1

    var isPlaced: Bool { excludedCount >= 0 }
}

/// An engine as it was after `run()`, shared by the lazily rendered explanations of one result.
final class PlacedLines: Sendable {
    let engine: Engine
    init(_ engine: Engine) { self.engine = engine }
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
    /// `dayOff[d] != nil`, as a plain array for the hot loop.
    var isOff: [Bool] = []
    let forbidVacations: Bool
    /// Whether each day's weekday is one of `preferences.preferredWeekdays`.
    var preferredDay: [Bool]
    /// Per district of the plans (vacations differ between regions): the vacation index of each day, or -1.
    var vacationTables: [[Int]] = []
    var allBusyAt: [Int]
    var busyBits: DayBits
    var busyPeriodsBySchool: [Int: [Int]] = [:]
    /// Per school index: its busy intervals.
    var intervalsBySchool: [[Int]] = []
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
    /// Why a published date no longer fits, per job.
    var invalidPrevious: [Int: String] = [:]
    /// What the lines of a placed event need, kept so they can be rendered only when read.
    var facts: [PlacedFacts] = []
    /// `PlacedFacts.excluded*` index this: per placed event, each blocker other than days off and its day count.
    var excludedCounts: [(Blocker, Int)] = []
    /// Scratch buffers reused by `place`.
    private var scratchExcluded: [(Blocker, Int)] = []
    private var scratchClusterDays: [Int] = []

    init(_ request: ScheduleRequest) {
        self.request = request
        let calendar = request.district.calendar
        self.calendar = calendar
        forbidVacations = calendar.preferences.duringVacations == .forbid
        // The events are read in place from each cluster's plan: copying all of them (`District.events`)
        // touched every event's strings and arrays, which is slow once the district no longer fits in cache.
        let plans = request.district.clusters.map { $0.plan?.events ?? [] }
        // Sort by integer keys: the rank of the cluster id among the distinct ids, then the number.
        // Same order as `EventID.<`, without a string comparison per step; the position in the
        // district breaks ties, so the sort is stable.
        var rankOf: [String: Int] = [:]
        var keys: [(rank: Int, number: Int, plan: Int, index: Int)] = []
        keys.reserveCapacity(plans.reduce(0) { $0 + $1.count })
        do {
            var lastName: String?, lastSlot = -1
            var firstSeen: [String] = []
            for (p, list) in plans.enumerated() {
                for k in list.indices {
                    let name = list[k].id.cluster
                    if name != lastName {
                        lastName = name
                        if let r = rankOf[name] { lastSlot = r } else {
                            lastSlot = firstSeen.count
                            rankOf[name] = lastSlot
                            firstSeen.append(name)
                        }
                    }
                    keys.append((lastSlot, list[k].id.number, p, k))
                }
            }
            // First-seen slot -> rank in sorted order.
            let sortedSlots = firstSeen.indices.sorted { firstSeen[$0] < firstSeen[$1] }
            var rankOfSlot = [Int](repeating: 0, count: firstSeen.count)
            for (rank, slot) in sortedSlots.enumerated() { rankOfSlot[slot] = rank }
            for i in keys.indices { keys[i].rank = rankOfSlot[keys[i].rank] }
            for (rank, slot) in sortedSlots.enumerated() { rankOf[firstSeen[slot]] = rank }
        }
        keys.sort { ($0.rank, $0.number, $0.plan, $0.index) < ($1.rank, $1.number, $1.plan, $1.index) }

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
        var districtNames: [String?] = []
        var clusterDistrict: [String: Int] = [:]
        for c in request.district.clusters {
            if let slot = districtNames.firstIndex(of: c.district) { clusterDistrict[c.id] = slot } else {
                clusterDistrict[c.id] = districtNames.count
                districtNames.append(c.district)
            }
        }
        if districtNames.isEmpty { districtNames.append(nil) }
        // Per cluster rank: since jobs are in rank order, the rank is also the cluster's index.
        var rankName = [String](repeating: "", count: rankOf.count)
        for (name, rank) in rankOf { rankName[rank] = name }
        let rankDistrict = rankName.map { clusterDistrict[$0] ?? 0 }
        let rankInScope = rankName.map { name in request.onlyCluster.map { $0 == name } ?? true }
        clusterJobs = Array(repeating: [], count: rankName.count)
        struct GroupKey: Hashable { let cluster: Int, year: Int }
        var groupIndex: [GroupKey: Int] = [:]
        var lastGroup: (key: GroupKey, group: Int)?
        var lastParticipants: (ids: [String], indices: [Int])?
        var lastSchools: [Int]?
        // Most requests have no pins, no previous dates and nothing fixed: skip hashing ids then.
        let pinned = request.pinned.isEmpty ? nil : request.pinned
        let previous = request.previous.isEmpty ? nil : request.previous
        let fixed = request.fixed.isEmpty ? nil : request.fixed
        jobs.reserveCapacity(keys.count)
        for key in keys {
            // Each field read from the plan in place; `e` names them as on `PlannedEvent`.
            let e = (id: plans[key.plan][key.index].id, host: plans[key.plan][key.index].host,
                     participants: plans[key.plan][key.index].participants, year: plans[key.plan][key.index].year,
                     timing: plans[key.plan][key.index].timing, start: plans[key.plan][key.index].start,
                     durationMinutes: plans[key.plan][key.index].durationMinutes)
            // Events of a cluster mostly share their participants: reuse the last indices then, and
            // find the host among them, instead of a lookup by school id per participant.
            let host: Int, participantIndices: [Int]
            if let last = lastParticipants, last.ids == e.participants {
                participantIndices = last.indices
                host = e.participants.firstIndex(of: e.host).map { participantIndices[$0] } ?? school(e.host)
            } else {
                host = school(e.host)
                participantIndices = e.participants.map(school)
                lastParticipants = (e.participants, participantIndices)
            }
            // The host first, then the participants without repeats; the last event's array when equal (no allocation).
            func isLastList(_ last: [Int]) -> Bool {
                guard last.first == host else { return false }
                var n = 1
                for p in participantIndices where !last[..<n].contains(p) {
                    guard n < last.count, last[n] == p else { return false }
                    n += 1
                }
                return n == last.count
            }
            let schools: [Int]
            if let last = lastSchools, isLastList(last) { schools = last } else {
                var list = [host]
                for p in participantIndices where !list.contains(p) { list.append(p) }
                schools = list
                lastSchools = list
            }
            let cluster = key.rank
            let groupKey = GroupKey(cluster: cluster, year: e.year.startYear)
            let group: Int
            if let last = lastGroup, last.key == groupKey { group = last.group }
            else if let g = groupIndex[groupKey] { group = g } else {
                group = groups.count
                groupIndex[groupKey] = group
                groups.append([])
            }
            lastGroup = (groupKey, group)
            let inScope = rankInScope[cluster]
            let planPin: LocalDate? = if case .pinned(let d) = e.timing { d } else { nil }
            let pin = pinned?[e.id] ?? planPin
            let start = e.start ?? calendar.defaultStart
            let previousPlacement = previous?[e.id]
            let role: Job.Role
            if fixed?.contains(e.id) == true {
                role = .fixed(previousPlacement)
            } else if !inScope {
                role = .fixed(previousPlacement ?? pin.map { Placement(date: $0, start: start) })
            } else if let pin {
                role = .pinned(pin)
            } else {
                role = .free
            }
            cover(e.timing.firstDay)
            cover(e.timing.lastDay)
            if let pin { cover(pin) }
            if let p = previousPlacement { cover(p.date) }
            // Absolute day numbers for now; made relative to `base` once every event has been seen.
            let window = pin.map { ($0, $0) } ?? (e.timing.firstDay, e.timing.lastDay)
            groups[group].append(jobs.count)
            clusterJobs[cluster].append(jobs.count)
            jobs.append(Job(id: e.id, number: e.id.number, timing: e.timing, durationMinutes: e.durationMinutes,
                            schools: schools, cluster: cluster, districtSlot: rankDistrict[cluster],
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
        isOff = dayOff.map { $0 != nil }
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
        intervalsBySchool = Array(repeating: [], count: schoolIDs.count)
        var firstOfFile: [String: Int] = [:]
        for (i, interval) in calendar.busyIntervals.enumerated() {
            let key = "\(interval.school ?? "")\u{1}\(interval.source)"
            intervalGroup.append(firstOfFile[key] ?? i)
            if firstOfFile[key] == nil { firstOfFile[key] = i }
            let label = interval.reason.map { "\(interval.source): \($0)" } ?? interval.source
            let group = intervalGroup[i]
            intervalLabels[group] = intervalLabels[group].map { $0 == label ? label : interval.source } ?? label
            if let id = interval.school { intervalsBySchool[school(id)].append(i) }
            else { allSchoolIntervals.append(i) }
        }
        occupied = DayBits(rows: schoolIDs.count, span: span)
        var schoolJobs = Array(repeating: [Int](), count: schoolIDs.count)
        for (j, job) in jobs.enumerated() { for s in job.schools { schoolJobs[s].append(j) } }
        self.schoolJobs = schoolJobs
        days = Array(repeating: nil, count: jobs.count)
        numbers = jobs.map(\.number)
        self.schoolIDs = schoolIDs
        decisions = Array(repeating: nil, count: jobs.count)
        explanations = Array(repeating: Explanation(), count: jobs.count)
        facts = Array(repeating: PlacedFacts(), count: jobs.count)
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
        for s in jobs[j].schools { for i in intervalsBySchool[s] { result.append((s, i)) } }
        for i in allSchoolIntervals { result.append((-1, i)) }
        return result
    }

    /// The first hard rule that excludes `day` for event `j`, or nil when the day is allowed.
    func blocker(_ j: Int, _ day: Int, _ bounds: OrderBounds, _ intervals: [(Int, Int)]) -> Blocker? {
        if let off = dayOff[day] { return .dayOff(off) }
        return workingDayBlocker(j, day, bounds, intervals)
    }

    /// `blocker` for a day that is not a day off.
    func workingDayBlocker(_ j: Int, _ day: Int, _ bounds: OrderBounds, _ intervals: [(Int, Int)]) -> Blocker? {
        if forbidVacations, vacation(j, day) >= 0 { return .vacation(vacation(j, day)) }
        if allBusyAt[day] >= 0 { return .busyPeriod(school: -1, period: allBusyAt[day]) }
        if day < bounds.lo { return .order(job: bounds.loJob) }
        if day > bounds.hi { return .order(job: bounds.hiJob) }
        let schools = jobs[j].schools
        for s in schools where busyBits.contains(s, day) {
            let p = busyPeriodsBySchool[s]?.first { calendar.busy[$0].from <= date(day) && date(day) <= calendar.busy[$0].to }
            return .busyPeriod(school: s, period: p ?? -1)
        }
        for (s, i) in intervals where calendar.busyIntervals[i].overlaps(
            day: date(day), startMinute: jobs[j].start.minutesSinceMidnight, durationMinutes: jobs[j].durationMinutes) {
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

    /// Weighed preferences; lower is better. `clusterDays`: the days of the cluster's other placed
    /// events (the nearest one is the smaller of the two gaps `clusterNeighbours` finds).
    func cost(_ j: Int, _ day: Int, _ clusterDays: [Int]) -> Int {
        let prefs = calendar.preferences
        var cost = abs(day - jobs[j].target)
        if !preferredDay[day] { cost += 10 }
        if vacation(j, day) >= 0 { cost += prefs.duringVacations == .prefer ? -40 : 40 }
        var gap = Int.max
        for d in clusterDays { gap = min(gap, abs(day - d)) }
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
        for j in jobs.indices where !request.previous.isEmpty {
            guard case .free = jobs[j].role, let p = request.previous[jobs[j].id] else { continue }
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
            place(j, invalidPrevious.isEmpty ? nil : invalidPrevious[j])
        }

        // Placed events' lines are rendered from a snapshot of this engine when read (most runs never read them).
        var snapshot = self
        snapshot.explanations = []
        snapshot.decisions = []
        snapshot.scratchExcluded = []
        snapshot.scratchClusterDays = []
        let lines = PlacedLines(snapshot)
        var events: [EventSchedule] = []
        events.reserveCapacity(jobs.count)
        var feasible = true
        for j in jobs.indices where jobs[j].inScope {
            let decision = decisions[j] ?? .unplaced
            if decision == .unplaced { feasible = false }
            let explanation = facts[j].isPlaced ? Explanation(deferred: DeferredLines(source: lines, job: j)) : explanations[j]
            events.append(EventSchedule(id: jobs[j].id, decision: decision, explanation: explanation))
        }
        return ScheduleResult(events: events, orderWarnings: orderWarnings, isFeasible: feasible)
    }

    private mutating func place(_ j: Int, _ previousProblem: String?) {
        // The scratch buffers are moved out, so the day search can be a non-mutating method: calls
        // from a mutating method to non-mutating ones copied the whole engine for each candidate day.
        var excluded: [(Blocker, Int)] = [], clusterDays: [Int] = []
        swap(&excluded, &scratchExcluded)
        swap(&clusterDays, &scratchClusterDays)
        let bounds = orderBounds(j)
        let intervals = intervals(for: j)
        let bestDay = cheapestDay(j, bounds, intervals, &excluded, &clusterDays)
        guard bestDay >= 0 else {
            swap(&excluded, &scratchExcluded)
            swap(&clusterDays, &scratchClusterDays)
            placeNowhere(j, bounds, intervals, previousProblem)
            return
        }
        occupy(j, bestDay)
        let placement = Placement(date: date(bestDay), start: jobs[j].start)
        decisions[j] = request.previous.isEmpty ? .placed(placement)
            : request.previous[jobs[j].id].map { .moved(from: $0, to: placement) } ?? .placed(placement)
        let near = clusterNeighbours(j, bestDay)
        facts[j] = PlacedFacts(excludedStart: Int32(excludedCounts.count), excludedCount: Int32(excluded.count),
                               beforeGap: Int32(near.before?.gap ?? 0), beforeJob: Int32(near.before?.job ?? -1),
                               afterGap: Int32(near.after?.gap ?? 0), afterJob: Int32(near.after?.job ?? -1))
        excludedCounts.append(contentsOf: excluded)
        swap(&excluded, &scratchExcluded)
        swap(&clusterDays, &scratchClusterDays)
    }

    /// The allowed day of the lowest cost in event `j`'s window (the first of equals), or -1; fills
    /// `excluded` with each blocker other than days off and its day count, in order of first appearance.
    private func cheapestDay(_ j: Int, _ bounds: OrderBounds, _ intervals: [(Int, Int)],
                             _ excluded: inout [(Blocker, Int)], _ clusterDays: inout [Int]) -> Int {
        clusterDays.removeAll(keepingCapacity: true)
        for k in clusterJobs[jobs[j].cluster] where k != j { if let d = days[k] { clusterDays.append(d) } }
        excluded.removeAll(keepingCapacity: true)
        var bestDay = -1, bestCost = Int.max
        // Days off are skipped without a record: a placed event's lines do not list them.
        for day in stride(from: jobs[j].first, through: jobs[j].last, by: 1) where !isOff[day] {
            if let found = workingDayBlocker(j, day, bounds, intervals) {
                if let k = excluded.firstIndex(where: { $0.0 == found }) { excluded[k].1 += 1 }
                else { excluded.append((found, 1)) }
                continue
            }
            let c = cost(j, day, clusterDays)
            if bestDay < 0 || c < bestCost { bestDay = day; bestCost = c }
        }
        return bestDay
    }

    /// No day fits: every day of the window under the first rule that excludes it.
    private mutating func placeNowhere(_ j: Int, _ bounds: OrderBounds, _ intervals: [(Int, Int)], _ previousProblem: String?) {
        var excluded: [(Blocker, [Int])] = []
        for day in stride(from: jobs[j].first, through: jobs[j].last, by: 1) {
            guard let found = blocker(j, day, bounds, intervals) else { continue }
            if let k = excluded.firstIndex(where: { $0.0 == found }) { excluded[k].1.append(day) }
            else { excluded.append((found, [day])) }
        }
        var lines: [String] = []
        if let previous = request.previous[jobs[j].id], let previousProblem {
            lines.append(previousLine(previous, previousProblem))
        }
        decisions[j] = .unplaced
        lines += unplacedLines(j, excluded)
        explanations[j] = Explanation(lines: lines, conflicts: excluded.map { constraint($0.0, days: $0.1) })
    }

    /// The lines of a placed event, from the facts `place` kept.
    func placedLines(_ j: Int) -> [String] {
        let f = facts[j]
        var lines: [String] = []
        if !invalidPrevious.isEmpty, let previousProblem = invalidPrevious[j], let previous = request.previous[jobs[j].id] {
            lines.append(previousLine(previous, previousProblem))
        }
        let start = Int(f.excludedStart)
        lines.append(summaryLine(j, excludedCounts[start..<start + Int(f.excludedCount)]))
        let before = f.beforeJob < 0 ? nil : (gap: Int(f.beforeGap), job: Int(f.beforeJob))
        let after = f.afterJob < 0 ? nil : (gap: Int(f.afterGap), job: Int(f.afterJob))
        lines.append(choiceLine(j, days[j]!, (before, after)))
        return lines
    }

    /// Pinned and fixed dates that put a cluster's events of one year out of number order.
    private mutating func warnAboutOrder() {
        for group in groups {
            var latest: Int?
            for j in group {
                guard let d = days[j] else { continue }
                if let l = latest, let ld = days[l], ld >= d {
                    let a = jobs[j].id, b = jobs[l].id
                    orderWarnings.append("\(a) (\(date(d).russian)) стоит не позже \(b) (\(date(ld).russian)): "
                        + "закреплённые даты нарушают порядок номеров")
                }
                if latest == nil || days[latest!]! < d { latest = j }
            }
        }
    }
}
