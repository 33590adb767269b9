import Planning

/// What the repair of the greedy pass's leftovers found beyond new days.
struct Repair {
    /// One minimal conflict set for each part of the district proven to have no complete placement.
    var conflicts: [ConflictSet] = []
}

/// The repair: for the events the greedy pass could not place, a complete search over the events
/// they depend on (sharing a school or a cluster's number order in overlapping windows).
///
/// 1. An event with no allowed day even when every movable event steps aside is impossible alone.
/// 2. Otherwise the unpublished events around it move: first its close neighbours, then a wider
///    circle, up to every event connected to it; published (kept) dates stay.
/// 3. If that fails, published dates may move too: the fewest that make a complete placement.
/// 4. If even that fails, the part is proven impossible and a minimal conflict set names why.
extension Engine {
    /// Movable events that constrain `j`: the same cluster and year (number order), or a shared school in an overlapping window.
    func linked(_ j: Int, keptToo: Bool) -> [Int] {
        // Local copies of the tables: in debug builds each read through `self` here copied the whole engine.
        let jobs = self.jobs, movable = self.movable, keptDays = self.keptDays
        let start = schoolJobStart, list = schoolJobList
        var result: [Int] = []
        let first = jobs[j].first, last = jobs[j].last, group = jobs[j].group
        var candidates = groups[group]
        for s in jobs[j].schools { for k in list[Int(start[s])..<Int(start[s + 1])] { candidates.append(Int(k)) } }
        for k in candidates where k != j && movable[k] && (keptToo || keptDays[k] == nil)
            && (jobs[k].group == group || (jobs[k].first <= last && first <= jobs[k].last)) && !result.contains(k) {
            result.append(k)
        }
        return result.sorted()
    }

    /// Events reachable from `starts` through `linked`, with their distance; `skipping` are left out.
    func reach(from starts: [Int], keptToo: Bool, skipping: Set<Int>) -> [(job: Int, distance: Int)] {
        var distance: [Int: Int] = [:]
        var order: [Int] = []
        for j in starts where !skipping.contains(j) && distance[j] == nil { distance[j] = 0; order.append(j) }
        var next = 0
        while next < order.count {
            let j = order[next]
            next += 1
            for k in linked(j, keptToo: keptToo) where !skipping.contains(k) && distance[k] == nil {
                distance[k] = distance[j]! + 1
                order.append(k)
            }
        }
        return order.map { ($0, distance[$0]!) }
    }

    mutating func unoccupy(_ j: Int) {
        guard let day = days[j] else { return }
        for s in jobs[j].schools { occupied.remove(s, day) }
        days[j] = nil
    }

    /// A search over `vars`, every other event staying where it is; the state is left unchanged.
    mutating func search(_ vars: [Int], maxMoves: Int, budget: inout Int) -> DaySearch.Outcome {
        let saved = vars.map { days[$0] }
        for j in vars { unoccupy(j) }
        let space = searchSpace(vars, saved)
        for (j, d) in zip(vars, saved) { if let d { occupy(j, d) } }
        budget -= vars.reduce(0) { $0 + jobs[$1].last - jobs[$1].first + 1 }  // building counts as search work
        space.maxMoves = maxMoves
        return space.solve(budget: &budget)
    }

    /// The search of `vars` (not occupying any day now; `saved`: their days before) against everything else.
    /// Not mutating: in debug builds each call of a helper from a mutating method copied the whole engine.
    func searchSpace(_ vars: [Int], _ saved: [Int?]) -> DaySearch {
        let space = DaySearch()
        for (n, j) in vars.enumerated() {
            let bounds = orderBounds(j), intervals = intervals(for: j)
            var allowed: [(cost: Int, day: Int)] = []
            for day in jobs[j].first...max(jobs[j].first, jobs[j].last) where day <= jobs[j].last && blocker(j, day, bounds, intervals) == nil {
                allowed.append((cost(j, day, []), day))
            }
            // The day it had first (so a repair moves few events), then by the weighed preferences.
            var order = allowed.sorted { $0 < $1 }.map(\.day)
            if let d = keptDays[j] ?? saved[n], let k = order.firstIndex(of: d) { order.insert(order.remove(at: k), at: 0) }
            space.addVariable(days: order, home: keptDays[j])
        }
        for link in links(vars) {
            if link.shareSchool { space.differentDays(link.a, link.b) }
            if link.order < 0 { space.ordered(link.a, before: link.b) } else if link.order > 0 { space.ordered(link.b, before: link.a) }
        }
        return space
    }

    /// Whether every day of `j`'s window is excluded by what no run moves.
    func isImpossibleAlone(_ j: Int) -> Bool {
        for day in jobs[j].first...max(jobs[j].first, jobs[j].last) where day <= jobs[j].last {
            if fixedExclusions(j, day) == [] { return false }
        }
        return true
    }

