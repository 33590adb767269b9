import Planning

/// A day and a start time for one event, in the plan's local time.
public struct Placement: Hashable, Sendable, CustomStringConvertible {
    public var date: LocalDate
    public var start: TimeOfDay

    public init(date: LocalDate, start: TimeOfDay) { self.date = date; self.start = start }

    public var description: String { "\(date) \(start)" }
}

/// Everything one `schedule` run needs: the plan and what the store already knows.
public struct ScheduleRequest: Sendable {
    /// The plan: calendar (with busy periods and busy intervals), clusters and their events.
    public var district: District
    /// Dates currently published; each is kept while it still satisfies every hard rule.
    public var previous: [EventID: Placement]
    /// Pins from the store (postponed events), on top of the plan's `date:`.
    public var pinned: [EventID: LocalDate]
    /// Events not to touch (held, cancelled, removed): their `previous` placement still occupies its day.
    public var fixed: Set<EventID>
    /// `--cluster`: schedule only this cluster; the other clusters' placements and pins are fixed.
    public var onlyCluster: String?
    /// Published dates before this day are in the past: those events never move.
    public var today: LocalDate?
    /// How long the search beyond the first greedy pass may go on, in steps of the search (see
    /// `steps(seconds:)`): counted, not timed, so a run ends the same way on every machine.
    public var searchSteps: Int

    /// Search steps in one second on the reference machine (2 cores, see BENCHMARKS.md).
    public static let stepsPerSecond = 10_000_000

    /// The budget for `seconds` of search on the reference machine; 2 s is the default.
    public static func steps(seconds: Double) -> Int {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        return seconds >= Double(Int.max / stepsPerSecond) ? Int.max : Int(seconds * Double(stepsPerSecond))
    }

    public init(district: District, previous: [EventID: Placement] = [:], pinned: [EventID: LocalDate] = [:],
                fixed: Set<EventID> = [], onlyCluster: String? = nil, today: LocalDate? = nil,
                searchSteps: Int = ScheduleRequest.steps(seconds: 2)) {
        self.district = district
        self.previous = previous
        self.pinned = pinned
        self.fixed = fixed
        self.onlyCluster = onlyCluster
        self.today = today
        self.searchSteps = searchSteps
    }
}

public enum Decision: Hashable, Sendable {
    /// The previous placement still satisfies every hard rule.
    case kept(Placement)
    /// The event had no placement and got one.
    case placed(Placement)
    /// The previous placement broke a hard rule (or its start time changed in the plan).
    case moved(from: Placement, to: Placement)
    /// A pinned date (plan `date:` or a store pin), kept as is even when it breaks a rule (see the explanation).
    case pinned(Placement)
    /// In `fixed`: left alone; its previous placement, if any, still occupies its day.
    case fixed(Placement?)
    /// No day in the window satisfies every hard rule; the explanation names the conflicts.
    case unplaced

    public var placement: Placement? {
        switch self {
        case .kept(let p), .placed(let p), .pinned(let p): p
        case .moved(_, let p): p
        case .fixed(let p): p
        case .unplaced: nil
        }
    }
}

/// Why a day was chosen, or why none could be: Russian lines for `--explain`, structured conflicts for tests.
///
/// The lines of an event placed by a run are rendered from facts the run kept, each time `lines`
/// is read: most runs never print them, and rendering them for every event was most of a run's work.
/// Equality and hashing go by `lines` and `conflicts`, however the lines are held.
public struct Explanation: Hashable, Sendable {
    public var lines: [String] {
        get { deferred.map { $0.source.engine.placedLines($0.job) } ?? storedLines }
        set { storedLines = newValue; deferred = nil }
    }
    /// For an unplaced event: every day of its window, each under the first rule that excludes it.
    /// For a pinned event: the rules its pinned day breaks. Empty otherwise.
    public var conflicts: [Constraint]
    private var storedLines: [String]
    private var deferred: DeferredLines?

    public init(lines: [String] = [], conflicts: [Constraint] = []) { storedLines = lines; self.conflicts = conflicts }

    init(deferred: DeferredLines) { storedLines = []; conflicts = []; self.deferred = deferred }

    public static func == (a: Explanation, b: Explanation) -> Bool {
        guard a.conflicts == b.conflicts else { return false }
        if let x = a.deferred, let y = b.deferred, x.source === y.source, x.job == y.job { return true }
        return a.lines == b.lines
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(lines)
        hasher.combine(conflicts)
    }
}

/// The lines of job `job` of the run that `source` recorded.
struct DeferredLines: Sendable {
    let source: PlacedLines
    let job: Int
}

