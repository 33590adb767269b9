/// `<cluster id>/<number>`, e.g. `nevsky-exact/7`. The iCalendar UID is derived from it only.
public struct EventID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var cluster: String
    public var number: Int

    public init(cluster: String, number: Int) { self.cluster = cluster; self.number = number }

    public init?(_ text: some StringProtocol) {
        guard let slash = text.lastIndex(of: "/"), let n = Int(text[text.index(after: slash)...]),
              slash > text.startIndex else { return nil }
        cluster = String(text[..<slash])
        number = n
    }

    public var description: String { "\(cluster)/\(number)" }
    public static func < (a: EventID, b: EventID) -> Bool { (a.cluster, a.number) < (b.cluster, b.number) }
}

public enum EventFormat: String, CaseIterable, Hashable, Sendable {
    case conference, seminar
    case roundTable = "round-table"
    case workingMeeting = "working-meeting"
    case masterClass = "master-class"
    case openLesson = "open-lesson"
    case consultation, webinar, training

    public var russian: String {
        switch self {
        case .conference: "Конференция"
        case .seminar: "Семинар"
        case .roundTable: "Круглый стол"
        case .workingMeeting: "Рабочая встреча"
        case .masterClass: "Мастер-класс"
        case .openLesson: "Открытый урок"
        case .consultation: "Консультация"
        case .webinar: "Вебинар"
        case .training: "Курсы повышения квалификации"
        }
    }

    public var english: String {
        switch self {
        case .conference: "Conference"
        case .seminar: "Seminar"
        case .roundTable: "Round table"
        case .workingMeeting: "Working meeting"
        case .masterClass: "Master class"
        case .openLesson: "Open lesson"
        case .consultation: "Consultation"
        case .webinar: "Webinar"
        case .training: "Training course"
        }
    }

    /// Used when an event gives no `duration`.
    public var defaultDurationMinutes: Int {
        switch self {
        case .conference: 180
        case .seminar, .roundTable, .training: 120
        case .workingMeeting, .masterClass, .webinar: 90
        case .openLesson: 45
        case .consultation: 60
        }
    }
}

/// When the plan says an event happens: a window to schedule in, or a pinned day.
public enum EventTiming: Hashable, Sendable {
    case month(YearMonth)
    case window(from: LocalDate, to: LocalDate)
    case pinned(LocalDate)

    public var firstDay: LocalDate {
        switch self {
        case .month(let m): m.firstDay
        case .window(let from, _): from
        case .pinned(let d): d
        }
    }

    public var lastDay: LocalDate {
        switch self {
        case .month(let m): m.lastDay
        case .window(_, let to): to
        case .pinned(let d): d
        }
    }
}

/// One numbered row of a cluster's work plan, as written in the plan file.
public struct PlannedEvent: Hashable, Sendable, Identifiable {
    public var id: EventID
    public var year: AcademicYear
    public var format: EventFormat
    public var title: String
    public var purpose: String?
    public var timing: EventTiming
    /// nil: the calendar's `default_start`.
    public var start: TimeOfDay?
    public var durationMinutes: Int
    /// A school id, a venue id (`venues:`), or `online` (`PlannedEvent.online`).
    public var host: String
    /// Schools taking part, the host included.
    public var participants: [String]
    public var tasks: [String]
    /// Where to join an online event (or a page about any event): the feed's URL, and LOCATION when online.
    public var link: String?

    /// The `host` of an event held online.
    public static let online = "online"
    public var isOnline: Bool { host == Self.online }

    public init(id: EventID, year: AcademicYear, format: EventFormat, title: String, purpose: String? = nil,
                timing: EventTiming, start: TimeOfDay? = nil, durationMinutes: Int? = nil, host: String,
                participants: [String], tasks: [String] = [], link: String? = nil) {
        self.id = id
        self.year = year
        self.format = format
        self.title = title
        self.purpose = purpose
        self.timing = timing
        self.start = start
        self.durationMinutes = durationMinutes ?? format.defaultDurationMinutes
        self.host = host
        self.participants = participants
        self.tasks = tasks
        self.link = link
    }

    public var number: Int { id.number }
    public var clusterID: String { id.cluster }
}
