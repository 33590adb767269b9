import Clustering
import PlanFiles
import Planning
import Store

extension SupportProgrammes {
    /// The school's stored road map, or a new one whose text is the recommendations for its group.
    public static func roadMap(_ school: String, in grouping: SupportGrouping, store: some DistrictStore) async throws -> RoadMap {
        let grouped = try supported(school, in: grouping)
        if let stored = try await store.roadMaps(grouping: grouping.id).first(where: { $0.school == school }) { return stored }
        let recommendations = (try? RecommendationsLoader.builtIn()) ?? Recommendations()
        return RoadMap(grouping: grouping.id, school: school, text: recommendations.startingText(for: grouped.group))
    }

    /// The road map's text replaced.
    public static func saveText(_ text: String, school: String, in grouping: SupportGrouping, by author: Author, store: some DistrictStore,
                                now: Int64) async throws -> RoadMap {
        var map = try await roadMap(school, in: grouping, store: store)
        var problems: [FieldProblem] = []
        let text = text.trimmingWhitespace
        if text.count > InputLimits.textLength { problems.append(FieldProblem(field: "text", "длиннее \(InputLimits.textLength) символов")) }
        guard problems.isEmpty else { throw FieldProblems(problems) }
        guard text != map.text else { return map }
        let entry = AuditEntry(at: now, login: author.login, source: author.source, cluster: grouping.supportClusterID, event: nil,
                               field: "roadmap \(grouping.id)/\(school): text", old: map.text, new: text)
        map.text = text
        try await store.saveRoadMap(map, audit: [entry])
        return map
    }

    /// A new action on the school's road map. One that is an event becomes an event of the year's
    /// support cluster (created on the first such action; the pair added to its members), hosted by
    /// the support site for the pair, to be scheduled and published like any event.
    public static func addAction(_ fields: SupportActionFields, school: String, in grouping: SupportGrouping, by author: Author,
                                 store: some DistrictStore, now: Int64) async throws -> SupportAction {
        let grouped = try supported(school, in: grouping)
        var map = try await roadMap(school, in: grouping, store: store)
        let snapshot = try await store.snapshot()
        var action = try SupportAction.checked(number: map.nextActionNumber, fields, schools: Set(snapshot.district.schools.map(\.id)))
        if let eventFields = action.eventFields(site: grouped.site, mentee: school) {
            let cluster = try await supportCluster(for: grouping, including: eventFields.participants ?? [], by: author, store: store, now: now)
            action.event = try await EventEditing.add(to: cluster, eventFields, by: author, in: store, now: now).id.number
        }
        map.actions.append(action)
        let entry = AuditEntry(at: now, login: author.login, source: author.source, cluster: grouping.supportClusterID, event: action.event,
                               field: "roadmap \(grouping.id)/\(school): action \(action.number)", old: nil,
                               new: "\(action.kind.rawValue), \(action.level.rawValue), \(action.from)…\(action.to), \(action.responsible): \(action.title)")
        try await store.saveRoadMap(map, audit: [entry])
        return action
    }

    /// The year's support cluster with `schools` among its members: created or extended.
    static func supportCluster(for grouping: SupportGrouping, including schools: [String], by author: Author, store: some DistrictStore,
                               now: Int64) async throws -> String {
        let id = grouping.supportClusterID
        let district = try await store.snapshot().district
        guard let cluster = district.cluster(id) else {
            // Public like every cluster: the title and goal say nothing of any school's results.
            let fields = ClusterFields(title: "Методическое сопровождение школ, \(grouping.settings.year.next)",
                                       goal: "Методическая помощь школам по дорожным картам, мероприятия на опорных площадках",
                                       lead: schools.first, members: schools)
            _ = try await ClusterEditing.create(id, firstYear: grouping.settings.year, fields, by: author, in: store, now: now)
            return id
        }
        let missing = schools.filter { !cluster.members.contains($0) }
        if !missing.isEmpty {
            _ = try await ClusterEditing.edit(id, ClusterFields(members: cluster.members + missing), by: author, in: store, now: now)
        }
        return id
    }

    /// The grouping's school that may have a road map: one that needs support.
    static func supported(_ school: String, in grouping: SupportGrouping) throws -> GroupedSchool {
        guard let grouped = grouping.school(school) else { throw FieldProblems(field: "school", "школы «\(school.excerpt())» нет в группировке") }
        guard grouped.group.needsSupport else {
            throw FieldProblems(field: "school", "дорожная карта — для школ с низкими результатами; школа \(school) в группе «\(grouped.group.shortTitle)»")
        }
        return grouped
    }
}