/// A hard rule that excludes some days of an event's window.
public enum Constraint: Hashable, Sendable {
    /// Weekends, public holidays, transferred days off, district holidays.
    case dayOff(DayOff, days: [LocalDate])
    /// Vacation days while `calendar.preferences.duringVacations == .forbid`.
    case vacationForbidden(title: String, days: [LocalDate])
    /// A school (nil: every school) is busy: `reason` is the busy period's reason or the iCalendar file.
    case schoolBusy(school: String?, reason: String, days: [LocalDate])
    /// The school already hosts or attends `event` on these days.
    case schoolHasEvent(school: String, event: EventID, days: [LocalDate])
    /// Days not after an earlier-numbered (or not before a later-numbered) event of the same cluster and year.
    case numberOrder(event: EventID, date: LocalDate, days: [LocalDate])

    public var days: [LocalDate] {
        switch self {
        case .dayOff(_, let d), .vacationForbidden(_, let d), .schoolBusy(_, _, let d),
             .schoolHasEvent(_, _, let d), .numberOrder(_, _, let d): d
        }
    }
}

public struct EventSchedule: Hashable, Sendable {
    public var id: EventID
    public var decision: Decision
    public var explanation: Explanation

    public init(id: EventID, decision: Decision, explanation: Explanation) {
        self.id = id
        self.decision = decision
        self.explanation = explanation
    }
}

/// Whether a run placed every event, proved that no placement of all of them exists, or neither.
public enum Completeness: Hashable, Sendable {
    case complete
    /// No placement keeps every hard rule: `ScheduleResult.conflicts` says why (the CLI exits 3).
    case impossible
    /// The search budget ran out before a complete placement or a proof (the CLI exits 4).
    case undecided
}

/// Something a conflict set names: removing it from the plan or the calendar relaxes the problem.
public enum ConflictItem: Hashable, Sendable {
    /// An event that needs a day, or a fixed one that occupies its day.
    case event(EventID)
    /// `district.calendar.busy[index]`.
    case busyPeriod(index: Int)
    /// The busy-interval file of `district.calendar.busyIntervals[index]` (every interval of that school and file).
    case busyInterval(index: Int)
    /// `district.calendar.vacations[index]`, while the calendar forbids events in vacations.
    case vacation(index: Int)
}

/// A smallest reason why not every event can be placed: together the items leave no placement,
/// and without any one of them there is one (the hard rules and days off always hold).
public struct ConflictSet: Hashable, Sendable {
    public var items: [ConflictItem]
    /// The set in Russian, for a coordinator.
    public var lines: [String]

    public init(items: [ConflictItem], lines: [String]) { self.items = items; self.lines = lines }
}

public struct ScheduleResult: Hashable, Sendable {
    /// Sorted by `EventID`; with `onlyCluster`, that cluster's events only.
    public var events: [EventSchedule]
    /// Pinned or fixed dates that put a cluster's events out of number order.
    public var orderWarnings: [String]
    /// False when some event is unplaced.
    public var isFeasible: Bool
    public var completeness: Completeness
    /// With `.impossible`: one minimal conflict set per independent part of the district that has no placement.
    public var conflicts: [ConflictSet]
    /// How many events the first (greedy) pass left for the search.
    public var leftByGreedy: Int
    /// How many of `ScheduleRequest.searchSteps` the search used.
    public var searchStepsUsed = 0

    public init(events: [EventSchedule], orderWarnings: [String], isFeasible: Bool,
                completeness: Completeness? = nil, conflicts: [ConflictSet] = [], leftByGreedy: Int = 0) {
        self.events = events
        self.orderWarnings = orderWarnings
        self.isFeasible = isFeasible
        self.completeness = completeness ?? (isFeasible ? .complete : .undecided)
        self.conflicts = conflicts
        self.leftByGreedy = leftByGreedy
    }

    /// Every event that has a day: what the store passes back as `previous` next time.
    public var placements: [EventID: Placement] {
        var result: [EventID: Placement] = [:]
        for e in events { if let p = e.decision.placement { result[e.id] = p } }
        return result
    }

    public func event(_ id: EventID) -> EventSchedule? {
        var lo = 0, hi = events.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if events[mid].id < id { lo = mid + 1 } else { hi = mid }
        }
        return lo < events.count && events[lo].id == id ? events[lo] : nil
    }
}

/// Gives every unpinned event of the request a day and a start time. Pure and deterministic:
/// the same request gives the same result on any machine.
///
/// Hard rules: inside the window; a working day that is not a holiday; no busy period or busy
/// interval of the host or a participant; no school in two events on one day; within a cluster
/// and academic year, events follow their numbers; with `during_vacations: forbid`, no vacation day.
/// Weighed preferences: vacations (avoid/prefer), preferred weekdays, the minimum gap between a
/// cluster's events (a strong preference: when no day keeps it, the shortfall is reported), and a
/// target day that spreads events sharing a window evenly through it.
public func schedule(_ request: ScheduleRequest) -> ScheduleResult {
    var engine = Engine(request)
    return engine.run()
}
