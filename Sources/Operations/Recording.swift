import Planning
import Store

/// `record`: validate an outcome against the stored district (every problem at once), write it,
/// and say what was recorded.
public func record(_ entry: OutcomeEntry, for id: EventID, in store: some DistrictStore, now: Int64) async throws -> String {
    let snapshot = try await store.snapshot()
    let problems = entry.problems(for: id, in: snapshot, today: localToday(in: snapshot.district.timezone))
    guard problems.isEmpty else { throw Failure(lines: problems) }
    try await store.record(entry, for: id, now: now)
    let what = switch entry {
    case .held(let d, let n, let s, _, _): "проведено \(d.russian), участников \(n), школ \(s.count)"
    case .cancelled(let reason): "отменено: \(reason)"
    case .postponed(let d): "перенесено на \(d.russian)"
    }
    return "Записано: \(id) — \(what)"
}
