import Clustering
import Hummingbird
import Planning
import Site
import Store

/// The support programme's private data as JSON under `/api/support`: a methodist gets every
/// school, a school account its own rows only, anyone else 403 (401 without an account).
struct SupportAPIController: Sendable {
    let workspace: Workspace

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get("support/results") { _, context in
                let account = try context.requireAccount()
                try context.require(account.maySeeGroupings)
                let rows = try await workspace.cache.store.results().filter { account.maySeeSchool($0.school.id) }
                return try workspace.json(rows.map(ResultJSON.init))
            }
            .get("support/groupings") { _, context in
                let account = try context.requireAccount()
                try context.require(account.maySeeGroupings)
                let groupings = try await workspace.cache.store.groupings().compactMap { g -> GroupingJSON? in
                    let schools = g.schools.filter { account.maySeeSchool($0.school) }
                    return schools.isEmpty ? nil : GroupingJSON(g, schools: schools)
                }
                return try workspace.json(groupings)
            }
    }
}

struct ResultJSON: Encodable {
    var school: String
    var assessment: String
    var subject: String
    var grade: Int
    var year: String
    var students: Int
    var value: Double

    init(_ row: ResultRow) {
        school = row.school.id
        assessment = row.measure.assessment
        subject = row.measure.subject
        grade = row.measure.grade
        year = row.measure.year.description
        students = row.students
        value = row.score.value
    }
}

struct GroupingJSON: Encodable {
    struct School: Encodable { var school: String; var group: String; var site: String?; var reason: String? }
    var id: Int
    var method: String
    var year: String
    var subject: String?
    var createdAt: String
    var schools: [School]

    init(_ g: SupportGrouping, schools: [GroupedSchool]) {
        id = g.id
        method = g.settings.method.rawValue
        year = g.settings.year.description
        subject = g.settings.subject
        createdAt = isoTimestamp(g.createdAt)
        self.schools = schools.map { School(school: $0.school, group: $0.group.rawValue, site: $0.site, reason: $0.reason) }
    }
}
