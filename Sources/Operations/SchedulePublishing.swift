import Planning
import Scheduler
import Store

/// The schedule from the workspace: a preview of what the scheduler would do with the plan as
/// edited (pending values included), changing nothing; publishing stores exactly that preview,
/// raising SEQUENCE only then, and keeps it as a schedule version.
public struct SchedulePreview: Sendable {
    public enum Kind: String, Sendable { case placed, moved, unplaced, unchanged }

    /// One event of the cluster: its published time, the one it would get, and why.
    public struct Entry: Sendable {
        public var id: EventID
        public var title: String
        public var kind: Kind
        public var old: PublishedTime
        public var new: PublishedTime
        /// A new month, date, start, duration or host waits in the plan.
        public var hasPending: Bool
        public var explanation: [String]
    }

    public var cluster: String
    public var entries: [Entry]
    public var orderWarnings: [String]
    /// Events the publish would store, with the revisions they were computed from.
    public var writes: [EventWrite]
    public var moves: [ScheduleMove]

    public var changesSomething: Bool { !writes.isEmpty }

    /// Runs the scheduler for one cluster over the stored district with every pending value applied.
    public static func make(cluster: String, from snapshot: DistrictSnapshot, today: LocalDate, now: Int64,
                            budgetSeconds: Double = 2) throws -> SchedulePreview {
        guard snapshot.district.cluster(cluster) != nil else {
            throw UnknownID(kind: .cluster, id: cluster, known: snapshot.district.clusters.map(\.id))
        }
        let planned = snapshot.withPendingApplied
        var request = try ScheduleRun.request(planned, onlyCluster: cluster)
        request.today = today
        request.searchSteps = ScheduleRequest.steps(seconds: budgetSeconds)
        let result = schedule(request)
        let decisions = Dictionary(result.events.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var preview = SchedulePreview(cluster: cluster, entries: [], orderWarnings: result.orderWarnings, writes: [], moves: [])
        for item in snapshot.events(inCluster: cluster) {
            let decision = decisions[item.id]
            let placement: (date: LocalDate?, start: TimeOfDay?)? = switch decision?.decision {
            case .fixed, nil: nil
            case .unplaced: (nil, nil)
            case let other?: (other.placement?.date, other.placement?.start)
            }
            let next = item.publishing(placement, now: now)
            let new = next?.publishedTime ?? item.publishedTime
            let kind: Kind = if decision?.decision == .unplaced { .unplaced } else if new == item.publishedTime { .unchanged }
                else if item.state.date == nil { .placed } else { .moved }
            if let next { preview.writes.append(EventWrite(next, expecting: item.revision)) }
            if new != item.publishedTime { preview.moves.append(ScheduleMove(event: item.id.number, old: item.publishedTime, new: new)) }
            guard item.state.status != .removed else { continue }
            preview.entries.append(Entry(id: item.id, title: item.planned.title, kind: kind, old: item.publishedTime, new: new,
                                         hasPending: item.pending != nil, explanation: decision?.explanation.lines ?? []))
        }
        return preview
    }

    /// Reads the store and previews; nothing is written.
    public static func preview(cluster: String, in store: some DistrictStore, now: Int64,
                               today: LocalDate? = nil) async throws -> SchedulePreview {
        let snapshot = try await store.snapshot()
        return try make(cluster: cluster, from: snapshot, today: today ?? localToday(in: snapshot.district.timezone), now: now)
    }

    /// Previews and stores the result with a new schedule version (its number is returned) and an
    /// audit entry per moved event. A write in between is refused as a conflict, never half applied.
    /// With a `notifier`, registrants of events moved or cancelled within the week get a mail.
    public static func publish(cluster: String, by author: Author, in store: some DistrictStore, now: Int64,
                               today: LocalDate? = nil, notifier: Notifier? = nil) async throws -> (SchedulePreview, version: Int?) {
        let snapshot = try await store.snapshot()
        let today = today ?? localToday(in: snapshot.district.timezone)
        let preview = try make(cluster: cluster, from: snapshot, today: today, now: now)
        guard preview.changesSomething else { return (preview, nil) }
        let audit = preview.moves.map { m in
            AuditEntry(at: now, login: author.login, source: author.source, cluster: cluster, event: m.event, field: "schedule",
                       old: m.old.description, new: m.new.description)
        }
        let version = try await store.write(preview.writes, audit: audit,
                                            version: ScheduleVersion(cluster: cluster, number: 0, at: now, login: author.login,
                                                                     moves: preview.moves))
        await notifier?.changed(from: snapshot, to: preview.writes.map(\.item), store: store, now: now, today: today)
        return (preview, version)
    }
}

extension DistrictSnapshot {
    /// The district as it will be once every pending value is published: what the scheduler plans from.
    public var withPendingApplied: DistrictSnapshot {
        guard events.contains(where: { $0.pending != nil }) else { return self }
        var copy = self
        copy.events = events.map { EventSnapshot(event: $0.planned, state: $0.state, revision: $0.revision) }
        let planned = Dictionary(copy.events.map { ($0.id, $0.event) }, uniquingKeysWith: { a, _ in a })
        copy.district.clusters = district.clusters.map { cluster in
            var c = cluster
            c.plan?.events = cluster.plan?.events.map { planned[$0.id] ?? $0 } ?? []
            return c
        }
        return copy
    }
}
