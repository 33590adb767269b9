import Planning
import Scheduler

/// An independent check of a schedule against the hard rules, written from the rules rather than
/// from the engine. Returns one line per violation; an empty list means the schedule is valid.
struct HardRules {
    let district: District
    let result: ScheduleResult
    let events: [EventID: PlannedEvent]

    init(_ district: District, _ result: ScheduleResult) {
        self.district = district
        self.result = result
        events = Dictionary(uniqueKeysWithValues: district.events.map { ($0.id, $0) })
    }

    func schools(_ e: PlannedEvent) -> Set<String> { Set(e.participants + [e.host]) }

    /// Placed, kept and moved events: the scheduler chose their day.
    var chosen: [(PlannedEvent, Placement)] {
        result.events.compactMap { s in
            switch s.decision {
            case .placed(let p), .kept(let p), .moved(_, let p): (events[s.id]!, p)
            default: nil
            }
        }
    }

    func busyReasons(_ school: String, _ e: PlannedEvent, _ p: Placement) -> [String] {
        let calendar = district.calendar
        var reasons = calendar.busy.filter { ($0.school == nil || $0.school == school) && $0.from <= p.date && p.date <= $0.to }
            .map { $0.reason ?? "" }
        reasons += calendar.busyIntervals.filter {
            ($0.school == nil || $0.school == school)
                && $0.overlaps(day: p.date, startMinute: p.start.minutesSinceMidnight, durationMinutes: e.durationMinutes)
        }.map(\.source)
        return reasons
    }

    var violations: [String] {
        let calendar = district.calendar
        var found: [String] = []
        for (e, p) in chosen {
            if p.date < e.timing.firstDay || p.date > e.timing.lastDay { found.append("\(e.id): outside its window") }
            if let off = calendar.dayOff(p.date) { found.append("\(e.id): \(off.russian)") }
            if calendar.preferences.duringVacations == .forbid, calendar.vacation(on: p.date, district: district.cluster(e.clusterID)?.district) != nil {
                found.append("\(e.id): forbidden vacation")
            }
            if p.start != (e.start ?? calendar.defaultStart) { found.append("\(e.id): wrong start") }
            for s in schools(e).sorted() where !busyReasons(s, e, p).isEmpty { found.append("\(e.id): \(s) busy") }
        }
        let all = result.events.compactMap { s in s.decision.placement.map { (events[s.id]!, $0, s.decision) } }
        func free(_ d: Decision) -> Bool {
            switch d { case .pinned, .fixed: false; default: true }
        }
        for (i, a) in all.enumerated() {
            for b in all[(i + 1)...] where free(a.2) || free(b.2) {
                if a.1.date == b.1.date, !schools(a.0).isDisjoint(with: schools(b.0)) {
                    found.append("\(a.0.id) and \(b.0.id): a school in two events on \(a.1.date)")
                }
                if a.0.clusterID == b.0.clusterID, a.0.year == b.0.year, a.0.number != b.0.number {
                    let (early, late) = a.0.number < b.0.number ? (a, b) : (b, a)
                    if early.1.date >= late.1.date { found.append("\(early.0.id) not before \(late.0.id)") }
                }
            }
        }
        return found
    }

    /// Whether the conflicts of an unplaced event cover its whole window and each one is true.
    func unexplained(_ s: EventSchedule) -> [String] {
        let e = events[s.id]!
        let calendar = district.calendar
        var problems: [String] = []
        var covered: Set<LocalDate> = []
        let placements = result.placements
        for c in s.explanation.conflicts {
            for d in c.days {
                if covered.contains(d) { problems.append("\(s.id): \(d) listed twice") }
                covered.insert(d)
                let slot = Placement(date: d, start: e.start ?? calendar.defaultStart)
                let real: Bool = switch c {
                case .dayOff(let off, _): calendar.dayOff(d) == off
                case .vacationForbidden(let title, _):
                    calendar.preferences.duringVacations == .forbid && calendar.vacation(on: d, district: district.cluster(e.clusterID)?.district)?.title == title
                case .schoolBusy(let school, let reason, _):
                    school.map { schools(e).contains($0) && busyReasons($0, e, slot).contains(reason) }
                        ?? calendar.busy.contains { $0.school == nil && $0.from <= d && d <= $0.to && $0.reason ?? "" == reason }
                case .schoolHasEvent(let school, let other, _):
                    placements[other]?.date == d && schools(e).contains(school) && events[other].map(schools)?.contains(school) == true
                case .numberOrder(let other, let date, _):
                    placements[other]?.date == date && events[other]?.clusterID == e.clusterID && events[other]?.year == e.year
                        && (other.number < e.number ? d <= date : d >= date)
                }
                if !real { problems.append("\(s.id): \(c) is not true on \(d)") }
            }
        }
        var window: Set<LocalDate> = []
        var d = e.timing.firstDay
        while d <= e.timing.lastDay { window.insert(d); d = d.adding(days: 1) }
        if covered != window { problems.append("\(s.id): conflicts cover \(covered.count) of \(window.count) days") }
        if s.explanation.lines.isEmpty { problems.append("\(s.id): no explanation lines") }
        return problems
    }
}
