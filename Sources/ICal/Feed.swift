import CLibical
import Dispatch
import Foundation
import Planning

public struct FeedOptions: Hashable, Sendable {
    /// Public address of the site (`https://plan.example.ru`); events then carry `URL:<base>/events/<cluster>/<number>`.
    public var baseURL: String?
    /// REFRESH-INTERVAL and X-PUBLISHED-TTL, an iCalendar duration.
    public var refreshInterval: String

    public init(baseURL: String? = nil, refreshInterval: String = "PT4H") {
        self.baseURL = baseURL
        self.refreshInterval = refreshInterval
    }
}

/// Which events a feed carries: `/feeds/district.ics`, `/feeds/clusters/<id>.ics`, `/feeds/schools/<id>.ics`.
public enum FeedScope: Hashable, Sendable {
    case district
    case cluster(String)
    /// Events the school hosts or takes part in.
    case school(String)
    /// One event alone (`/feeds/events/<cluster>/<number>.ics`), removed ones included: "add this one event".
    case event(EventID)
    /// A registrant's own feed (`/feeds/me/<token>.ics`): the events they registered for.
    case personal(name: String, events: Set<EventID>)
}

public struct Feed: Hashable, Sendable {
    /// The `.ics` bytes (UTF-8, CRLF lines folded at 75 octets), as libical writes them: what a
    /// server or `publish` writes out. Kept as bytes because checking 10 MB of Cyrillic as a
    /// `String` costs as much as building a sixth of the feed.
    public var bytes: [UInt8]
    /// Events in scope left out because they have no date yet, in id order.
    public var undated: [EventID]

    public init(bytes: [UInt8], undated: [EventID] = []) {
        self.bytes = bytes
        self.undated = undated
    }

    /// The `.ics` text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

public enum FeedError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownCluster(String)
    case unknownSchool(String)
    case unknownEvent(EventID)
    case unknownTimezone(String)
    case invalidRefreshInterval(String)

    public var description: String {
        switch self {
        case .unknownCluster(let id): "нет кластера «\(id)»"
        case .unknownSchool(let id): "нет школы «\(id)»"
        case .unknownEvent(let id): "нет мероприятия «\(id)»"
        case .unknownTimezone(let name): "неизвестный часовой пояс «\(name)»"
        case .invalidRefreshInterval(let text): "интервал обновления «\(text)» не является длительностью iCalendar (например, PT4H)"
        }
    }
}

/// The iCalendar UID of an event: `<cluster>-<number>.<FNV-1a of the district name, 8 hex>@clusterplan`.
///
/// It depends on nothing that can change while the event lives (not its date, not the site's
/// address, not the machine), so calendar apps update the event instead of duplicating it. The
/// district hash keeps UIDs apart when two districts both have a cluster `math`; without a
/// district name the segment is left out (`math-3@clusterplan`).
public func uid(for id: EventID, district: String?) -> String {
    uid(for: id, districtHash: district.map(districtHash))
}

func uid(for id: EventID, districtHash: String?) -> String {
    guard let districtHash else { return "\(id.cluster)-\(id.number)@clusterplan" }
    return "\(id.cluster)-\(id.number).\(districtHash)@clusterplan"
}

/// 32-bit FNV-1a of the name's UTF-8, as 8 lowercase hex digits.
func districtHash(_ district: String) -> String {
    var hash: UInt32 = 0x811C_9DC5
    for byte in district.utf8 {
        hash = (hash ^ UInt32(byte)) &* 0x0100_0193
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 8 - hex.count) + hex
}

/// Builds one feed in memory: `writeFeed` collected into one byte array.
public func makeFeed(_ snapshot: DistrictSnapshot, scope: FeedScope, options: FeedOptions = FeedOptions())
    throws(FeedError) -> Feed {
    var bytes: [UInt8] = []
    let undated = try writeFeed(snapshot, scope: scope, options: options) { bytes += $0 }
    return Feed(bytes: bytes, undated: undated)
}

