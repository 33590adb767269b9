import Foundation
import Hummingbird
import Planning

/// The read-only JSON API: `/api/clusters`, `/api/clusters/<id>`, `/api/events?cluster=&school=&year=`.
struct APIController<Context: RequestContext>: Sendable {
    let cache: SiteCache

    var endpoints: RouteCollection<Context> {
        RouteCollection(context: Context.self)
            .get("clusters") { request, _ in
                let content = try self.content()
                return try json(content.district.clusters.map { ClusterJSON($0, content: content) }, request)
            }
            .get("clusters/{id}") { request, context in
                let content = try self.content()
                let id = try context.parameters.decoded("id")
                guard let cluster = content.district.cluster(id) else { throw SiteError.unknownCluster(id) }
                return try json(ClusterDetailJSON(cluster, content: content), request)
            }
            .get("events") { request, _ in
                let content = try self.content()
                return try json(try events(request.uri.queryParameters, content: content), request)
            }
    }

    func content() throws -> SiteContent {
        guard let content = try cache.current().content else { throw SiteError.emptyStore }
        return content
    }

    func events(_ query: Parameters, content: SiteContent) throws(SiteError) -> [EventJSON] {
        var events = content.snapshot.events
        if let cluster = query.get("cluster") {
            guard content.district.cluster(cluster) != nil else { throw .unknownCluster(cluster) }
            events = events.filter { $0.event.clusterID == cluster }
        }
        if let school = query.get("school") {
            guard content.district.school(school) != nil else { throw .unknownSchool(school) }
            events = events.filter { $0.event.host == school || $0.event.participants.contains(school) }
        }
        if let text = query.get("year") {
            guard let year = AcademicYear(text.replacingOccurrences(of: "-", with: "/")) else {
                throw .badParameter("year: ожидается учебный год вида 2019-2020 или 2019/2020, а не «\(text)»")
            }
            events = events.filter { $0.event.year == year }
        }
        return events.sorted { $0.id < $1.id }.map { EventJSON($0, content: content) }
    }

    /// Sorted keys and no escaped slashes: the same data always gives the same bytes.
    func json(_ value: some Encodable, _ request: Request) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-cache"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

struct ClusterJSON: Encodable {
    var id: String
    var title: String
    var district: String?
    var lead: String
    var members: [String]
    var events: Int
    var page: String
    var feed: String

    init(_ cluster: Cluster, content: SiteContent) {
        id = cluster.id
        title = cluster.title
        district = cluster.district
        lead = cluster.lead
        members = cluster.members
        events = content.snapshot.events(inCluster: cluster.id).count { $0.state.status != .removed }
        page = content.options.absolute(Paths.cluster(cluster.id))
        feed = content.options.absolute(Paths.clusterFeed(cluster.id))
    }
}

struct ClusterDetailJSON: Encodable {
    struct School: Encodable { var id: String; var name: String }
    struct Person: Encodable { var name: String; var email: String? }
    struct Task: Encodable { var id: String; var text: String }
    struct DirectionJSON: Encodable { var id: String; var title: String; var items: [String] }
    struct Plan: Encodable {
        var years: [String]
        var theme: String?
        var goal: String
        var tasks: [Task]
        var directions: [DirectionJSON]
    }

    var id: String
    var title: String
    var district: String?
    var profile: String?
    var lead: School
    var members: [School]
    var coordinator: Person?
    var plan: Plan?
    var events: [EventJSON]
    var page: String
    var feed: String

    init(_ cluster: Cluster, content: SiteContent) {
        id = cluster.id
        title = cluster.title
        district = cluster.district
        profile = cluster.profile
        lead = School(id: cluster.lead, name: content.schoolName(cluster.lead))
        members = cluster.members.map { School(id: $0, name: content.schoolName($0)) }
        coordinator = cluster.coordinator.map { Person(name: $0.name, email: $0.email) }
        plan = cluster.plan.map { p in
            Plan(years: p.years.map(\.description), theme: p.theme, goal: p.goal,
                 tasks: p.tasks.map { Task(id: $0.id, text: $0.text) },
                 directions: p.directions.map { DirectionJSON(id: $0.id, title: $0.title, items: $0.items) })
        }
        events = content.snapshot.events(inCluster: cluster.id).sorted { $0.id < $1.id }.map { EventJSON($0, content: content) }
        page = content.options.absolute(Paths.cluster(cluster.id))
        feed = content.options.absolute(Paths.clusterFeed(cluster.id))
    }
}

struct EventJSON: Encodable {
    var id: String
    var cluster: String
    var number: Int
    var year: String
    var format: String
    var title: String
    var purpose: String?
    /// `YYYY-MM-DD` in the district's time zone, nil until scheduled.
    var date: String?
    var start: String?
    var durationMinutes: Int
    var status: String
    var host: String
    var participants: [String]
    var sequence: Int
    var page: String

    init(_ item: EventSnapshot, content: SiteContent) {
        let event = item.event
        id = event.id.description
        cluster = event.clusterID
        number = event.number
        year = event.year.description
        format = event.format.rawValue
        title = event.title
        purpose = event.purpose
        date = item.state.date?.description
        start = item.state.date == nil ? nil
            : (item.state.start ?? event.start ?? content.district.calendar.defaultStart).description
        durationMinutes = event.durationMinutes
        status = item.state.status.rawValue
        host = event.host
        participants = event.participants
        sequence = item.state.sequence
        page = content.options.absolute(Paths.event(event.clusterID, event.number))
    }
}
