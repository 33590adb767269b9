import Planning

/// The annual activity report: the plan of one academic year set against what was recorded.
/// Every figure is computed once by `buildReport`; the renderers only lay it out.
///
/// Conventions (also in the report's own wording):
/// - Events removed from the plan files are left out: they are no longer part of the plan.
/// - An event belongs to the academic year its plan row names (`PlannedEvent.year`), even when it
///   was postponed past the year's end.
/// - Participants are the sum of the recorded `Outcome.participants` of held events.
/// - Schools reached are the schools a held event's outcome lists; when the outcome lists none,
///   the event's planned participant schools.
/// - Indicators: a value recorded for the cluster, indicator and year wins. Without one, the
///   indicators with id `events-held`, `participants` and `schools-reached` are derived from the
///   cluster's events of the year; any other indicator has no actual value.
public struct ActivityReport: Hashable, Sendable {
    public var district: String
    public var year: AcademicYear
    /// The `--cluster` the report was limited to, if any.
    public var clusterFilter: String?
    /// The day the report was made: it says "as of" and nothing else depends on it.
    public var asOf: LocalDate
    public var summary: Summary
    public var clusters: [ClusterSection]
    public var courses: [CourseSection]
    /// Twelve rows, September to August.
    public var eventsPerMonth: [MonthCount]
    /// Participants of held events by host school, largest first.
    public var participantsByHost: [SchoolCount]
}

public struct Summary: Hashable, Sendable {
    public var clusters: Int
    public var schools: Int
    public var figures: EventFigures
    public var trainingListeners: Int
    public var trainingSchools: Int
}

/// Event counts by state. `planned` = `held + cancelled + postponed + open`.
public struct EventFigures: Hashable, Sendable {
    public var planned = 0
    public var held = 0
    public var cancelled = 0
    public var postponed = 0
    /// Planned or scheduled, not yet held.
    public var open = 0
    public var participants = 0
    public var schoolsReached = 0
}

public struct ClusterSection: Hashable, Sendable {
    public var id: String
    public var title: String
    public var theme: String?
    public var goal: String?
    public var lead: SchoolRef
    public var members: [SchoolRef]
    public var figures: EventFigures
    public var tasks: [TaskRow]
    public var events: [EventRow]
    public var indicators: [IndicatorRow]
    /// Events neither held nor cancelled: they move to the next academic year.
    public var carriedOver: [EventRow]
}

public struct SchoolRef: Hashable, Sendable {
    public var id: String
    public var name: String
}

public struct TaskRow: Hashable, Sendable {
    public var id: String
    public var text: String
    public var events: [EventRow]
}

public struct EventRow: Hashable, Sendable {
    public var id: EventID
    public var format: EventFormat
    public var title: String
    public var planned: EventTiming
    /// The day it is scheduled for, or was postponed to.
    public var date: LocalDate?
    public var status: EventStatus
    public var heldOn: LocalDate?
    public var host: SchoolRef
    public var participants: Int?
    /// Schools the outcome lists.
    public var schools: [String]
    /// Their names, in the same order.
    public var schoolNames: [String]
    public var tasks: [String]
    public var note: String?
    /// Results and products recorded with `record --products`.
    public var products: String?
    public var cancellationReason: String?
    /// A postponed event's planned time, for «перенесено с …».
    public var postponedFrom: EventTiming?
    /// Its day (or planned window) is past and nothing was recorded: «нет сведений», not «назначено».
    public var unrecorded: Bool
}

public struct IndicatorRow: Hashable, Sendable {
    /// What the target is set for, and so how the row is judged.
    public enum Scope: Hashable, Sendable {
        /// `targets:` for this academic year: judged on the year's figures.
        case year
        /// `target:` for the whole plan, in its last year: judged on all its years so far.
        case wholePlan
        /// `target:` for the whole plan, before its last year: progress so far, not judged yet.
        case progress
    }