    /// Puts `vars` on `solution` (from `search`), records their decisions and the facts for their lines.
    mutating func apply(_ vars: [Int], _ solution: [Int], unblocking: [Int]) {
        let changed = zip(vars, solution).filter { days[$0.0] != $0.1 }
        for (j, _) in changed { unoccupy(j) }
        for (j, d) in changed { occupy(j, d) }
        let names = unblocking.map { "\(jobs[$0].id)" }.joined(separator: ", ")
        for (j, d) in changed {
            unoccupy(j)
            var excluded: [(Blocker, Int)] = []
            _ = cheapestDay(j, orderBounds(j), intervals(for: j), &excluded, &scratchClusterDays)
            settle(j, d, excluded)
            if let kept = keptDays[j], kept != d {
                invalidPrevious[j] = "без переноса нельзя назначить \(names)"
            }
        }
    }

    /// The movable events within `radius` of `starts` when they alone (every other event left out) have no placement.
    func infeasibleCircle(around starts: [Int], radius: Int, skipping: Set<Int>, budget: inout Int) -> [Int]? {
        let circle = reach(from: starts, keptToo: true, skipping: skipping).filter { $0.distance <= radius }.map(\.job).sorted()
        let exclusions = circle.map { k in (jobs[k].first...max(jobs[k].first, jobs[k].last)).map { fixedExclusions(k, $0) } }
        let items = Set(circle.map { Item.event($0) } + exclusions.flatMap { $0.compactMap { $0 }.flatMap { $0 } })
        return isFeasible(circle, links(circle), exclusions, items, budget: &budget) == false ? circle : nil
    }

    /// How many published dates `solution` moves.
    func movedKept(_ vars: [Int], _ solution: [Int]) -> Int {
        zip(vars, solution).filter { j, d in keptDays[j].map { $0 != d } ?? false }.count
    }

    mutating func repair(_ left: [Int], budget: inout Int) -> Repair {
        var result = Repair()
        // 1. Impossible alone: every day of the window is excluded by what no run moves.
        var alone: Set<Int> = []
        for j in left where isImpossibleAlone(j) {
            alone.insert(j)
            result.conflicts.append(conflictSet(of: [j], around: [j], skipping: [], budget: &budget).set)
        }
        // `alone` also gathers the events given up after a proof, so the rest of their part can still be placed.
        var next = 0
        while next < left.count {
            let j = left[next]
            guard budget > 0 else { break }
            guard days[j] == nil, !alone.contains(j) else { next += 1; continue }
            // 2. Unpublished events around it move, in widening circles.
            let part = reach(from: [j], keptToo: false, skipping: alone)
            let pending = part.map(\.job).filter { days[$0] == nil }
            var radius = 1, solved = false, outOfBudget = false
            var core: [Int]?
            while !solved && !outOfBudget && core == nil {
                let vars = part.filter { $0.distance <= radius }.map(\.job).sorted()
                // One search may use a quarter of what is left, so one hard event cannot starve the others.
                var slice = max(1, budget / 4)
                let given = slice
                let outcome = search(vars, maxMoves: 0, budget: &slice)
                budget -= given - slice
                switch outcome {
                case .solved(let s): apply(vars, s, unblocking: pending); solved = true
                case .outOfBudget: outOfBudget = true
                case .infeasible:
                    // The events of the circle alone (the rest left out, kept dates free) may already have no placement: a proof.
                    core = infeasibleCircle(around: [j], radius: radius, skipping: alone, budget: &budget)
                }
                if vars.count == part.count { break }
                radius *= 2
            }
            if solved || outOfBudget { next += 1; continue }
            if let core {
                let (set, events) = conflictSet(of: core, around: [j], skipping: alone, budget: &budget)
                result.conflicts.append(set)
                guard let given = events.first(where: { days[$0] == nil }) else { next += 1; continue }
                alone.insert(given)
                continue
            }
            // 3. Published dates may move: the fewest that make room.
            let vars = reach(from: pending, keptToo: true, skipping: alone).map(\.job).sorted()
            switch search(vars, maxMoves: Int.max, budget: &budget) {
            case .solved(var best):
                var moves = movedKept(vars, best)
                while moves > 1, case .solved(let fewer) = search(vars, maxMoves: moves - 1, budget: &budget) {
                    best = fewer
                    moves = movedKept(vars, best)
                }
                apply(vars, best, unblocking: pending)
                next += 1
            case .infeasible:
                // 4. Proven impossible: name why, give up one unplaced event of the set (a placed set
                // is consistent, so it holds one) and try the same event again without it.
                let (set, events) = conflictSet(of: vars, around: pending, skipping: alone, budget: &budget)
                result.conflicts.append(set)
                guard let given = events.first(where: { days[$0] == nil }) else { next += 1; continue }
                alone.insert(given)
            case .outOfBudget:
                next += 1
            }
        }
        return result
    }
}
