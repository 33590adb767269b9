import Planning
import Store

/// `import`: plan files into the store, refusing to overwrite workspace edits unless forced.
public enum PlanImport {
    /// Edits made on the site or through the API since each cluster's last import, for the
    /// clusters the files contain: what an import would replace. Oldest first.
    public static func workspaceEdits(replacedBy files: District, in store: some DistrictStore) async throws -> [AuditEntry] {
        let clusters = Set(files.clusters.map(\.id))
        var lost: [AuditEntry] = []
        // Newest first: every workspace entry before the cluster's latest import entry.
        var imported: Set<String> = []
        for entry in try await store.auditLog(cluster: nil) where clusters.contains(entry.cluster) {
            if entry.source == .import { imported.insert(entry.cluster); continue }
            if !imported.contains(entry.cluster), entry.source == .web || entry.source == .api { lost.append(entry) }
        }
        return lost.reversed()
    }

    /// Imports `files`; with workspace edits to lose and no `force`, a `Failure` that lists them.
    public static func run(_ files: District, force: Bool, by author: Author, in store: some DistrictStore,
                           now: Int64) async throws -> ImportSummary {
        let lost = try await workspaceEdits(replacedBy: files, in: store)
        if !lost.isEmpty, !force {
            throw Failure(lines: ["после последнего импорта на сайте изменено то, что импорт заменит:"]
                          + lost.map { "  " + describe($0) }
                          + ["чтобы заменить эти правки файлами, повторите с --force"])
        }
        return try await store.importDistrict(files, now: now, by: author)
    }

    static func describe(_ e: AuditEntry) -> String {
        let what = e.event.map { "\(e.cluster)/\($0)" } ?? e.cluster
        return "\(what) \(e.field): «\(e.old ?? "")» → «\(e.new ?? "")» (\(e.login), \(e.source.russian))"
    }
}
