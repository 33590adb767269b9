import ICal
import Mustache
import Planning
import Reports

/// Everything the site shows, made from one snapshot of the store: feeds, pages and the report.
/// Pure: the same snapshot and options always give the same bytes, which is what lets `serve`
/// cache and `publish` write files that are byte-identical to what `serve` answers.
public struct SiteContent: Sendable {
    public let snapshot: DistrictSnapshot
    public let options: SiteOptions
    public let pages: PageRenderer
    let schools: [String: School]
    let venues: [String: Venue]
    let clusters: [String: Cluster]

    /// Everything built from here is public: private contacts and notes are gone from `snapshot`.
    public init(snapshot: DistrictSnapshot, options: SiteOptions, pages: PageRenderer) {
        let snapshot = snapshot.publicView
        self.snapshot = snapshot
        self.options = options
        self.pages = pages
        schools = Dictionary(snapshot.district.schools.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        venues = Dictionary(snapshot.district.venues.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        clusters = Dictionary(snapshot.district.clusters.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public var district: District { snapshot.district }

    // MARK: Feeds

    /// The `.ics` text exactly as `makeFeed` writes it, and the newest change of an event in it.
    public func feed(_ scope: FeedScope) throws(SiteError) -> (text: String, lastModified: Int64?) {
        let feed: Feed
        do { feed = try makeFeed(snapshot, scope: scope, options: options.feedOptions) } catch { throw SiteError(error) }
        let events: [EventSnapshot] = switch scope {
        case .district: snapshot.events
        case .cluster(let id): snapshot.events(inCluster: id)
        case .school(let id): snapshot.events(forSchool: id)
        case .event(let id): snapshot.events.filter { $0.id == id }
        case .personal(_, let ids): snapshot.events.filter { ids.contains($0.id) }
        }
        return (feed.text, events.map(\.state.lastModified).max())
    }

    /// Every feed the site offers, with its path: the district, each cluster, each school.
    public var feedPaths: [(scope: FeedScope, path: String)] {
        [(.district, SitePaths.districtFeed)]
            + district.clusters.map { (.cluster($0.id), SitePaths.clusterFeed($0.id)) }
            + district.schools.map { (.school($0.id), SitePaths.schoolFeed($0.id)) }
    }

    /// The one-event files of every dated event ("add this one event"), with their paths.
    public var eventFeedPaths: [(scope: FeedScope, path: String)] {
        snapshot.events.filter { $0.state.date != nil }.map { (.event($0.id), SitePaths.eventFeed($0.id)) }
    }

    // MARK: Pages

    /// The home page: the district picker, the next events across clusters and the school search.
    /// `today` decides which events are "next".
    public func indexPage(today: LocalDate) -> String {
        let counts = Dictionary(grouping: snapshot.events.filter { $0.state.status != .removed }, by: \.event.clusterID)
            .mapValues(\.count)
        let cards = districtNames.enumerated().map { index, name in
            IndexPage.DistrictCard(
                name: name, anchor: districtAnchor(index),
                clusters: district.clusters.filter { districtName(of: $0) == name }.map {
                    .init(href: options.href(SitePaths.cluster($0.id)), title: $0.title, lead: schoolName($0.lead),
                          eventCount: counts[$0.id] ?? 0)
                },
                schoolCount: district.schools.filter { districtName(of: $0) == name }.count,
                schoolsHref: options.href(SitePaths.schools) + "#" + districtAnchor(index),
                calendarHref: calendarYear(.district(name), today: today).map { options.href(SitePaths.calendar($0)) + "#" + districtAnchor(index) })
        }
        let next = upcoming(snapshot.events, today: today, count: 4)
        let years = reportYears.map { IndexPage.Year(href: options.href(SitePaths.report($0)), title: $0.description) }
        return pages.render("index", IndexPage(
            title: Self.siteTitle, home: options.href("/"), timezone: district.timezone,
            subscribe: subscription(SitePaths.districtFeed, title: district.name), search: searchBox(query: ""),
            upcomingHeading: next.past ? "Последние мероприятия" : "Ближайшие мероприятия",
            hasUpcoming: !next.events.isEmpty, upcoming: rows(next.events, showCluster: true, sorted: false),
            districts: cards, calendarHref: calendarYear(today: today).map { options.href(SitePaths.calendar($0)) },
            reports: years.isEmpty ? nil : .init(years: years)))
    }

    public func clusterPage(_ id: String, today: LocalDate) throws(SiteError) -> String {
        guard let cluster = clusters[id] else { throw .unknownCluster(id) }
        let plan = cluster.plan
        let events = snapshot.events(inCluster: id)
        return pages.render("cluster", ClusterPage(
            title: cluster.title, home: options.href("/"), timezone: district.timezone,
            district: districtName(of: cluster), profile: cluster.profile,
            subscribe: subscription(SitePaths.clusterFeed(id), title: cluster.title),
            calendarHref: calendarYear(today: today).map { options.href(SitePaths.clusterCalendar(id, $0)) },
            upcoming: upcomingCard(events, today: today, showCluster: false),
            theme: plan?.theme, goal: plan?.goal,
            hasTasks: !(plan?.tasks.isEmpty ?? true), tasks: (plan?.tasks ?? []).map { .init(text: $0.text) },
            hasDirections: !(plan?.directions.isEmpty ?? true),
            directions: (plan?.directions ?? []).map { .init(title: $0.title, items: $0.items) },
            members: cluster.members.map {
                .init(href: options.href(SitePaths.school($0)), name: schoolName($0), isLead: $0 == cluster.lead)
            },
            coordinator: cluster.coordinator.map { .init(name: $0.name, email: $0.email) },
            hasEvents: !events.isEmpty, events: rows(events, showCluster: false)))
    }

    public func schoolPage(_ id: String, today: LocalDate) throws(SiteError) -> String {
        guard let school = schools[id] else { throw .unknownSchool(id) }
        let memberOf = district.clusters.filter { $0.members.contains(id) || $0.lead == id }
        let events = snapshot.events(forSchool: id)
        return pages.render("school", SchoolPage(
            title: school.name, home: options.href("/"), timezone: district.timezone,
            district: districtName(of: school), address: school.address,
            subscribe: subscription(SitePaths.schoolFeed(id), title: school.name),
            calendarHref: calendarYear(today: today).map { options.href(SitePaths.schoolCalendar(id, $0)) },
            upcoming: upcomingCard(events, today: today, showCluster: true),
            hasClusters: !memberOf.isEmpty,
            clusters: memberOf.map { .init(href: options.href(SitePaths.cluster($0.id)), title: $0.title, isLead: $0.lead == id) },
            hasEvents: !events.isEmpty, events: rows(events, showCluster: true)))
    }

    public func eventPage(cluster: String, number: Int) throws(SiteError) -> String {
        let id = EventID(cluster: cluster, number: number)
        guard let item = snapshot.events.first(where: { $0.id == id }) else { throw .unknownEvent(id.description) }
        let event = item.event
        let owner = clusters[event.clusterID]
        let tasks = event.tasks.map { task in owner?.plan?.tasks.first { $0.id == task }?.text ?? task }
        let when = schedule(item)
        let place = place(of: event)
        let materials = snapshot.materials.filter { $0.event == id }.map {
            EventPage.MaterialLink(href: options.href(SitePaths.material($0)), title: $0.title, size: fileSize($0.size))
        }
        return pages.render("event", EventPage(
            title: event.title, home: options.href("/"), timezone: district.timezone,
            format: event.format.russian, number: event.number,
            subscribe: subscription(SitePaths.clusterFeed(event.clusterID), title: owner?.title ?? event.clusterID,
                                    event: item.state.date == nil ? nil : id),
            clusterHref: options.href(SitePaths.cluster(event.clusterID)), clusterTitle: owner?.title ?? event.clusterID,
            date: when.date, time: when.time.isEmpty ? nil : when.time, status: status(item),
            year: event.year.description,
            // Only a school has a page; a venue shows its address, an online event its link.
            hostHref: place.isSchool ? options.href(SitePaths.school(event.host)) : nil, host: place.name, address: place.address,
            link: event.link,
            hasMaterials: !materials.isEmpty, materials: materials,
            participants: event.participants.map { .init(href: options.href(SitePaths.school($0)), name: schoolName($0), isLead: false) },
            purpose: event.purpose, hasTasks: !tasks.isEmpty, tasks: tasks.map { .init(text: $0) },
            outcome: outcome(item), registration: registrationLink(item)))
    }

    /// The annual report of the Reports target, as its own HTML document.
    public func reportPage(year: AcademicYear, today: LocalDate) throws(SiteError) -> String {
        guard reportYears.contains(year) else { throw .unknownYear(year.description) }
        do {
            return renderHTML(try buildReport(snapshot, year: year, today: today), stylesheet: options.href("/report.css"))
        } catch .nothingInYear {
            throw .unknownYear(year.description)
        } catch {
            throw .misconfigured(String(describing: error))
        }
    }

    /// The academic years the plans cover: the ones with a report.
    public var reportYears: [AcademicYear] { snapshot.years }

    // MARK: Pieces

    public func schoolName(_ id: String) -> String { schools[id]?.name ?? id }

    func place(of event: PlannedEvent) -> Place { Place(event, school: { schools[$0] }, venue: { venues[$0] }) }


    /// `четверг, 17 октября 2019` and `15:00–18:00`, or the planned month while the event has no date.
    func schedule(_ item: EventSnapshot) -> (date: String, time: String) {
        guard let date = item.state.date else {
            let window: String = switch item.event.timing {
            case .month(let m): RussianDates.month(m).lowercased()
            case .window(let from, let to): "\(RussianDates.day(from)) – \(RussianDates.day(to))"
            case .pinned(let d): RussianDates.day(d)
            }
            return ("\(window) (дата не назначена)", "")
        }
        let start = item.start(defaultStart: district.calendar.defaultStart)
        let end = item.end(defaultStart: district.calendar.defaultStart)
        return (RussianDates.long(date), "\(start.map(\.description) ?? "")–\(end.map(\.description) ?? "")")
    }

    func status(_ item: EventSnapshot) -> String {
        if item.state.status == .cancelled, let reason = item.state.outcome?.cancellationReason {
            return "\(item.state.status.russian): \(reason)"
        }
        return item.state.status.russian
    }

    func outcome(_ item: EventSnapshot) -> String? {
        guard item.state.status == .held, let outcome = item.state.outcome else { return nil }
        var parts: [String] = []
        if let n = outcome.participants { parts.append("участников: \(n)") }
        if !outcome.schools.isEmpty { parts.append("школ: \(outcome.schools.count)") }
        if let note = outcome.note { parts.append(note) }
        if let products = outcome.products { parts.append(products) }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    func rows(_ events: [EventSnapshot], showCluster: Bool, sorted: Bool = true) -> [EventRow] {
        (sorted ? events.sorted { $0.id < $1.id } : events).map { item in
            let when = schedule(item)
            return EventRow(
                number: item.event.number, date: when.date, time: when.time, format: item.event.format.russian,
                href: options.href(SitePaths.event(item.id)), title: item.event.title,
                showCluster: showCluster, clusterTitle: clusters[item.event.clusterID]?.title ?? item.event.clusterID,
                host: place(of: item.event).name, status: status(item), cancelled: item.state.status.isCancelled)
        }
    }

    /// The next `count` dated events from `today` on, not cancelled; when none is ahead, the last ones (`past`).
    func upcoming(_ events: [EventSnapshot], today: LocalDate, count: Int) -> (events: [EventSnapshot], past: Bool) {
        let defaultStart = district.calendar.defaultStart
        let dated = events.filter { !$0.state.status.isCancelled }
            .compactMap { e in e.state.date.map { (date: $0, minute: e.start(defaultStart: defaultStart)?.minutesSinceMidnight ?? 0, event: e) } }
            .sorted { ($0.date, $0.minute, $0.event.id) < ($1.date, $1.minute, $1.event.id) }
        let ahead = dated.filter { $0.date >= today }.map(\.event)
        if !ahead.isEmpty { return (Array(ahead.prefix(count)), false) }
        return (dated.suffix(count).reversed().map(\.event), !dated.isEmpty)
    }

    func upcomingCard(_ events: [EventSnapshot], today: LocalDate, showCluster: Bool) -> UpcomingCard? {
        let next = upcoming(events, today: today, count: 1)
        guard let first = next.events.first, let row = rows([first], showCluster: showCluster).first else { return nil }
        return UpcomingCard(heading: next.past ? "Последнее мероприятие" : "Ближайшее мероприятие", event: row)
    }

    /// The page title of the site as a whole: the store may hold several districts.
    static let siteTitle = "Планы работы кластеров школ"

    /// Every district the store holds, in plan order: a merged plan names them all in `district.name`.
    public var districtNames: [String] {
        let named = (district.clusters.compactMap(\.district) + district.schools.compactMap(\.district))
            + district.name.components(separatedBy: "; ")
        return named.reduce(into: [String]()) { if !$1.isEmpty, !$0.contains($1) { $0.append($1) } }
    }

    /// A cluster's own district, or the store's first one when the plan did not say.
    func districtName(of cluster: Cluster) -> String { cluster.district ?? districtNames.first ?? district.name }
    func districtName(of school: School) -> String { school.district ?? districtNames.first ?? district.name }

    /// `district-1`: the id of a district's section, by its place in `districtNames`.
    func districtAnchor(_ index: Int) -> String { "district-\(index + 1)" }
}

/// «340 КБ», «2,5 МБ»: sizes as a file list shows them (the event page and the workspace's event form).
func fileSize(_ bytes: Int) -> String {
    if bytes < 1 << 20 { return "\(max(1, (bytes + 512) >> 10)) КБ" }
    let tenths = (bytes * 10 + (1 << 19)) >> 20
    return tenths % 10 == 0 ? "\(tenths / 10) МБ" : "\(tenths / 10),\(tenths % 10) МБ"
}
