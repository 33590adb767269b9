import ICal
import Planning

/// One event as `events --format json`, `/api/events` and `/api/clusters/<id>` give it: codes,
/// ISO dates and numbers, never display strings (those are the table's). Later fields are added,
/// never renamed. Absent values are written as `null`, so every object has every key.
public struct EventJSON: Codable, Hashable, Sendable {
    public struct Window: Codable, Hashable, Sendable {
        /// `YYYY-MM-DD`.
        public var from: String
        public var to: String
        public init(from: String, to: String) { self.from = from; self.to = to }
    }

    public struct OutcomeJSON: Codable, Hashable, Sendable {
        /// `held`, `cancelled`, `postponed` (the event's status when the outcome was recorded).
        public var status: String
        /// The day it was held, or the day it was postponed to.
        public var date: String?
        public var participants: Int?
        public var schools: [String]
        public var note: String?
        public var products: String?
        /// Why it was cancelled.
        public var reason: String?

        public init(status: String, date: String?, participants: Int?, schools: [String], note: String?, products: String?,
                    reason: String?) {
            self.status = status
            self.date = date
            self.participants = participants
            self.schools = schools
            self.note = note
            self.products = products
            self.reason = reason
        }
    }

    public var id: String
    public var cluster: String
    public var number: Int
    public var year: String
    public var format: String
    public var title: String
    public var purpose: String?
    /// A school id, a venue id, or `online`.
    public var host: String
    /// Where to join an online event; null when the plan gives none.
    public var link: String?
    public var participants: [String]
    public var status: String
    public var window: Window
    public var date: String?
    /// `HH:MM` in `timezone`, null until the event has a day.
    public var start: String?
    public var end: String?
    public var durationMinutes: Int
    public var timezone: String
    public var sequence: Int
    public var uid: String
    /// The event's page: absolute when the site's base URL is known, else the site path.
    public var page: String
    public var outcome: OutcomeJSON?

    /// Many events of one district: the cluster lookups made once, not once per event.
    public static func all(_ items: [EventSnapshot], district: District, options: SiteOptions) -> [EventJSON] {
        let districts = Dictionary(district.clusters.map { ($0.id, $0.district) }, uniquingKeysWith: { a, _ in a })
        return items.map { EventJSON($0, district: district, clusterDistrict: districts[$0.event.clusterID] ?? nil, options: options) }
    }

    /// `clusterDistrict`: the district named by the event's cluster, which its UID is derived from.
    public init(_ item: EventSnapshot, district: District, clusterDistrict: String?, options: SiteOptions) {
        let event = item.event
        let defaultStart = district.calendar.defaultStart
        id = event.id.description
        cluster = event.clusterID
        number = event.number
        year = event.year.description
        format = event.format.rawValue
        title = event.title
        purpose = event.purpose
        host = event.host
        link = event.link
        participants = event.participants
        status = item.state.status.rawValue
        window = Window(from: event.timing.firstDay.description, to: event.timing.lastDay.description)
        date = item.state.date?.description
        start = item.start(defaultStart: defaultStart)?.description
        end = item.end(defaultStart: defaultStart)?.description
        durationMinutes = event.durationMinutes
        timezone = district.timezone
        sequence = item.state.sequence
        uid = ICal.uid(for: event.id, district: clusterDistrict)
        page = options.absolute(SitePaths.event(event.id))
        // A postponement records no outcome fields but is an outcome all the same: its new day.
        let recorded = [.held, .cancelled, .postponed].contains(item.state.status)
        outcome = item.state.outcome == nil && !recorded ? nil : OutcomeJSON(
            status: item.state.status.rawValue,
            date: (item.state.status == .postponed ? item.state.postponedTo : item.state.outcome?.heldOn)?.description,
            participants: item.state.outcome?.participants, schools: item.state.outcome?.schools ?? [],
            note: item.state.outcome?.note, products: item.state.outcome?.products, reason: item.state.outcome?.cancellationReason)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(cluster, forKey: .cluster)
        try c.encode(number, forKey: .number)
        try c.encode(year, forKey: .year)
        try c.encode(format, forKey: .format)
        try c.encode(title, forKey: .title)
        try c.encode(purpose, forKey: .purpose)
        try c.encode(host, forKey: .host)
        try c.encode(link, forKey: .link)
        try c.encode(participants, forKey: .participants)
        try c.encode(status, forKey: .status)
        try c.encode(window, forKey: .window)
        try c.encode(date, forKey: .date)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(durationMinutes, forKey: .durationMinutes)
        try c.encode(timezone, forKey: .timezone)
        try c.encode(sequence, forKey: .sequence)
        try c.encode(uid, forKey: .uid)
        try c.encode(page, forKey: .page)
        try c.encode(outcome, forKey: .outcome)
    }
}

extension EventJSON.OutcomeJSON {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(status, forKey: .status)
        try c.encode(date, forKey: .date)
        try c.encode(participants, forKey: .participants)
        try c.encode(schools, forKey: .schools)
        try c.encode(note, forKey: .note)
        try c.encode(products, forKey: .products)
        try c.encode(reason, forKey: .reason)
    }
}
