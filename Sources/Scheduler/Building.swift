import Planning

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
    /// Busy periods of every school.
    var allSchoolPeriods: [Int] = []
    /// Per busy period: its days, relative to `base` (may reach outside `0..<span`).
    var busyDays: [ClosedRange<Int>] = []
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
    /// Published dates kept by pass 2 (job -> day): a repair moves as few of them as it can.
    var keptDays: [Int: Int] = [:]
    /// Per job: free (not fixed, not pinned, in scope), so a run may move it.
    var movable: [Bool] = []
    /// What the lines of a placed event need, kept so they can be rendered only when read.
    var facts: [PlacedFacts] = []
    /// `PlacedFacts.excluded*` index this: per placed event, each blocker other than days off and its day count.
    var excludedCounts: [(Blocker, Int)] = []
    /// Scratch buffers reused by `place`.
    var scratchExcluded: [(Blocker, Int)] = []
    var scratchClusterDays: [Int] = []

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
            // The host first, then the participants without repeats; online occupies no place.
            let host = hostID == PlannedEvent.online ? nil : school(hostID)
            var schools = host.map { [$0] } ?? []
            for p in participants { let s = school(p); if !schools.contains(s) { schools.append(s) } }
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
            } else if let p = previousPlacement, let today = request.today, p.date < today {
                role = .fixed(p)
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
                            schools: schools, host: host, cluster: cluster, districtSlot: rankDistrict[cluster],
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
            busyDays.append(from.daysSinceEpoch - base...max(from.daysSinceEpoch, to.daysSinceEpoch) - base)
            guard let id = calendar.busy[p].school else {
                allSchoolPeriods.append(p)
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
        movable = jobs.map { if case .free = $0.role { true } else { false } }
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

}
