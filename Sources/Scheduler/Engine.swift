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

/// A blocker other than a day off and how many days it excludes, in 16 bytes (a `Blocker` and an
/// `Int` take 40): kept for every placed event until its lines are read.
struct CountedBlocker {
    private let kind: UInt8
    private let a: Int32, b: Int32
    let count: Int32

    init(_ blocker: Blocker, _ count: Int) {
        self.count = Int32(count)
        switch blocker {
        case .dayOff: preconditionFailure("days off are not kept for placed events")
        case .vacation(let v): (kind, a, b) = (1, Int32(v), 0)
        case .busyPeriod(let s, let p): (kind, a, b) = (2, Int32(s), Int32(p))
        case .busyInterval(let s, let i): (kind, a, b) = (3, Int32(s), Int32(i))
        case .order(let k): (kind, a, b) = (4, Int32(k), 0)
        case .event(let s, let k): (kind, a, b) = (5, Int32(s), Int32(k))
        }
    }

    var blocker: Blocker {
        switch kind {
        case 1: .vacation(Int(a))
        case 2: .busyPeriod(school: Int(a), period: Int(b))
        case 3: .busyInterval(school: Int(a), interval: Int(b))
        case 4: .order(job: Int(a))
        default: .event(school: Int(a), job: Int(b))
        }
    }
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

/// The day each event occupies, or nil: 4 bytes an event, so the table stays in cache.
struct DayTable {
    private var raw: [Int32] = []

    init() {}
    init(count: Int) { raw = Array(repeating: Int32.min, count: count) }

