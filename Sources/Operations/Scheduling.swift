import Planning
import Scheduler
import Store

/// `schedule`: what the store knows turned into a request, the scheduler run, and only the
/// decisions that give an event a new day or time written back.
public struct ScheduleRun: Sendable {
    public var result: ScheduleResult
    public var snapshot: DistrictSnapshot
    /// Written changes; nil on a dry run.
    public var written: [EventID]?

    public var isFeasible: Bool { result.isFeasible }

    /// 0 every event placed, 3 proven impossible, 4 neither within the search budget.
    public var exitCode: Int32 {
        switch result.completeness {
        case .complete: 0
        case .impossible: 3
        case .undecided: 4
        }
    }

    /// Runs the scheduler over the stored district; writes unless `dryRun`. `today` (YYYY-MM-DD,
    /// else today in the district's time zone): published dates before it never move.
    /// `budgetSeconds`: the search beyond the first pass (`ScheduleRequest.steps(seconds:)`).
    public static func run(_ store: some DistrictStore, cluster: String?, dryRun: Bool, now: Int64,
                           today: String? = nil, budgetSeconds: Double = 2) async throws -> ScheduleRun {
        guard budgetSeconds.isFinite, budgetSeconds >= 0 else {
            throw Failure("--budget: нужно неотрицательное число секунд, а не \(budgetSeconds)")
        }
        let todayDate = try today.map { text throws(Failure) in
            guard let day = LocalDate(iso: text) else { throw Failure("--today: нужна дата ГГГГ-ММ-ДД, а не «\(text)»") }
            return day
        }
        let snapshot = try await store.snapshot()
        if let cluster, snapshot.district.cluster(cluster) == nil {
            throw Failure(UnknownID(kind: .cluster, id: cluster, known: snapshot.district.clusters.map(\.id)).description)
        }
        var request = try request(snapshot, onlyCluster: cluster)
        request.today = todayDate ?? localToday(in: snapshot.district.timezone)
        request.searchSteps = ScheduleRequest.steps(seconds: budgetSeconds)
        let result = schedule(request)
        let written = dryRun ? nil : try await store.applySchedule(changes(result, snapshot: snapshot), now: now)
        return ScheduleRun(result: result, snapshot: snapshot, written: written)
    }

    /// The published dates as previous placements, settled events fixed, postponements pinned; the
    /// busy calendars' intervals come from the store (read at import).
    public static func request(_ snapshot: DistrictSnapshot, onlyCluster: String?) throws(Failure) -> ScheduleRequest {
        let defaultStart = snapshot.district.calendar.defaultStart
        var previous: [EventID: Placement] = [:]
        var fixed: Set<EventID> = []
        for e in snapshot.events {
            if let date = e.state.date, let start = e.start(defaultStart: defaultStart) {
                previous[e.id] = Placement(date: date, start: start)
            }
            switch e.state.status {
            case .held, .cancelled, .removed: fixed.insert(e.id)
            case .planned, .scheduled, .postponed: break
            }
        }
        return ScheduleRequest(district: snapshot.district, previous: previous,
                               pinned: snapshot.postponements, fixed: fixed, onlyCluster: onlyCluster)
    }

    /// Only decisions that give an event a new day or time reach the store.
    public static func changes(_ result: ScheduleResult, snapshot: DistrictSnapshot) -> [ScheduleChange] {
        let states = Dictionary(snapshot.events.map { ($0.id, $0.state) }, uniquingKeysWith: { a, _ in a })
        return result.events.compactMap { e in
            if case .fixed = e.decision { return nil }
            let placement = e.decision.placement
            let state = states[e.id]
            guard state?.date != placement?.date || (placement != nil && state?.start != placement?.start) else { return nil }
            return ScheduleChange(id: e.id, date: placement?.date, start: placement?.start)
        }
    }

    /// What `schedule` prints: new and moved events (every event with `explain`), the unplaced
    /// with their reasons, order warnings, totals and what was written.
    public func text(explain: Bool) -> String {
        var lines: [String] = []
        var counts = (placed: 0, moved: 0, kept: 0, unplaced: 0)
        for e in result.events {
            let line: String
            var isNew = false
            switch e.decision {
            case .placed(let p): counts.placed += 1; isNew = true; line = "назначено  \(e.id): \(Self.format(p))"
            case .moved(let from, let to):
                counts.moved += 1; isNew = true; line = "перенесено \(e.id): \(Self.format(from)) → \(Self.format(to))"
            case .kept(let p): counts.kept += 1; line = "без изменений \(e.id): \(Self.format(p))"
            case .pinned(let p): counts.kept += 1; line = "закреплено \(e.id): \(Self.format(p))"
            case .fixed(let p): line = "не трогаем \(e.id)" + (p.map { ": \(Self.format($0))" } ?? "")
            case .unplaced: counts.unplaced += 1; line = "НЕ НАЗНАЧЕНО \(e.id): нет подходящего дня"
            }
            if explain || e.decision == .unplaced || isNew { lines.append(line) }
            if explain || e.decision == .unplaced { lines += e.explanation.lines.map { "    " + $0 } }
        }
        lines += result.orderWarnings.map { "внимание: " + $0 }
        for set in result.conflicts { lines += set.lines }
        if result.completeness == .undecided {
            lines.append("не удалось доказать, что расписание невозможно: время поиска (--budget) истекло; назначено то, что нашлось")
        }
        lines.append("Итого: назначено \(counts.placed), перенесено \(counts.moved), без изменений \(counts.kept), "
                     + "не назначено \(counts.unplaced).")
        switch written {
        case nil: lines.append("Пробный запуск (--dry-run): база не изменена.")
        case let changed?: lines.append(changed.isEmpty ? "База не изменилась." : "Записано изменений: \(changed.count).")
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ p: Placement) -> String { "\(p.date.weekday.russianShort) \(p.date.russian) \(p.start)" }
}
