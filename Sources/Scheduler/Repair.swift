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
    /// Events a run may move: not fixed, not pinned, in scope.
    func isMovable(_ j: Int) -> Bool {
        if case .free = jobs[j].role { return true }
        return false
    }

    /// Movable events that constrain `j`: a shared school or the same cluster and year, in an overlapping window.
    func linked(_ j: Int, keptToo: Bool) -> [Int] {
        var result: [Int] = []
        func consider(_ k: Int) {
            guard k != j, isMovable(k), keptToo || keptDays[k] == nil,
                  jobs[k].first <= jobs[j].last, jobs[j].first <= jobs[k].last, !result.contains(k) else { return }
            result.append(k)
        }
        for s in jobs[j].schools { for k in schoolJobList[Int(schoolJobStart[s])..<Int(schoolJobStart[s + 1])] { consider(Int(k)) } }
        for k in groups[jobs[j].group] { consider(k) }
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
        defer { for (j, d) in zip(vars, saved) { if let d { occupy(j, d) } } }
        var space = DaySearch()
        space.maxMoves = maxMoves
        var index: [Int: Int] = [:]
        for (n, j) in vars.enumerated() {
            index[j] = n
            let bounds = orderBounds(j), intervals = intervals(for: j)
            var allowed = stride(from: jobs[j].first, through: jobs[j].last, by: 1).filter {
                blocker(j, $0, bounds, intervals) == nil
            }
            // The day it had first (so a repair moves few events), then by the weighed preferences.
            allowed.sort { (cost(j, $0, []), $0) < (cost(j, $1, []), $1) }
            if let d = keptDays[j] ?? saved[n], let k = allowed.firstIndex(of: d) { allowed.insert(allowed.remove(at: k), at: 0) }
            space.addVariable(days: allowed, home: keptDays[j])
        }
        for (n, j) in vars.enumerated() {
            for k in linked(j, keptToo: true) {
                guard let m = index[k], m > n else { continue }
                if !Set(jobs[j].schools).isDisjoint(with: jobs[k].schools) { space.differentDays(n, m) }
                if jobs[j].group == jobs[k].group, numbers[j] != numbers[k] {
                    if numbers[j] < numbers[k] { space.ordered(n, before: m) } else { space.ordered(m, before: n) }
                }
            }
        }
        return space.solve(budget: &budget)
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

    /// How many published dates `solution` moves.
    func movedKept(_ vars: [Int], _ solution: [Int]) -> Int {
        zip(vars, solution).filter { j, d in keptDays[j].map { $0 != d } ?? false }.count
    }

    mutating func repair(_ left: [Int], budget: inout Int) -> Repair {
        var result = Repair()
        // 1. Impossible alone: every day of the window is excluded by what no run moves.
        var alone: Set<Int> = []
        for j in left where stride(from: jobs[j].first, through: jobs[j].last, by: 1).allSatisfy({ fixedExclusions(j, $0) != [] }) {
            alone.insert(j)
            result.conflicts.append(conflictSet(of: [j], budget: &budget))
        }
        for j in left where days[j] == nil && !alone.contains(j) {
            // 2. Unpublished events around it move, in widening circles.
            let part = reach(from: [j], keptToo: false, skipping: alone)
            let pending = part.map(\.job).filter { days[$0] == nil }
            var radius = 1, solved = false, outOfBudget = false
            while !solved && !outOfBudget {
                let vars = part.filter { $0.distance <= radius }.map(\.job).sorted()
                switch search(vars, maxMoves: 0, budget: &budget) {
                case .solved(let s): apply(vars, s, unblocking: pending); solved = true
                case .outOfBudget: outOfBudget = true
                case .infeasible: break
                }
                if vars.count == part.count { break }
                radius *= 2
            }
            if solved || outOfBudget { continue }
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
            case .infeasible:
                // 4. Proven impossible.
                result.conflicts.append(conflictSet(of: vars, budget: &budget))
            case .outOfBudget:
                break
            }
        }
        return result
    }
}