    subscript(_ j: Int) -> Int? {
        get { raw[j] == Int32.min ? nil : Int(raw[j]) }
        set { raw[j] = newValue.map { Int32($0) } ?? Int32.min }
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
    /// Per cluster: its jobs, contiguous since jobs are in id order.
    var clusterJobs: [Range<Int>] = []
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
    /// Per school index: its busy periods.
    var busyPeriodsBySchool: [[Int]] = []
    /// Per school index: its busy intervals.
    var intervalsBySchool: [[Int]] = []
    var allSchoolIntervals: [Int] = []
    /// For each busy interval, the first interval of the same school and file: blockers name the file, not one interval.
    var intervalGroup: [Int] = []
    /// Per group: `busy/344.ics: Педсовет`, or just the file when its intervals give different reasons.
    var intervalLabels: [Int: String] = [:]
    var occupied: DayBits
    /// The events each school hosts or attends: who occupies a school's day, for explanations.
    /// Flat: the jobs of school `s` are `schoolJobList[schoolJobStart[s]..<schoolJobStart[s + 1]]`, in id order.
    var schoolJobStart: [Int32] = []
    var schoolJobList: [Int32] = []
    /// The day each event occupies, apart from `jobs` so the hot loops read a small array.
    var days = DayTable()
    var numbers: [Int] = []
    var decisions: [Decision?]
    var explanations: [Explanation]
    var orderWarnings: [String] = []
    /// Why a published date no longer fits, per job.
    var invalidPrevious: [Int: String] = [:]
    /// What the lines of a placed event need, kept so they can be rendered only when read.
    var facts: [PlacedFacts] = []
    /// `PlacedFacts.excluded*` index this: per placed event, each blocker other than days off and its day count.
    var excludedCounts: [CountedBlocker] = []
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
        // Bucket by rank (in district order inside a bucket), then sort each cluster's few events by
        // number: the same order as sorting by (rank, number, position), without the n log n.
        if !keys.isEmpty {
            var start = [Int](repeating: 0, count: rankOf.count + 1)
            for k in keys { start[k.rank + 1] += 1 }
            for r in 0..<rankOf.count { start[r + 1] += start[r] }
            var bucketed = keys, next = start
            for k in keys { bucketed[next[k.rank]] = k; next[k.rank] += 1 }
            for r in 0..<rankOf.count where start[r + 1] - start[r] > 1 {
                bucketed[start[r]..<start[r + 1]].sort { ($0.number, $0.plan, $0.index) < ($1.number, $1.plan, $1.index) }
            }
            keys = bucketed
        }

        var schoolIDs: [String] = [], schoolIndex: [String: Int] = [:]
        func school(_ id: String) -> Int {
            if let i = schoolIndex[id] { return i }
            schoolIndex[id] = schoolIDs.count
            schoolIDs.append(id)
            return schoolIDs.count - 1
        }
        // By index: a `for s in schools` loop copies each school (and retains its strings).
        let schoolList = request.district.schools
        schoolIndex.reserveCapacity(schoolList.count)
        schoolIDs.reserveCapacity(schoolList.count)
        for i in schoolList.indices { _ = school(schoolList[i].id) }
        for i in calendar.busy.indices { if let s = calendar.busy[i].school { _ = school(s) } }
        for i in calendar.busyIntervals.indices { if let s = calendar.busyIntervals[i].school { _ = school(s) } }

        var lo = Int.max, hi = Int.min
        func cover(_ d: LocalDate) { lo = min(lo, d.daysSinceEpoch); hi = max(hi, d.daysSinceEpoch) }
        var districtNames: [String?] = []
        var clusterDistrict: [String: Int] = [:]
        let clusterList = request.district.clusters
        clusterDistrict.reserveCapacity(clusterList.count)
        for i in clusterList.indices {
            let id = clusterList[i].id, district = clusterList[i].district
            if let slot = districtNames.firstIndex(of: district) { clusterDistrict[id] = slot } else {
                clusterDistrict[id] = districtNames.count
                districtNames.append(district)
            }
        }
        if districtNames.isEmpty { districtNames.append(nil) }
        // Per cluster rank: since jobs are in rank order, the rank is also the cluster's index.
        var rankName = [String](repeating: "", count: rankOf.count)
        for (name, rank) in rankOf { rankName[rank] = name }
        let rankDistrict = rankName.map { clusterDistrict[$0] ?? 0 }
        let rankInScope = rankName.map { name in request.onlyCluster.map { $0 == name } ?? true }
        clusterJobs = Array(repeating: 0..<0, count: rankName.count)
        struct GroupKey: Hashable { let cluster: Int, year: Int }
        var groupIndex: [GroupKey: Int] = [:]
        var lastGroup: (key: GroupKey, group: Int)?
        var recentCluster = -1, recentLists: [(ids: [String], indices: [Int])] = []
        var lastSchools: [Int]?
        // Most requests have no pins, no previous dates and nothing fixed: skip hashing ids then.
        let pinned = request.pinned.isEmpty ? nil : request.pinned
        let previous = request.previous.isEmpty ? nil : request.previous
        let fixed = request.fixed.isEmpty ? nil : request.fixed
        jobs.reserveCapacity(keys.count)
        for key in keys {
            // Each field read from the plan in place (a tuple or a `PlannedEvent` copy costs a generic copy per event).
            let id = plans[key.plan][key.index].id
            let hostID = plans[key.plan][key.index].host
            let participants = plans[key.plan][key.index].participants
            let timing = plans[key.plan][key.index].timing
            // Events of a cluster share few participant lists: reuse the indices of an equal list seen
            // in this cluster, and find the host among them, instead of a lookup per participant.
            if key.rank != recentCluster { recentCluster = key.rank; recentLists.removeAll(keepingCapacity: true) }
            let host: Int, participantIndices: [Int]
            if let known = recentLists.first(where: { $0.ids == participants }) {
                participantIndices = known.indices
                host = participants.firstIndex(of: hostID).map { participantIndices[$0] } ?? school(hostID)
            } else {
                host = school(hostID)
                participantIndices = participants.map(school)
                if recentLists.count < 8 { recentLists.append((participants, participantIndices)) }
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
            let groupKey = GroupKey(cluster: cluster, year: plans[key.plan][key.index].year.startYear)
            let group: Int
            if let last = lastGroup, last.key == groupKey { group = last.group }
            else if let g = groupIndex[groupKey] { group = g } else {
                group = groups.count
                groupIndex[groupKey] = group
                groups.append([])
            }
            lastGroup = (groupKey, group)
            let inScope = rankInScope[cluster]
            let planPin: LocalDate? = if case .pinned(let d) = timing { d } else { nil }
            let pin = pinned?[id] ?? planPin
            let start = plans[key.plan][key.index].start ?? calendar.defaultStart
            let previousPlacement = previous?[id]
            let role: Job.Role
            if fixed?.contains(id) == true {
                role = .fixed(previousPlacement)
            } else if !inScope {
                role = .fixed(previousPlacement ?? pin.map { Placement(date: $0, start: start) })
            } else if let pin {
                role = .pinned(pin)
            } else {
                role = .free
            }
            cover(timing.firstDay)
            cover(timing.lastDay)
            if let pin { cover(pin) }
            if let p = previousPlacement { cover(p.date) }
            // Absolute day numbers for now; made relative to `base` once every event has been seen.
            let window = pin.map { ($0, $0) } ?? (timing.firstDay, timing.lastDay)
            groups[group].append(jobs.count)
            clusterJobs[cluster] = (clusterJobs[cluster].isEmpty ? jobs.count : clusterJobs[cluster].lowerBound)..<(jobs.count + 1)
            jobs.append(Job(id: id, number: id.number, timing: timing,
                            durationMinutes: plans[key.plan][key.index].durationMinutes,
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
        busyPeriodsBySchool = Array(repeating: [], count: schoolIDs.count)
        for p in calendar.busy.indices {
            let from = calendar.busy[p].from, to = calendar.busy[p].to
            guard let id = calendar.busy[p].school else {
                for d in dayRange(from, to) where allBusyAt[d] < 0 { allBusyAt[d] = p }
                continue
            }
            let s = school(id)
            busyPeriodsBySchool[s].append(p)
            for d in dayRange(from, to) { busyBits.insert(s, d) }
        }
        self.busyBits = busyBits
        intervalsBySchool = Array(repeating: [], count: schoolIDs.count)
        struct FileKey: Hashable { let school: String?, source: String }
        var firstOfFile: [FileKey: Int] = [:]
        // Per group: whether every interval gives the reason of the group's first one.
        var sameReason: [Int: Bool] = [:]
        let intervals = calendar.busyIntervals
        intervalGroup.reserveCapacity(intervals.count)
        for i in intervals.indices {
            let key = FileKey(school: intervals[i].school, source: intervals[i].source)
            let group = firstOfFile[key] ?? i
            intervalGroup.append(group)
            if group == i { firstOfFile[key] = i; sameReason[i] = true }
            else if sameReason[group] == true, intervals[i].reason != intervals[group].reason { sameReason[group] = false }
            if let id = intervals[i].school { intervalsBySchool[school(id)].append(i) }
            else { allSchoolIntervals.append(i) }
        }
        // `busy/344.ics: Педсовет` when the file's intervals agree, else the file alone.
        for (group, same) in sameReason {
            let first = intervals[group]
            intervalLabels[group] = same ? first.reason.map { "\(first.source): \($0)" } ?? first.source : first.source
        }
        occupied = DayBits(rows: schoolIDs.count, span: span)
        var schoolJobStart = [Int32](repeating: 0, count: schoolIDs.count + 1)
        for job in jobs { for s in job.schools { schoolJobStart[s + 1] += 1 } }
        for s in 0..<schoolIDs.count { schoolJobStart[s + 1] += schoolJobStart[s] }
        var schoolJobList = [Int32](repeating: 0, count: Int(schoolJobStart[schoolIDs.count]))
        var nextSlot = schoolJobStart
        for (j, job) in jobs.enumerated() {
            for s in job.schools { schoolJobList[Int(nextSlot[s])] = Int32(j); nextSlot[s] += 1 }
        }
        self.schoolJobStart = schoolJobStart
        self.schoolJobList = schoolJobList
        days = DayTable(count: jobs.count)
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
        // Per window of the group: its ends, how many members, and how many got a target so far.
        var windows: [(first: Int, last: Int, members: Int, done: Int)] = []
        var windowOf: [Int] = []
        for g in groups.indices {
            windows.removeAll(keepingCapacity: true)
            windowOf.removeAll(keepingCapacity: true)
            for j in groups[g] {
                let first = jobs[j].first, last = jobs[j].last
                if let w = windows.firstIndex(where: { $0.first == first && $0.last == last }) {
                    windows[w].members += 1
                    windowOf.append(w)
                } else {
                    windowOf.append(windows.count)
                    windows.append((first, last, 1, 0))
                }
            }
            for (n, j) in groups[g].enumerated() {
                let w = windowOf[n]
                let length = windows[w].last - windows[w].first + 1, m = windows[w].members, k = windows[w].done
                jobs[j].target = windows[w].first + (2 * k + 1) * length / (2 * m)
                windows[w].done += 1
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
    func occupant(_ s: Int, _ day: Int) -> Int {
        for k in schoolJobList[Int(schoolJobStart[s])..<Int(schoolJobStart[s + 1])] where days[Int(k)] == day { return Int(k) }
        return -1
    }

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
            let p = busyPeriodsBySchool[s].first { calendar.busy[$0].from <= date(day) && date(day) <= calendar.busy[$0].to }
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
        for (b, n) in excluded { excludedCounts.append(CountedBlocker(b, n)) }
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
        let excluded = excludedCounts[start..<start + Int(f.excludedCount)].map { ($0.blocker, Int($0.count)) }
        lines.append(summaryLine(j, excluded[...]))
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
