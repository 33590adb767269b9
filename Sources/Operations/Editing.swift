import Planning
import Store

/// Workspace writes on events: read the store, let Planning compute the new values and the audit
/// entries, store them in one write that is refused when the event changed meanwhile.
public enum EventEditing {
    /// Edits an event's fields (`EventSnapshot.editing`). `expecting`: the revision the form or
    /// script saw; a stale one is `StoreError.conflict` before anything is computed.
    public static func edit(_ id: EventID, _ fields: EventFields, expecting: Int?, by author: Author,
                            in store: some DistrictStore, now: Int64) async throws -> EventSnapshot {
        let snapshot = try await store.snapshot()
        let (item, cluster) = try find(id, in: snapshot)
        if let expecting, expecting != item.revision { throw try await EditConflict(item, seen: expecting, in: store) }
        let (edited, changes) = try item.editing(try EventEdit(fields), in: cluster, district: snapshot.district, now: now)
        guard !changes.isEmpty else { return item }
        try await store.write([EventWrite(edited, expecting: item.revision)],
                              audit: AuditEntry.entries(changes, by: author, cluster: id.cluster, event: id.number, at: now),
                              version: nil)
        return edited
    }

    /// A new event numbered after every event the cluster ever had (removed ones keep their numbers).
    public static func add(to clusterID: String, _ fields: EventFields, by author: Author, in store: some DistrictStore,
                           now: Int64) async throws -> EventSnapshot {
        let snapshot = try await store.snapshot()
        guard let cluster = snapshot.district.cluster(clusterID) else {
            throw UnknownID(kind: .cluster, id: clusterID, known: snapshot.district.clusters.map(\.id))
        }
        let number = (snapshot.events(inCluster: clusterID).map(\.id.number).max() ?? 0) + 1
        let item = try EventSnapshot.new(number: number, try EventEdit(fields), in: cluster, district: snapshot.district, now: now)
        let changes = item.event.fieldValues
            .compactMap { field, value in value.map { FieldChange(field: field, old: nil, new: $0) } }
        try await store.write([EventWrite(item, expecting: nil)],
                              audit: AuditEntry.entries(changes, by: author, cluster: clusterID, event: number, at: now),
                              version: nil)
        return item
    }

    /// Takes the event out of the plan; feeds keep it as cancelled. With a `notifier`, its
    /// registrants get the cancellation when it was due within the week.
    public static func remove(_ id: EventID, expecting: Int?, by author: Author, in store: some DistrictStore,
                              now: Int64, notifier: Notifier? = nil) async throws -> EventSnapshot {
        let snapshot = try await store.snapshot()
        let (item, _) = try find(id, in: snapshot)
        if let expecting, expecting != item.revision { throw try await EditConflict(item, seen: expecting, in: store) }
        guard item.state.status != .removed else { return item }
        let removed = item.removed(now: now)
        try await store.write([EventWrite(removed, expecting: item.revision)],
                              audit: AuditEntry.entries([FieldChange(field: "status", old: item.state.status.rawValue,
                                                                     new: removed.state.status.rawValue)],
                                                        by: author, cluster: id.cluster, event: id.number, at: now),
                              version: nil)
        await notifier?.changed(from: snapshot, to: [removed], store: store, now: now,
                                today: localToday(in: snapshot.district.timezone))
        return removed
    }

    /// The event (removed ones too) and its cluster, or `UnknownID` with "did you mean".
    public static func find(_ id: EventID, in snapshot: DistrictSnapshot) throws -> (EventSnapshot, Cluster) {
        guard let item = snapshot.events.first(where: { $0.id == id }), let cluster = snapshot.district.cluster(id.cluster) else {
            throw UnknownID.event(id, in: snapshot)
        }
        return (item, cluster)
    }
}

/// An edit computed from a copy that is no longer the stored one: someone changed the event
/// meanwhile. `changes` are their audit entries since that copy (newest first), for the 409.
public struct EditConflict: Error, Sendable {
    public var id: EventID
    /// The stored revision, to edit again from.
    public var revision: Int
    public var changes: [AuditEntry]

    init(_ item: EventSnapshot, seen: Int, in store: some DistrictStore) async throws {
        id = item.id
        revision = item.revision
        let log = try await store.auditLog(cluster: item.id.cluster).filter { $0.event == item.id.number }
        // A copy "from the future" (a revision typed by hand) has nothing to show.
        changes = seen < item.revision ? AuditEntry.newest(writes: item.revision - seen, of: log) : []
    }

    /// "title: «A» → «B» (ivanova)" per change, for a form.
    public var lines: [String] {
        changes.map { "\($0.field): «\($0.old ?? "—")» → «\($0.new ?? "—")» (\($0.login))" }
    }
}
