import Foundation
import Planning

/// The JSON of the read API and of `--format json`: one encoder, so the same data always gives
/// the same bytes (sorted keys, no escaped slashes).
public enum SiteJSON {
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }
}

public struct ClusterJSON: Encodable, Sendable {
    var id: String
    var title: String
    var district: String?
    var lead: String
    var members: [String]
    var events: Int
    var page: String
    var feed: String

    public init(_ cluster: Cluster, content: SiteContent) {
        id = cluster.id
        title = cluster.title
        district = cluster.district
        lead = cluster.lead
        members = cluster.members
        events = content.snapshot.events(inCluster: cluster.id).count { $0.state.status != .removed }
        page = content.options.absolute(SitePaths.cluster(cluster.id))
        feed = content.options.absolute(SitePaths.clusterFeed(cluster.id))
    }
}

public struct ClusterDetailJSON: Encodable, Sendable {
    struct School: Encodable, Sendable { var id: String; var name: String }
    struct Person: Encodable, Sendable { var name: String; var email: String? }
    struct Task: Encodable, Sendable { var id: String; var text: String }
    struct DirectionJSON: Encodable, Sendable { var id: String; var title: String; var items: [String] }
    struct Plan: Encodable, Sendable {
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

    public init(_ cluster: Cluster, content: SiteContent) {
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
        events = content.snapshot.events(inCluster: cluster.id).sorted { $0.id < $1.id }
            .map { EventJSON($0, district: content.district, clusterDistrict: cluster.district, options: content.options) }
        page = content.options.absolute(SitePaths.cluster(cluster.id))
        feed = content.options.absolute(SitePaths.clusterFeed(cluster.id))
    }
}

extension SiteContent {
    /// `/api/events` and `events --format json`: the events matching `query`, as `EventJSON`.
    public func events(_ query: EventQuery) throws(SiteError) -> [EventJSON] {
        do throws(UnknownID) {
            return EventJSON.all(try query.events(in: snapshot), district: district, options: options)
        } catch {
            throw SiteError(error)
        }
    }
}
