import Clustering
import Planning

/// Assessment results and the support programmes made from them (issue 17): groupings as dated
/// versions, with the road maps of the supported schools. School-level results are private: only
/// the workspace reads them, never a public page or feed.
public protocol SupportStore: Sendable {
    /// Adds or replaces results by school, assessment, subject, grade and year, in one
    /// transaction; rows already stored unchanged count as such (a re-import changes nothing).
    func importResults(_ rows: [ResultRow]) async throws(StoreError) -> ResultsImportSummary

    /// Every stored result, in the order first imported.
    func results() async throws(StoreError) -> [ResultRow]

    /// Stores a new grouping version (its `id` is ignored) with its audit entries; returns its id.
    func addGrouping(_ grouping: SupportGrouping, audit: [AuditEntry]) async throws(StoreError) -> Int

    /// Replaces a stored grouping's schools (a hand adjustment), with its audit entries.
    func updateGrouping(_ grouping: SupportGrouping, audit: [AuditEntry]) async throws(StoreError)

    /// Every grouping, newest first.
    func groupings() async throws(StoreError) -> [SupportGrouping]

    /// The road maps of a grouping, in the order of its schools.
    func roadMaps(grouping: Int) async throws(StoreError) -> [RoadMap]

    /// Creates or replaces one school's road map with its actions and audit entries.
    func saveRoadMap(_ map: RoadMap, audit: [AuditEntry]) async throws(StoreError)
}

/// What an import of results did.
public struct ResultsImportSummary: Hashable, Sendable {
    public var added: Int
    public var changed: Int
    public var unchanged: Int
    public init(added: Int, changed: Int, unchanged: Int) { self.added = added; self.changed = changed; self.unchanged = unchanged }

    public var line: String { "результатов: новых \(added), изменённых \(changed), без изменений \(unchanged)" }
}

extension SupportStore {
    public func grouping(_ id: Int) async throws(StoreError) -> SupportGrouping? {
        try await groupings().first { $0.id == id }
    }
}