/// Builds one feed and hands its bytes to `write` in order, in pieces of about `chunkSize` bytes,
/// so a large feed can go to a file without ever being whole in memory. Every byte comes from
/// libical: the calendar's own properties and VTIMEZONE are serialised as one component, each
/// event is built, serialised and freed on its own (an 80,000-event feed never holds more than one
/// VEVENT tree), and the pieces are joined exactly where libical would have put the events when
/// serialising the whole tree. No clock is read: the same snapshot always gives the same bytes.
/// Returns the events in scope left out because they have no date yet, in id order.
@discardableResult
public func writeFeed(_ snapshot: DistrictSnapshot, scope: FeedScope, options: FeedOptions = FeedOptions(),
                      chunkSize: Int = 1 << 20, to write: ([UInt8]) -> Void) throws(FeedError) -> [EventID] {
    let district = snapshot.district
    let name: String
    let inScope: [EventSnapshot]
    switch scope {
    case .district:
        name = district.name
        inScope = snapshot.events
    case .cluster(let id):
        guard let cluster = district.cluster(id) else { throw .unknownCluster(id) }
        name = cluster.title
        inScope = snapshot.events(inCluster: id)
    case .school(let id):
        guard let school = district.school(id) else { throw .unknownSchool(id) }
        name = school.name
        inScope = snapshot.events(forSchool: id)
    case .event(let id):
        guard let item = snapshot.events.first(where: { $0.id == id }) else { throw .unknownEvent(id) }
        name = item.event.title
        inScope = [item]
    case .personal(let title, let events):
        name = title
        inScope = snapshot.events.filter { events.contains($0.id) }
    }
    guard let zone = Zone(district.timezone) else { throw .unknownTimezone(district.timezone) }
    let refresh = icaldurationtype_from_string(options.refreshInterval)
    guard icaldurationtype_is_bad_duration(refresh) == 0, icaldurationtype_is_null_duration(refresh) == 0 else {
        throw .invalidRefreshInterval(options.refreshInterval)
    }

    // Positions, not copies: a sorted copy of 80,000 events (and another of the dated ones) was
    // most of the feed's peak memory. A store reads them in order already: checked, not sorted.
    let inOrder = inScope.indices.dropFirst().allSatisfy { inScope[$0 - 1].id < inScope[$0].id }
    let order = inOrder ? Array(inScope.indices) : inScope.indices.sorted { inScope[$0].id < inScope[$1].id }
    let context = EventContext(district: district, materials: snapshot.materials, zone: zone.name, baseURL: options.baseURL)

    let calendar = Component(ICAL_VCALENDAR_COMPONENT)
    calendar.add(icalproperty_new_version, "2.0")
    calendar.add(icalproperty_new_prodid, "-//ClusterPlan//ClusterPlan//RU")
    calendar.add(icalproperty_new_calscale, "GREGORIAN")
    calendar.add(icalproperty_new_method(ICAL_METHOD_PUBLISH))
    calendar.add(icalproperty_new_name, name)
    calendar.addX("X-WR-CALNAME", name)
    calendar.add(icalproperty_new_refreshinterval(refresh), icalparameter_new_value(ICAL_VALUE_DURATION))
    calendar.addX("X-PUBLISHED-TTL", options.refreshInterval)
    if let years = context.years(of: inScope) {
        zone.addVTimezone(to: calendar, years: years)
    }

    var envelope: [UInt8] = []
    calendar.serialize(into: &envelope)
    let end = Array("END:VCALENDAR\r\n".utf8)
    precondition(envelope.suffix(end.count).elementsEqual(end), "libical ends every VCALENDAR with END:VCALENDAR")

    var output = Array(envelope.dropLast(end.count))
    output.reserveCapacity(chunkSize + 64 * 1024)
    let dated = order.filter { inScope[$0].state.date != nil }
    // Rounds of events split between the cores, each part built and serialised on its own thread
    // (every VEVENT is its own libical tree) and joined in order: the same bytes as one by one.
    let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4))
    let built = PartBytes(count: parts)
    for round in stride(from: 0, to: dated.count, by: feedRoundSize) {
        let positions = dated[round..<min(round + feedRoundSize, dated.count)]
        let partSize = (positions.count + parts - 1) / parts
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let start = min(positions.startIndex + part * partSize, positions.endIndex)
            var bytes: [UInt8] = []
            for i in positions[start..<min(start + partSize, positions.endIndex)] {
                if let day = inScope[i].state.date { context.vevent(inScope[i], on: day).serialize(into: &bytes) }
            }
            built.slots[part] = bytes
        }
        for part in 0..<parts { output += built.slots[part] }
        if output.count >= chunkSize {
            write(output)
            output.removeAll(keepingCapacity: true)
        }
    }
    output.append(contentsOf: end)
    write(output)
    return order.filter { inScope[$0].state.date == nil }.map { inScope[$0].id }
}

/// One round's bytes of each part of `writeFeed`: slot `k` is written by part `k`'s thread only, and
/// read once every part has finished.
private final class PartBytes: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<[UInt8]>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: [])
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }
}

/// Events built per round of `writeFeed`: enough to keep the cores busy, few enough that a round's
/// bytes (about 2 MB) stay small beside the feed.
private let feedRoundSize = 4096

/// What building a VEVENT needs besides the event: looked up once per feed, not once per event.
struct EventContext {
    let zone: String
    let baseURL: String?
    let defaultStart: TimeOfDay
    let clusters: [String: ClusterFacts]
    /// Host id -> the LOCATION line of an event held there.
    let locations: [String: String]
    let materials: [EventID: [Material]]

