import Planning
import Store

/// Workspace writes on clusters: checked by `Cluster.editing`, stored with their audit entries.
public enum ClusterEditing {
    public static func edit(_ id: String, _ fields: ClusterFields, by author: Author, in store: some DistrictStore,
                            now: Int64) async throws -> Cluster {
        let snapshot = try await store.snapshot()
        guard let cluster = snapshot.district.cluster(id) else {
            throw UnknownID(kind: .cluster, id: id, known: snapshot.district.clusters.map(\.id))
        }
        let (edited, changes) = try cluster.editing(fields, in: snapshot.district)
        guard !changes.isEmpty else { return cluster }
        try await store.saveCluster(edited, audit: AuditEntry.entries(changes, by: author, cluster: id, event: nil, at: now))
        return edited
    }

    public static func create(_ id: String, firstYear: AcademicYear, _ fields: ClusterFields, by author: Author,
                              in store: some DistrictStore, now: Int64) async throws -> Cluster {
        let snapshot = try await store.snapshot()
        let cluster = try Cluster.new(id: id, firstYear: firstYear, fields, in: snapshot.district)
        let entry = AuditEntry(at: now, login: author.login, source: author.source, cluster: cluster.id, event: nil,
                               field: "cluster", old: nil, new: "кластер создан")
        try await store.saveCluster(cluster, audit: [entry])
        return cluster
    }
}

extension ClusterEditing {
    /// The next two-year cycle of a cluster as a new cluster `id` (see `Cluster.nextCycle`), its
    /// events planned and unscheduled, in one write.
    public static func nextCycle(of source: String, as id: String, by author: Author, in store: some DistrictStore,
                                 now: Int64) async throws -> Cluster {
        let snapshot = try await store.snapshot()
        guard let cluster = snapshot.district.cluster(source) else {
            throw UnknownID(kind: .cluster, id: source, known: snapshot.district.clusters.map(\.id))
        }
        let copy = cluster.nextCycle(id: id.trimmingWhitespace)
        // The same id checks as a new cluster's.
        _ = try Cluster.new(id: copy.id, firstYear: copy.plan?.years.first ?? AcademicYear(startYear: 2000),
                            ClusterFields(title: copy.title, lead: copy.lead, members: copy.members), in: snapshot.district)
        let events = (copy.plan?.events ?? []).map {
            EventWrite(EventSnapshot(event: $0, state: .initial(for: $0, calendar: snapshot.district.calendar, now: now)), expecting: nil)
        }
        let entry = AuditEntry(at: now, login: author.login, source: author.source, cluster: copy.id, event: nil, field: "cluster",
                               old: nil, new: "следующий цикл кластера \(source)")
        try await store.saveCluster(copy, events: events, audit: [entry])
        return copy
    }
}