    public var id: String
    public var title: String
    public var unit: String?
    public var target: Double?
    public var actual: Double?
    /// The actual value comes from the events, not from a recorded value.
    public var derived: Bool
    public var scope: Scope = .year
    /// nil when the target or the actual value is missing, or the whole plan's target is not due yet.
    public var met: Bool? {
        guard let target, let actual, scope != .progress else { return nil }
        return actual >= target
    }
}

public struct CourseSection: Hashable, Sendable {
    public var id: String
    public var title: String
    public var provider: String?
    public var enrolments: [EnrolmentRow]
    public var listeners: Int
    public var teams: Int
    public var schools: Int
    public var target: TargetRow?
}

public struct EnrolmentRow: Hashable, Sendable {
    public var school: SchoolRef
    /// The cluster the school belongs to, if any.
    public var cluster: String?
    public var teams: Int
    public var listeners: Int
}

/// "at least N listeners from M schools (of cluster C)" against the year's enrolments; with a
/// cluster, only that cluster's schools count.
public struct TargetRow: Hashable, Sendable {
    public var listeners: Int
    public var schools: Int
    public var cluster: String?
    public var actualListeners: Int
    public var actualSchools: Int
    public var met: Bool { actualListeners >= listeners && actualSchools >= schools }
}

public struct MonthCount: Hashable, Sendable {
    public var month: YearMonth
    public var planned: Int
    public var held: Int
}

public struct SchoolCount: Hashable, Sendable {
    public var school: SchoolRef
    public var participants: Int
}

public enum ReportError: Error, Hashable, Sendable {
    case unknownCluster(String)
    /// No cluster's plan covers the year and no training course has enrolments or targets in it.
    case nothingInYear(AcademicYear)
}