    init(district: District, materials: [Material], zone: String, baseURL: String?) {
        self.materials = materials.isEmpty ? [:] : Dictionary(grouping: materials, by: \.event)
        self.zone = zone
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        defaultStart = district.calendar.defaultStart
        clusters = Dictionary(district.clusters.map { ($0.id, ClusterFacts($0)) }, uniquingKeysWith: { first, _ in first })
        // Each host's line once, as `Place(_:school:venue:)` finds it (the first of an id; a venue
        // before a school), instead of a copy of the school per event.
        var locations = Dictionary(district.schools.map { ($0.id, Place.school($0.id, $0).locationLine) },
                                   uniquingKeysWith: { first, _ in first })
        for venue in district.venues.reversed() { locations[venue.id] = Place.venue(venue).locationLine }
        self.locations = locations
    }

    /// The calendar years the VTIMEZONE must cover: every event's start and end.
    func years(of events: [EventSnapshot]) -> ClosedRange<Int>? {
        let days = events.lazy.compactMap(\.state.date)
        guard let first = days.min(), let last = days.max() else { return nil }
        return first.year...(last.adding(days: 1).year)
    }

    func vevent(_ snapshot: EventSnapshot, on day: LocalDate) -> Component {
        let event = snapshot.event
        let state = snapshot.state
        let cluster = clusters[event.clusterID]
        let vevent = Component(ICAL_VEVENT_COMPONENT)

        vevent.add(icalproperty_new_uid, uid(for: event.id, districtHash: cluster?.districtHash))
        let stamp = utcTime(state.lastModified)
        vevent.add(icalproperty_new_dtstamp(stamp))
        vevent.add(icalproperty_new_lastmodified(stamp))
        vevent.add(icalproperty_new_sequence(Int32(clamping: state.sequence)))

        let start = (snapshot.start(defaultStart: defaultStart) ?? defaultStart).minutesSinceMidnight
        let end = start + event.durationMinutes
        // Floating times plus an explicit TZID parameter: libical writes the zone only as a parameter.
        vevent.add(icalproperty_new_dtstart(icalTime(day, minute: start)), icalparameter_new_tzid(zone))
        vevent.add(icalproperty_new_dtend(icalTime(day.adding(days: end / 1440), minute: end % 1440)),
                   icalparameter_new_tzid(zone))

        let summary = "\(event.format.russian): \(event.title)"
        vevent.add(icalproperty_new_summary, state.status.isCancelled ? "ОТМЕНЕНО: \(summary)" : summary)
        vevent.add(icalproperty_new_description, description(of: event, in: cluster))
        vevent.add(icalproperty_new_location, event.isOnline ? Place.online(link: event.link).locationLine
                   : locations[event.host] ?? Place.school(event.host, nil).locationLine)
        vevent.add(icalproperty_new_categories, event.format.russian)
        vevent.add(icalproperty_new_status(state.status.isCancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED))
        if let organizer = cluster?.organizer {
            vevent.add(icalproperty_new_organizer, organizer.address, icalparameter_new_cn(organizer.name))
        }
        // URI values are written unescaped too: only encoded ids go in.
        if let baseURL, !baseURL.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F }) {
            vevent.add(icalproperty_new_url, baseURL + SitePaths.event(event.id))
        }
        return vevent
    }

    /// Purpose, format, cluster and the texts of the plan tasks the event serves, one per line.
    func description(of event: PlannedEvent, in cluster: ClusterFacts?) -> String {
        var lines: [String] = []
        if let purpose = event.purpose { lines.append(purpose) }
        lines.append("Формат: \(event.format.russian)")
        lines.append("Кластер: \(cluster?.title ?? event.clusterID)")
        if let link = event.link { lines.append("Ссылка: \(link)") }
        if let attached = materials[event.id], let baseURL {
            lines.append("Материалы:")
            lines.append(contentsOf: attached.map { "— \($0.title): \(baseURL)\(SitePaths.material($0))" })
        }
        if !event.tasks.isEmpty {
            lines.append("Задачи:")
            lines.append(contentsOf: event.tasks.map { id in "— \(cluster?.tasks[id] ?? id)" })
        }
        return lines.joined(separator: "\n")
    }
}

/// What a VEVENT takes from its cluster, gathered once per cluster: per event, copying the whole
/// cluster, and checking and cleaning its coordinator, were a fifth of a country export.
struct ClusterFacts {
    let title: String
    /// Plan task id -> its text (the first task of an id).
    let tasks: [String: String]
    /// Hash of the cluster's district, for the UIDs.
    let districtHash: String?
    /// The coordinator as ORGANIZER (`mailto:` address, CN). CAL-ADDRESS values are written
    /// unescaped: only a checked address goes in.
    let organizer: (address: String, name: String)?

    init(_ cluster: Cluster) {
        title = cluster.title
        tasks = Dictionary((cluster.plan?.tasks ?? []).map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        districtHash = cluster.district.map(ICal.districtHash)
        if let coordinator = cluster.coordinator, let email = coordinator.email, emailProblem(email) == nil {
            organizer = ("mailto:\(email)", coordinator.name.singleLine)
        } else {
            organizer = nil
        }
    }
}
