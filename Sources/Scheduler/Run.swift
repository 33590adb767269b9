import Planning

extension Engine {
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
            keptDays[j] = day
            let now = Placement(date: p.date, start: jobs[j].start)
            decisions[j] = now == p ? .kept(p) : .moved(from: p, to: now)
            explanations[j] = Explanation(lines: [now == p
                ? "сохранена прежняя дата \(dayLabel(day)): она по-прежнему подходит"
                : "дата \(dayLabel(day)) сохранена, время начала изменено: \(p.start) → \(now.start)"])
        }

        // 3. Everything else, in cluster and number order, on its cheapest allowed day.
        var left: [Int] = []
        for j in jobs.indices where decisions[j] == nil {
            if !place(j) { left.append(j) }
        }

        // 4. What the greedy pass left: a complete search moves other events to make room, or proves there is none.
        var budget = request.searchSteps
        let repair = left.isEmpty ? Repair() : self.repair(left, budget: &budget)
        for j in left where days[j] == nil {
            placeNowhere(j, orderBounds(j), intervals(for: j), invalidPrevious[j])
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
        let completeness: Completeness = feasible ? .complete : repair.conflicts.isEmpty ? .undecided : .impossible
        var result = ScheduleResult(events: events, orderWarnings: orderWarnings, isFeasible: feasible,
                                    completeness: completeness, conflicts: repair.conflicts, leftByGreedy: left.count)
        result.searchStepsUsed = request.searchSteps - max(budget, 0)
        return result
    }

    /// Puts event `j` on its cheapest allowed day; false when no day is allowed.
    mutating func place(_ j: Int) -> Bool {
        // The scratch buffers are moved out, so the day search can be a non-mutating method: calls
        // from a mutating method to non-mutating ones copied the whole engine for each candidate day.
        var excluded: [(Blocker, Int)] = [], clusterDays: [Int] = []
        swap(&excluded, &scratchExcluded)
        swap(&clusterDays, &scratchClusterDays)
        defer {
            swap(&excluded, &scratchExcluded)
            swap(&clusterDays, &scratchClusterDays)
        }
        let bestDay = cheapestDay(j, orderBounds(j), intervals(for: j), &excluded, &clusterDays)
        guard bestDay >= 0 else { return false }
        settle(j, bestDay, excluded)
        return true
    }

    /// Event `j` takes `day` (allowed for it): occupies it and keeps what its lines will need.
    mutating func settle(_ j: Int, _ day: Int, _ excluded: [(Blocker, Int)]) {
        occupy(j, day)
        let placement = Placement(date: date(day), start: jobs[j].start)
        decisions[j] = request.previous.isEmpty ? .placed(placement)
            : request.previous[jobs[j].id].map { .moved(from: $0, to: placement) } ?? .placed(placement)
        let near = clusterNeighbours(j, day)
        facts[j] = PlacedFacts(excludedStart: Int32(excludedCounts.count), excludedCount: Int32(excluded.count),
                               beforeGap: Int32(near.before?.gap ?? 0), beforeJob: Int32(near.before?.job ?? -1),
                               afterGap: Int32(near.after?.gap ?? 0), afterJob: Int32(near.after?.job ?? -1))
        excludedCounts += excluded
    }

    /// The allowed day of the lowest cost in event `j`'s window (the first of equals), or -1; fills
    /// `excluded` with each blocker other than days off and its day count, in order of first appearance.
    func cheapestDay(_ j: Int, _ bounds: OrderBounds, _ intervals: [(Int, Int)],
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
    mutating func placeNowhere(_ j: Int, _ bounds: OrderBounds, _ intervals: [(Int, Int)], _ previousProblem: String?) {
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
        let excluded = excludedCounts[start..<start + Int(f.excludedCount)]
        lines.append(summaryLine(j, excluded))
        let before = f.beforeJob < 0 ? nil : (gap: Int(f.beforeGap), job: Int(f.beforeJob))
        let after = f.afterJob < 0 ? nil : (gap: Int(f.afterGap), job: Int(f.afterJob))
        lines.append(choiceLine(j, days[j]!, (before, after)))
        return lines
    }

    /// Pinned and fixed dates that put a cluster's events of one year out of number order.
    mutating func warnAboutOrder() {
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
