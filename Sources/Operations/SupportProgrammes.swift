import Clustering
import Foundation
import PlanFiles
import Planning
import Store

/// Support programmes (issue 17): results into the store, groupings as dated versions adjusted by
/// hand, road maps whose events live in the year's support cluster, and the monitoring. Clustering
/// computes every value; these functions read the store, call it and store the result with its
/// audit entries (filed under the support cluster's id).
public enum SupportProgrammes {
    /// A results CSV (the `cluster-schools` columns) into the store; any bad row refuses the whole file.
    public static func importResults(file: String, in store: some DistrictStore) async throws -> ResultsImportSummary {
        try await store.importResults(try readResults(file))
    }

    /// Uploaded text, `name` for the messages.
    public static func importResults(csv: String, name: String, in store: some DistrictStore) async throws -> ResultsImportSummary {
        do {
            return try await store.importResults(try parseResults(csv: csv, file: name))
        } catch let error as ResultsError {
            throw Failure(located: error.diagnostics.map(\.description))
        }
    }

    /// A new grouping of the stored results, stored as the next version.
    public static func runGrouping(_ settings: GroupingSettings, by author: Author, in store: some DistrictStore,
                                   now: Int64) async throws -> SupportGrouping {
        guard settings.capacity >= 1 else { throw FieldProblems(field: "capacity", "ёмкость — не меньше 1") }
        let results = try await store.results()
        guard !settings.rows(of: results).isEmpty else {
            throw FieldProblems(field: "year", "в базе нет результатов за \(settings.year)\(settings.subject.map { " по предмету «\($0)»" } ?? "")")
        }
        var grouping = SupportGrouping(running: settings, on: results, at: now, by: author.login)
        let entry = AuditEntry(at: now, login: author.login, source: author.source, cluster: grouping.supportClusterID, event: nil,
                               field: "grouping 0", old: nil, new: "группировка: \(grouping.title); \(settings.options.statement(for: settings.method))")
        grouping.id = try await store.addGrouping(grouping, audit: [entry])
        return grouping
    }

    public static func storedGrouping(_ id: Int, in store: some DistrictStore) async throws -> SupportGrouping {
        guard let grouping = try await store.grouping(id) else { throw FieldProblems(field: "grouping", "нет группировки № \(id)") }
        return grouping
    }

    /// Moves a school to another group by hand.
    public static func move(_ school: String, to group: String, in groupingID: Int, by author: Author, store: some DistrictStore,
                            now: Int64) async throws -> SupportGrouping {
        let grouping = try await storedGrouping(groupingID, in: store)
        guard let target = Group(rawValue: group.trimmingWhitespace) else {
            throw FieldProblems(field: "group", "группа: \(grouping.settings.method.groups.map(\.rawValue).joined(separator: ", "))")
        }
        return try await saveAdjustment(grouping.moving(school, to: target), grouping, author, store, now)
    }

    /// Gives a mentee another support site by hand (an empty site: none).
    public static func changeMentor(of mentee: String, to site: String, in groupingID: Int, by author: Author, store: some DistrictStore,
                                    now: Int64) async throws -> SupportGrouping {
        let grouping = try await storedGrouping(groupingID, in: store)
        let site = site.trimmingWhitespace
        return try await saveAdjustment(grouping.changingMentor(of: mentee, to: site.isEmpty ? nil : site), grouping, author, store, now)
    }

    private static func saveAdjustment(_ result: (SupportGrouping, [FieldChange]), _ old: SupportGrouping, _ author: Author,
                              _ store: some DistrictStore, _ now: Int64) async throws -> SupportGrouping {
        let (next, changes) = result
        guard !changes.isEmpty else { return old }
        try await store.updateGrouping(next, audit: AuditEntry.entries(changes, by: author, cluster: old.supportClusterID, event: nil, at: now))
        return next
    }

    /// Monitoring against the next year's stored results and the support cluster's outcomes.
    public static func monitoring(_ grouping: SupportGrouping, in store: some DistrictStore) async throws -> SupportMonitoring {
        let results = try await store.results()
        let maps = try await store.roadMaps(grouping: grouping.id)
        let held = Set(try await store.read().snapshot?.events(inCluster: grouping.supportClusterID)
            .filter { $0.state.status == .held }.map(\.id.number) ?? [])
        return SupportMonitoring(grouping, results: results, roadMaps: maps, held: held.contains)
    }
}

/// Reads and parses a results file; every bad row as one located line.
func readResults(_ path: String) throws -> [ResultRow] {
    guard let data = FileManager.default.contents(atPath: path) else { throw Failure("\(path): не удалось прочитать файл") }
    guard let text = String(data: data, encoding: .utf8) else { throw Failure("\(path): файл не в кодировке UTF-8") }
    do {
        return try parseResults(csv: text, file: path)
    } catch {
        throw Failure(located: error.diagnostics.map(\.description))
    }
}
