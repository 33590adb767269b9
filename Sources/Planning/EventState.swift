/// What has happened to a planned event since it was imported: its schedule, its publication
/// counters for iCalendar subscribers, and the recorded outcome.
public enum EventStatus: String, CaseIterable, Hashable, Sendable {
    /// In the plan, no date yet.
    case planned
    /// Has a date and time.
    case scheduled
    case held
    case postponed
    case cancelled
    /// Gone from the plan files; kept so feeds can show it as cancelled.
    case removed

    public var isCancelled: Bool { self == .cancelled || self == .removed }

    public var russian: String {
        switch self {
        case .planned: "запланировано"
        case .scheduled: "назначено"
        case .held: "проведено"
        case .postponed: "перенесено"
        case .cancelled: "отменено"
        case .removed: "исключено из плана"
        }
    }

    public var english: String {
        switch self {
        case .planned: "planned"
        case .scheduled: "scheduled"
        case .held: "held"
        case .postponed: "postponed"
        case .cancelled: "cancelled"
        case .removed: "removed from plan"
        }
    }
}

/// What really happened at an event.
public struct Outcome: Hashable, Sendable {
    public var heldOn: LocalDate?
    public var participants: Int?
    public var schools: [String]
    public var note: String?
    /// Results and products: a collection of materials, recommendations.
    public var products: String?
    public var cancellationReason: String?

    public init(heldOn: LocalDate? = nil, participants: Int? = nil, schools: [String] = [], note: String? = nil,
                products: String? = nil, cancellationReason: String? = nil) {
        self.heldOn = heldOn
        self.participants = participants
        self.schools = schools
        self.note = note
        self.products = products
        self.cancellationReason = cancellationReason
    }
}

/// The state of one event as kept in the store.
public struct EventState: Hashable, Sendable {
    public var date: LocalDate?
    public var start: TimeOfDay?
    /// iCalendar SEQUENCE: raised on every published change of date, time, place or status.
    public var sequence: Int
    /// Unix seconds (UTC) of the last published change: DTSTAMP and LAST-MODIFIED.
    public var lastModified: Int64
    public var status: EventStatus
    public var outcome: Outcome?
    /// Set by `record --postponed`: a pin the scheduler keeps, on top of the plan's `date:`.
    public var postponedTo: LocalDate?

    public init(date: LocalDate? = nil, start: TimeOfDay? = nil, sequence: Int = 0, lastModified: Int64,
                status: EventStatus = .planned, outcome: Outcome? = nil, postponedTo: LocalDate? = nil) {
        self.date = date
        self.start = start
        self.sequence = sequence
        self.lastModified = lastModified
        self.status = status
        self.outcome = outcome
        self.postponedTo = postponedTo
    }
}

/// A planned event with its state: what feeds, pages and reports show.
public struct EventSnapshot: Hashable, Sendable, Identifiable {
    /// The plan row as published: what feeds and pages show.
    public var event: PlannedEvent
    public var state: EventState
    /// A new month, date, start, duration or host saved in the workspace, waiting for the next
    /// schedule publish (nil when there is none).
    public var pending: PendingSchedule?
    /// Raised by every stored change of the event, so a form or script editing a stale copy is refused.
    public var revision: Int
    public var id: EventID { event.id }

    public init(event: PlannedEvent, state: EventState, pending: PendingSchedule? = nil, revision: Int = 0) {
        self.event = event
        self.state = state
        self.pending = pending
        self.revision = revision
    }

    /// The plan row as it will be once the pending values are published.
    public var planned: PlannedEvent { pending.map { event.with($0) } ?? event }

    /// The start time subscribers see, once the event has a day: the stored one, else the plan's,
    /// else the calendar's default. The one place this rule lives.
    public func start(defaultStart: TimeOfDay) -> TimeOfDay? {
        state.date == nil ? nil : state.start ?? event.start ?? defaultStart
    }

    /// The end time on the same clock (wrapping past midnight).
    public func end(defaultStart: TimeOfDay) -> TimeOfDay? {
        start(defaultStart: defaultStart).map { $0.adding(minutes: event.durationMinutes) }
    }
}

/// The whole district as stored: the plan plus every event's state, including removed events.
public struct DistrictSnapshot: Hashable, Sendable {
    public var district: District
    public var events: [EventSnapshot]
    public var indicatorValues: [IndicatorValue]
    /// Files attached to events, in upload order (their descriptions; the store keeps the bytes).
    public var materials: [Material]
    /// Events whose coordinator set up registration (open or closed); never who registered.
    public var registrationSettings: [RegistrationSettings]
    /// Attendance at training courses' events, counted per school and year.
    public var courseListeners: [CourseListeners]

    public init(district: District, events: [EventSnapshot], indicatorValues: [IndicatorValue] = [], materials: [Material] = [],
                registrationSettings: [RegistrationSettings] = [], courseListeners: [CourseListeners] = []) {
        self.district = district
        self.events = events
        self.indicatorValues = indicatorValues
        self.materials = materials
        self.registrationSettings = registrationSettings
        self.courseListeners = courseListeners
    }

    public func registrationSettings(_ id: EventID) -> RegistrationSettings? { registrationSettings.first { $0.event == id } }

    /// Each event's materials, for pages and feeds that show many events.
    public var materialsByEvent: [EventID: [Material]] { Dictionary(grouping: materials, by: \.event) }

    /// Events postponed by `record --postponed`, with the day they were moved to.
    public var postponements: [EventID: LocalDate] {
        Dictionary(events.compactMap { e in e.state.postponedTo.map { (e.id, $0) } }, uniquingKeysWith: { a, _ in a })
    }

    public func events(inCluster id: String) -> [EventSnapshot] { events.filter { $0.event.clusterID == id } }

    /// Events a school hosts or takes part in.
    public func events(forSchool id: String) -> [EventSnapshot] {
        events.filter { $0.event.host == id || $0.event.participants.contains(id) }
    }
}

/// An indicator's actual value for one academic year.
public struct IndicatorValue: Hashable, Sendable {
    public var cluster: String
    public var indicator: String
    public var year: AcademicYear
    public var value: Double

    public init(cluster: String, indicator: String, year: AcademicYear, value: Double) {
        self.cluster = cluster
        self.indicator = indicator
        self.year = year
        self.value = value
    }
}
