/// A complete search over days for a few events at once: each variable (an event) takes one day of
/// its domain; linked variables take different days (a shared school) or ordered days (number
/// order). Depth-first with forward checking, the variable with the fewest days left first (ties:
/// the one that failed most often, then the lowest index), days tried in the caller's order.
/// Plain integers only, so the same search serves repairs and conflict checks. Deterministic: the
/// budget counts steps, not seconds, so a run ends the same way on every machine. A class: a
/// struct was copied whole by each call of a helper method in debug builds.
final class DaySearch {
    enum Link: Hashable {
        /// The other variable takes another day.
        case differentDay(Int)
        /// The other variable takes an earlier day.
        case before(Int)
        /// The other variable takes a later day.
        case after(Int)

        var other: Int {
            switch self { case .differentDay(let o), .before(let o), .after(let o): o }
        }
    }

    enum Outcome: Equatable {
        case solved([Int])
        case infeasible
        case outOfBudget
    }

    /// Per variable: the day of bit 0, where its words start in `bits`, and how many there are.
    private var first: [Int] = [], offset: [Int] = [], wordCount: [Int] = []
    private var bits: [UInt64] = []
    private var size: [Int] = []
    private var links: [[Link]] = []
    /// Per variable: its days in the order to try them.
    private var candidates: [[Int]] = []
    /// Per variable: the day that counts as not moved, or nil; at most `maxMoves` variables leave theirs.
    private var home: [Int?] = []
    var maxMoves = Int.max

    var count: Int { size.count }

    /// Adds a variable; `days` in the order to try them (repeats and order of equal days are ignored).
    @discardableResult
    func addVariable(days: [Int], home: Int? = nil) -> Int {
        let v = size.count
        let lo = days.min() ?? 0, hi = days.max() ?? 0
        first.append(lo)
        offset.append(bits.count)
        let words = days.isEmpty ? 0 : (hi - lo) / 64 + 1
        wordCount.append(words)
        bits.append(contentsOf: repeatElement(0, count: words))
        var unique: [Int] = []
        for d in days where !contains(v, d) {
            bits[offset[v] + (d - lo) / 64] |= 1 << UInt64((d - lo) % 64)
            unique.append(d)
        }
        size.append(unique.count)
        candidates.append(unique)
        links.append([])
        self.home.append(home)
        return v
    }

    /// `a` and `b` take different days.
    func differentDays(_ a: Int, _ b: Int) {
        links[a].append(.differentDay(b))
        links[b].append(.differentDay(a))
    }

    /// `a` takes an earlier day than `b`.
    func ordered(_ a: Int, before b: Int) {
        links[a].append(.after(b))
        links[b].append(.before(a))
    }

    private func contains(_ v: Int, _ day: Int) -> Bool {
        let p = day - first[v]
        guard p >= 0, p < wordCount[v] * 64 else { return false }
        return bits[offset[v] + p / 64] & (1 << UInt64(p % 64)) != 0
    }

    /// Undo log: (word index, old word, variable).
    private var trail: [(Int, UInt64, Int)] = []

    /// Clears the bits of variable `v` for days in `from...to`; false when its domain becomes empty.
    private func clear(_ v: Int, from: Int, to: Int, steps: inout Int) -> Bool {
        let lo = max(from - first[v], 0), hi = min(to - first[v], wordCount[v] * 64 - 1)
        guard lo <= hi else { return size[v] > 0 }
        for w in (lo / 64)...(hi / 64) {
            steps += 1
            let a = max(lo - w * 64, 0), b = min(hi - w * 64, 63)
            let mask: UInt64 = (b - a == 63 ? ~0 : ((1 << UInt64(b - a + 1)) - 1)) << UInt64(a)
            let i = offset[v] + w
            let old = bits[i]
            guard old & mask != 0 else { continue }
            trail.append((i, old, v))
            bits[i] = old & ~mask
            size[v] -= (old & mask).nonzeroBitCount
        }
        return size[v] > 0
    }

    private func undo(to mark: Int) {
        while trail.count > mark {
            let (i, old, v) = trail.removeLast()
            size[v] += (old & ~bits[i]).nonzeroBitCount
            bits[i] = old
        }
    }

    /// Finds a day for every variable, or proves there is none, within `budget` steps (reduced by those used).
    func solve(budget: inout Int) -> Outcome {
        let n = size.count
        guard size.allSatisfy({ $0 > 0 }) else { return .infeasible }
        var day = [Int](repeating: Int.min, count: n)
        var failures = [Int](repeating: 0, count: n)
        var moves = 0
        // Per depth: the variable, the next candidate to try and the trail mark before its day.
        var stack: [(v: Int, next: Int, mark: Int)] = []
        var steps = 0
        defer { budget -= steps }
        guard let v0 = pick(day, failures) else { return .solved(day) }
        stack.append((v0, 0, trail.count))
        while let top = stack.last {
            if steps > budget { undo(to: stack[0].mark); return .outOfBudget }
            let v = top.v
            undo(to: top.mark)
            if day[v] != Int.min {
                if let h = home[v], day[v] != h { moves -= 1 }
                day[v] = Int.min
            }
            var i = top.next, chosen: Int?
            while i < candidates[v].count {
                let d = candidates[v][i]
                i += 1
                steps += 1
                guard contains(v, d) else { continue }
                let moving = home[v].map { $0 != d } ?? false
                if moving, moves >= maxMoves { continue }
                if assign(v, d, day, &steps, &failures), moves + (moving ? 1 : 0) + forcedMoves(day, except: v) <= maxMoves {
                    chosen = d
                    if moving { moves += 1 }
                    break
                }
                undo(to: top.mark)
            }
            stack[stack.count - 1].next = i
            guard let d = chosen else {
                stack.removeLast()
                continue
            }
            day[v] = d
            guard let next = pick(day, failures) else { return .solved(day) }
            stack.append((next, 0, trail.count))
        }
        return .infeasible
    }

    /// Unassigned variables whose home day is gone: each of them will move.
    private func forcedMoves(_ day: [Int], except v: Int) -> Int {
        guard maxMoves < Int.max else { return 0 }
        var n = 0
        for u in 0..<size.count where u != v && day[u] == Int.min { if let h = home[u], !contains(u, h) { n += 1 } }
        return n
    }

    /// The unassigned variable with the fewest days left; ties: the one that failed most often, then the first.
    private func pick(_ day: [Int], _ failures: [Int]) -> Int? {
        var best: Int?
        for v in 0..<size.count where day[v] == Int.min {
            guard let b = best else { best = v; continue }
            if size[v] < size[b] || (size[v] == size[b] && failures[v] > failures[b]) { best = v }
        }
        return best
    }

    /// Forward checking: removes from each unassigned linked variable the days `v` on `d` rules out.
    private func assign(_ v: Int, _ d: Int, _ day: [Int], _ steps: inout Int, _ failures: inout [Int]) -> Bool {
        for link in links[v] where day[link.other] == Int.min {
            let u = link.other
            let ok = switch link {
            case .differentDay: clear(u, from: d, to: d, steps: &steps)
            case .before: clear(u, from: d, to: Int.max / 2, steps: &steps)
            case .after: clear(u, from: Int.min / 2, to: d, steps: &steps)
            }
            if !ok { failures[u] += 1; failures[v] += 1; return false }
        }
        return true
    }
}