/// Builds the report of `year`, for the whole snapshot or one cluster.
///
/// Every cluster whose plan covers the year (or that has events in it) is reported, or only
/// `cluster`; training enrolments are then limited to that cluster's schools. Courses are reported
/// for the years of their own enrolments and targets. A year with neither is an error.
public func buildReport(_ snapshot: DistrictSnapshot, year: AcademicYear, cluster: String? = nil,
                        today: LocalDate) throws(ReportError) -> ActivityReport {
    let district = snapshot.district
    if let cluster, district.cluster(cluster) == nil { throw ReportError.unknownCluster(cluster) }
    // Looked up for every event row: a dictionary keeps a city-sized report linear.
    let schoolNames = Dictionary(district.schools.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    func ref(_ id: String) -> SchoolRef { SchoolRef(id: id, name: schoolNames[id] ?? id) }
    let venueNames = Dictionary(district.venues.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    /// A venue or online host is named as such, not by its id.
    func hostRef(_ e: PlannedEvent) -> SchoolRef {
        e.isOnline ? SchoolRef(id: e.host, name: "онлайн") : SchoolRef(id: e.host, name: venueNames[e.host] ?? ref(e.host).name)
    }

    let eventsOfYear = snapshot.events.filter { $0.event.year == year && $0.state.status != .removed }
    let byCluster = Dictionary(grouping: eventsOfYear, by: \.event.clusterID)
    var recorded: [String: [String: Double]] = [:]  // cluster -> indicator -> value; the last recorded wins
    for v in snapshot.indicatorValues where v.year == year { recorded[v.cluster, default: [:]][v.indicator] = v.value }

    let reported = district.clusters.filter { c in
        (cluster.map { c.id == $0 } ?? true) && (c.plan?.years.contains(year) == true || byCluster[c.id] != nil)
    }

    var sections: [ClusterSection] = []
    var allRows: [EventRow] = []
    for c in reported {
        let rows = (byCluster[c.id] ?? []).sorted { $0.id < $1.id }.map { eventRow($0, ref: ref, hostRef: hostRef, today: today) }
        allRows += rows
        let figures = EventFigures(rows)
        let planYears = c.plan?.years ?? []
        // A whole-plan target counts the plan's years up to this one.
        let soFar = EventFigures(snapshot.events(inCluster: c.id).filter {
            $0.state.status != .removed && $0.event.year <= year && (planYears.contains($0.event.year) || $0.event.year == year)
        }.map { eventRow($0, ref: ref, hostRef: hostRef, today: today) })
        let indicators = (c.plan?.indicators ?? []).map { indicator in
            let recordedValue = recorded[c.id]?[indicator.id]
            guard let whole = indicator.target, indicator.targets[year] == nil else {
                let derivedValue = recordedValue == nil ? figures.derived(indicator.id) : nil
                return IndicatorRow(id: indicator.id, title: indicator.title, unit: indicator.unit,
                                    target: indicator.targets[year], actual: recordedValue ?? derivedValue,
                                    derived: derivedValue != nil, scope: .year)
            }
            let derivedValue = recordedValue == nil ? soFar.derived(indicator.id) : nil
            return IndicatorRow(id: indicator.id, title: indicator.title, unit: indicator.unit, target: whole,
                                actual: recordedValue ?? derivedValue, derived: derivedValue != nil,
                                scope: year >= (planYears.max() ?? year) ? .wholePlan : .progress)
        }
        sections.append(ClusterSection(
            id: c.id, title: c.title, theme: c.plan?.theme, goal: c.plan?.goal, lead: ref(c.lead),
            members: c.members.map(ref), figures: figures,
            tasks: (c.plan?.tasks ?? []).map { task in
                TaskRow(id: task.id, text: task.text, events: rows.filter { $0.tasks.contains(task.id) })
            },
            events: rows, indicators: indicators,
            carriedOver: rows.filter { $0.status != .held && !$0.status.isCancelled }))
    }

    // With --cluster, that cluster's schools count even when its plan does not cover the year (its courses may).
    let memberSchools = Set(cluster.flatMap { district.cluster($0)?.members } ?? reported.flatMap(\.members))
    let clusterOfSchool = Dictionary(
        district.clusters.flatMap { c in c.members.map { ($0, c.id) } }, uniquingKeysWith: { first, _ in first })
    let courses = snapshot.coursesWithAttendance.compactMap { course in
        courseSection(course, year: year, only: cluster.map { _ in memberSchools }, targetCluster: cluster,
                      district: district, clusterOfSchool: clusterOfSchool, ref: ref)
    }

    if sections.isEmpty && courses.isEmpty { throw ReportError.nothingInYear(year) }

    let summary = Summary(
        clusters: reported.count, schools: memberSchools.count, figures: EventFigures(allRows),
        trainingListeners: courses.saturatingSum(\.listeners),
        trainingSchools: Set(courses.flatMap { $0.enrolments.map(\.school.id) }).count)

    return ActivityReport(
        // The reported clusters' own districts: one store may hold several.
        district: districtNames(of: reported, fallback: district.name), year: year, clusterFilter: cluster, asOf: today, summary: summary,
        clusters: sections, courses: courses, eventsPerMonth: monthCounts(allRows, year: year),
        participantsByHost: hostCounts(allRows))
}

private func eventRow(_ snapshot: EventSnapshot, ref: (String) -> SchoolRef, hostRef: (PlannedEvent) -> SchoolRef,
                      today: LocalDate) -> EventRow {
    let e = snapshot.event
    let state = snapshot.state
    let outcome = state.outcome
    let held = state.status == .held
    let recordedSchools = outcome?.schools ?? []
    let schools = held && recordedSchools.isEmpty ? e.participants : recordedSchools
    let open = state.status == .planned || state.status == .scheduled
    return EventRow(
        id: e.id, format: e.format, title: e.title, planned: e.timing,
        // A cancelled event has no date: the day it would have had is not a fact of the report.
        date: state.status.isCancelled ? nil : state.date,
        status: state.status,
        heldOn: outcome?.heldOn ?? (held ? state.date : nil),
        host: hostRef(e), participants: outcome?.participants,
        schools: schools, schoolNames: schools.map { ref($0).name },
        tasks: e.tasks, note: outcome?.note, products: outcome?.products, cancellationReason: outcome?.cancellationReason,
        postponedFrom: state.status == .postponed ? e.timing : nil,
        unrecorded: open && (state.date ?? e.timing.lastDay) < today)
}

extension EventFigures {
    init(_ rows: [EventRow]) {
        var schools = Set<String>()
        for row in rows {
            planned += 1
            switch row.status {
            case .held:
                held += 1
                participants = participants.saturatingAdd(row.participants ?? 0)
                schools.formUnion(row.schools)
            case .cancelled, .removed: cancelled += 1
            case .postponed: postponed += 1
            case .planned, .scheduled: open += 1
            }
        }
        schoolsReached = schools.count
    }

    /// The indicator ids whose actual value the events already give.
    func derived(_ indicator: String) -> Double? {
        switch indicator {
        case "events-held": Double(held)
        case "participants": Double(participants)
        case "schools-reached": Double(schoolsReached)
        default: nil
        }
    }
}

private func courseSection(_ course: TrainingCourse, year: AcademicYear, only schools: Set<String>?,
                           targetCluster: String?, district: District, clusterOfSchool: [String: String],
                           ref: (String) -> SchoolRef) -> CourseSection? {
    let enrolments = course.enrolments(in: year).filter { schools?.contains($0.school) ?? true }
    // With --cluster, only a target aimed at that cluster is comparable with the cluster's figures.
    let target = course.targets.first { $0.year == year && (targetCluster == nil || $0.cluster == targetCluster) }
    guard !enrolments.isEmpty || target != nil else { return nil }

    let targetRow = target.map { t in
        let counted = t.cluster.flatMap { district.cluster($0) }.map { c in
            course.enrolments(in: year).filter { c.members.contains($0.school) }
        } ?? enrolments
        return TargetRow(listeners: t.listeners, schools: t.schools, cluster: t.cluster,
                         actualListeners: counted.saturatingSum(\.listeners),
                         actualSchools: Set(counted.map(\.school)).count)
    }
    return CourseSection(
        id: course.id, title: course.title, provider: course.provider,
        enrolments: enrolments.map {
            EnrolmentRow(school: ref($0.school), cluster: clusterOfSchool[$0.school], teams: $0.teams, listeners: $0.listeners)
        },
        listeners: enrolments.saturatingSum(\.listeners), teams: enrolments.saturatingSum(\.teams),
        schools: Set(enrolments.map(\.school)).count, target: targetRow)
}

private func monthCounts(_ rows: [EventRow], year: AcademicYear) -> [MonthCount] {
    var planned = [YearMonth: Int]()
    var held = [YearMonth: Int]()
    for row in rows {
        planned[row.planned.firstDay.yearMonth, default: 0] += 1
        if row.status == .held, let day = row.heldOn ?? row.date { held[day.yearMonth, default: 0] += 1 }
    }
    return (0..<12).compactMap { offset in
        let m = (8 + offset) % 12 + 1
        return YearMonth(year: m >= 9 ? year.startYear : year.startYear + 1, month: m).map {
            MonthCount(month: $0, planned: planned[$0] ?? 0, held: held[$0] ?? 0)
        }
    }
}

private func hostCounts(_ rows: [EventRow]) -> [SchoolCount] {
    var sums = [String: (SchoolRef, Int)]()
    for row in rows where row.status == .held {
        sums[row.host.id, default: (row.host, 0)].1 = sums[row.host.id, default: (row.host, 0)].1.saturatingAdd(row.participants ?? 0)
    }
    return sums.values.map { SchoolCount(school: $0.0, participants: $0.1) }
        .sorted { ($1.participants, $0.school.id) < ($0.participants, $1.school.id) }
}

private func districtNames(of clusters: [Cluster], fallback: String) -> String {
    let names = clusters.compactMap(\.district).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    return names.isEmpty ? fallback : names.sorted().joined(separator: "; ")
}
