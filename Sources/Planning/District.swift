/// Everything a set of plan files describes, merged: schools, clusters with their work plans,
/// the calendar and training courses. The unit that is validated, imported, scheduled and served.
///
/// One store may hold the plans of several districts (the demo holds Nevsky, Kirov and Millerovo):
/// each school and cluster carries the `district:` of the file it came from, and `name` lists them.
public struct District: Hashable, Sendable {
    public var name: String
    public var timezone: String
    public var schools: [School]
    /// Partner venues (ИМЦ, a university, a library) that may host events besides member schools.
    public var venues: [Venue]
    public var clusters: [Cluster]
    public var calendar: DistrictCalendar
    public var courses: [TrainingCourse]
    /// The district's methodical centre (ИМЦ): the generic contact that feeds name for clusters
    /// whose coordinator's contact is private.
    public var methodicalCentre: Coordinator?

    public init(name: String, timezone: String = "Europe/Moscow", schools: [School] = [], venues: [Venue] = [], clusters: [Cluster] = [],
                calendar: DistrictCalendar = DistrictCalendar(), courses: [TrainingCourse] = [],
                methodicalCentre: Coordinator? = nil) {
        self.methodicalCentre = methodicalCentre
        self.name = name
        self.timezone = timezone
        self.schools = schools
        self.venues = venues
        self.clusters = clusters
        self.calendar = calendar
        self.courses = courses
    }

    public func school(_ id: String) -> School? { schools.first { $0.id == id } }
    public func cluster(_ id: String) -> Cluster? { clusters.first { $0.id == id } }
    public func venue(_ id: String) -> Venue? { venues.first { $0.id == id } }

    /// Where an event takes place, as a page or a feed names it.
    public func place(of event: PlannedEvent) -> Place { Place(event, school: school, venue: venue) }

    /// Every planned event of every cluster, in cluster then number order.
    public var events: [PlannedEvent] { clusters.flatMap { $0.plan?.events ?? [] } }
    /// `events.count` without copying every event into a new array.
    public var eventCount: Int { clusters.reduce(0) { $0 + ($1.plan?.events.count ?? 0) } }
}

public enum SchoolKind: String, CaseIterable, Hashable, Sendable {
    case school, gymnasium, lyceum, boarding, college, kindergarten, other
}

/// Контингент: the social make-up of a school's students (seed 001).
public enum Contingent: String, CaseIterable, Hashable, Sendable {
    case complex, favourable
}

public struct School: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    /// The `district:` of the plan file that defined this school.
    public var district: String?
    public var kind: SchoolKind
    public var address: String?
    public var contingent: Contingent?

    public init(id: String, name: String, district: String? = nil, kind: SchoolKind = .school, address: String? = nil,
                contingent: Contingent? = nil) {
        self.id = id
        self.name = name
        self.district = district
        self.kind = kind
        self.address = address
        self.contingent = contingent
    }
}

/// A partner venue (`venues:` in a plan file): a place that is not a member school.
public struct Venue: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var address: String?
    /// The `district:` of the plan file that defined this venue.
    public var district: String?

    public init(id: String, name: String, address: String? = nil, district: String? = nil) {
        self.id = id
        self.name = name
        self.address = address
        self.district = district
    }
}

/// An event's host resolved: a school (known or not), a partner venue, or online with its link.
public enum Place: Hashable, Sendable {
    case school(String, School?)
    case venue(Venue)
    case online(link: String?)

    /// `school` and `venue` look ids up: a feed of 80,000 events passes dictionaries.
    public init(_ event: PlannedEvent, school: (String) -> School?, venue: (String) -> Venue?) {
        if event.isOnline { self = .online(link: event.link) }
        else if let v = venue(event.host) { self = .venue(v) }
        else { self = .school(event.host, school(event.host)) }
    }

    public var name: String {
        switch self {
        case .school(let id, let school): school?.name ?? id
        case .venue(let venue): venue.name
        case .online: "онлайн"
        }
    }

    public var isSchool: Bool { if case .school = self { true } else { false } }

    public var address: String? {
        switch self {
        case .school(_, let school): school?.address
        case .venue(let venue): venue.address
        case .online: nil
        }
    }

    /// One line for a calendar's LOCATION: name and address, or an online event's link itself, which
    /// Google, Outlook and Apple show as a link to click.
    public var locationLine: String {
        if case .online(let link?) = self { return link }
        return [name, address].compactMap { $0 }.joined(separator: ", ")
    }
}

public struct Coordinator: Hashable, Sendable {
    public var name: String
    public var email: String?
    public init(name: String, email: String? = nil) { self.name = name; self.email = email }
}

public struct Cluster: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    /// The `district:` of the plan file that defined this cluster.
    public var district: String?
    /// A longer description: the cluster's contingent/results profile or the network's theme.
    public var profile: String?
    public var lead: String
    public var members: [String]
    public var coordinator: Coordinator?
    public var plan: WorkPlan?
    public var privacy: ClusterPrivacy

    public init(id: String, title: String, district: String? = nil, profile: String? = nil, lead: String, members: [String],
                coordinator: Coordinator? = nil, plan: WorkPlan? = nil, privacy: ClusterPrivacy = ClusterPrivacy()) {
        self.privacy = privacy
        self.id = id
        self.title = title
        self.district = district
        self.profile = profile
        self.lead = lead
        self.members = members
        self.coordinator = coordinator
        self.plan = plan
    }
}

/// The two-year work plan of one cluster.
public struct WorkPlan: Hashable, Sendable {
    public var years: [AcademicYear]
    public var theme: String?
    public var goal: String
    public var tasks: [PlanTask]
    public var directions: [Direction]
    public var indicators: [Indicator]
    public var events: [PlannedEvent]

    public init(years: [AcademicYear], theme: String? = nil, goal: String, tasks: [PlanTask] = [],
                directions: [Direction] = [], indicators: [Indicator] = [], events: [PlannedEvent] = []) {
        self.years = years
        self.theme = theme
        self.goal = goal
        self.tasks = tasks
        self.directions = directions
        self.indicators = indicators
        self.events = events
    }
}

/// One of the plan's задачи. Named `PlanTask` so it never shadows Swift's `Task`.
public struct PlanTask: Hashable, Sendable, Identifiable {
    public var id: String
    public var text: String
    public init(id: String, text: String) { self.id = id; self.text = text }
}

public struct Direction: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var items: [String]
    public init(id: String, title: String, items: [String] = []) { self.id = id; self.title = title; self.items = items }
}

public struct Indicator: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    /// For the whole plan: judged after its last year, shown as progress before.
    public var target: Double?
    /// For single academic years (`targets: {2019/2020: 4}`); a year's own target wins over `target`.
    public var targets: [AcademicYear: Double]
    public var unit: String?
    public init(id: String, title: String, target: Double? = nil, targets: [AcademicYear: Double] = [:], unit: String? = nil) {
        self.id = id
        self.title = title
        self.target = target
        self.targets = targets
        self.unit = unit
    }
}
