import Planning

/// Made-up tight districts for the scheduler's oracle test and its "tight city" benchmark: every
/// school in two or three clusters of three or four, a share of each school's working days busy,
/// each cluster's events in short overlapping windows of one autumn term.
/// Deterministic: the same arguments give the same district on any machine.
extension SyntheticDistrict {
    public static func tight(schools schoolCount: Int, eventsPerCluster: ClosedRange<Int>, busyPercent: ClosedRange<Int>,
                             seed: UInt64) -> District {
        var rng = SplitMix64(seed: seed)
        let schoolCount = max(3, schoolCount)
        let schools = (1...schoolCount).map {
            School(id: String($0), name: "Школа № \($0)", district: "Тесный район", kind: .school, address: "ул. Тесная, д. \($0)")
        }
        // Each school's two or three places in clusters, shuffled, then dealt to clusters of three or four.
        var slots: [Int] = []
        for s in 1...schoolCount { slots += Array(repeating: s, count: 2 + rng.below(2)) }
        for i in slots.indices.reversed() { slots.swapAt(i, rng.below(i + 1)) }
        var memberLists: [[String]] = []
        while !slots.isEmpty {
            let size = min(3 + rng.below(2), slots.count)
            var members: [String] = []
            var rest: [Int] = []
            for s in slots {
                if members.count < size, !members.contains(String(s)) { members.append(String(s)) } else { rest.append(s) }
            }
            slots = rest
            // A last school left alone joins the previous cluster.
            if members.count >= 2 || memberLists.isEmpty {
                memberLists.append(members)
            } else {
                memberLists[memberLists.count - 1] += members.filter { !memberLists[memberLists.count - 1].contains($0) }
            }
        }
        let year = AcademicYear(startYear: 2019)
        let term = LocalDate(year: 2019, month: 9, day: 2)!
        var calendar = DistrictCalendar(publicHolidays: russianHolidays2019to2021, vacations: stPetersburgVacations)
        var clusters: [Cluster] = []
        for (c, members) in memberLists.enumerated() {
            let id = "t\(c + 1)"
            let count = eventsPerCluster.lowerBound + rng.below(eventsPerCluster.count)
            var events: [PlannedEvent] = []
            for k in 0..<count {
                let from = term.adding(days: k * 10 + rng.below(5))
                let window = EventTiming.window(from: from, to: from.adding(days: 16 + rng.below(10)))
                let host = members[rng.below(members.count)]
                var participants = members
                if rng.below(2) == 0 { participants = [host, members[rng.below(members.count)]] }
                events.append(PlannedEvent(id: EventID(cluster: id, number: k + 1), year: year, format: .seminar,
                                           title: "Семинар №\(k + 1)", timing: window, host: host,
                                           participants: participants))
            }
            clusters.append(Cluster(id: id, title: "Кластер \(c + 1)", district: "Тесный район", lead: members[0],
                                    members: members, plan: WorkPlan(years: [year], goal: "—", events: events)))
        }
        let end = clusters.flatMap { $0.plan?.events ?? [] }.map(\.timing.lastDay).max() ?? term
        let working = stride(from: 0, through: term.days(until: end), by: 1).map { term.adding(days: $0) }
            .filter { calendar.dayOff($0) == nil }
        for s in 1...schoolCount {
            let share = busyPercent.lowerBound + rng.below(busyPercent.count)
            var busy = Set<LocalDate>()
            while busy.count * 100 < share * working.count {
                let from = working[rng.below(working.count)]
                let to = from.adding(days: rng.below(3))
                for d in working where from <= d && d <= to { busy.insert(d) }
                calendar.busy.append(BusyPeriod(school: String(s), from: from, to: to, reason: "занятость \(calendar.busy.count + 1)"))
            }
        }
        return District(name: "Тесный район", schools: schools, clusters: clusters, calendar: calendar)
    }
}
