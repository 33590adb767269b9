import Planning

/// The hard rules and the weighed preferences, day by day: what every pass of a run asks.
extension Engine {
    func vacation(_ j: Int, _ day: Int) -> Int { vacationTables[jobs[j].districtSlot][day] }

    func date(_ day: Int) -> LocalDate { LocalDate(daysSinceEpoch: base + day) }

    mutating func occupy(_ j: Int, _ day: Int) {
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
            for p in busyPeriodsBySchool[s] where busyDays[p].contains(day) { return .busyPeriod(school: s, period: p) }
            return .busyPeriod(school: s, period: -1)
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
}
