import Planning
import Store

/// Asked before recording: the outcome replaces one already recorded, or postpones into a vacation.
public struct NeedsConfirmation: Error, Hashable, Sendable, CustomStringConvertible {
    public var warnings: [String]
    public var description: String { warnings.joined(separator: "\n") }
}

extension EventEditing {
    /// An outcome from the workspace: validated as `record` validates it (each problem on its
    /// field), warnings refused unless `confirm`, stored with its audit entries.
    /// With a `notifier`, a postponement or cancellation within the week mails the registrants.
    public static func record(_ entry: OutcomeEntry, for id: EventID, confirm: Bool, by author: Author,
                              in store: some DistrictStore, now: Int64, today: LocalDate? = nil,
                              notifier: Notifier? = nil) async throws -> EventSnapshot {
        let snapshot = try await store.snapshot()
        let (item, cluster) = try find(id, in: snapshot)
        let today = today ?? localToday(in: snapshot.district.timezone)
        let problems = entry.problems(for: id, in: snapshot, today: today)
        guard problems.isEmpty else { throw FieldProblems(problems.map(OutcomeEntry.field(of:))) }
        let warnings = entry.warnings(for: item, calendar: snapshot.district.calendar, district: cluster.district)
        if !confirm, !warnings.isEmpty { throw NeedsConfirmation(warnings: warnings) }
        var next = item
        next.state = item.state.recording(entry, plannedStart: item.event.start, now: now)
        next.revision += 1
        let changes = [FieldChange(field: "status", old: item.state.status.rawValue, new: next.state.status.rawValue),
                       FieldChange(field: "outcome", old: item.state.outcome.map(describe), new: next.state.outcome.map(describe))]
            .filter { $0.old != $0.new }
        try await store.write([EventWrite(next, expecting: item.revision)],
                              audit: AuditEntry.entries(changes, by: author, cluster: id.cluster, event: id.number, at: now),
                              version: nil)
        await notifier?.changed(from: snapshot, to: [next], store: store, now: now, today: today)
        return next
    }

    private static func describe(_ o: Outcome) -> String {
        [o.heldOn.map { "проведено \($0)" }, o.participants.map { "участников \($0)" },
         o.schools.isEmpty ? nil : "школы \(o.schools.joined(separator: ", "))", o.note, o.products,
         o.cancellationReason.map { "отменено: \($0)" }].compactMap { $0 }.joined(separator: "; ")
    }
}
