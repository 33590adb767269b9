import Planning

/// Where a district lives between commands: the interface commands, the server and tests depend
/// on. The SQLite store (GRDB) is the first implementation; every implementation passes the
/// store contract tests (`Tests/StoreTests/StoreContractTests.swift`).
///
/// The rules of what happens to an event are `Planning`'s (`ImportPlan`, `EventState.scheduled`,
/// `EventState.recording`): a store only persists what they return, each write in one transaction
/// that also raises `revision`.
/// It refines `AccountStore`, `MaterialStore`, `RegistrationStore`, `OutboxStore`, `FeedHealthStore` and `SupportStore`,
/// so the server and commands hold one store for the plan, its users, its files, its registrations, its outgoing mail,
/// its feeds' subscriber counts and its support programmes.
public protocol DistrictStore: AccountStore, MaterialStore, RegistrationStore, OutboxStore, FeedHealthStore, SupportStore {
    /// The district with every event's state and the revision it was read at, from one consistent
    /// read; `snapshot` is nil before the first import.
    func read() async throws(StoreError) -> StoreState

    /// The revision counter alone: one cheap read, polled by the server.
    func revision() async throws(StoreError) -> Int64

    /// Each revision committed by any process or instance, as it commits, where the store can tell
    /// (PostgreSQL's NOTIFY); nil where polling `revision()` is the only way (SQLite). The stream
    /// may miss some while it reconnects: the server still polls as the fallback.
    func revisionNotifications() -> AsyncStream<Int64>?

    /// Brings the store in line with a loaded plan (see `ImportPlan`: only the clusters and schools
    /// the files contain are replaced), with the import's audit entries.
    func importDistrict(_ district: District, now: Int64, by author: Author) async throws(StoreError) -> ImportSummary

    /// Writes new dates from the scheduler (see `EventState.scheduled`); returns the events changed.
    @discardableResult
    func applySchedule(_ changes: [ScheduleChange], now: Int64) async throws(StoreError) -> [EventID]

    /// Records an outcome (see `EventState.recording`). Callers validate it first
    /// (`OutcomeEntry.problems`); this only refuses unknown events.
    func record(_ outcome: OutcomeEntry, for id: EventID, now: Int64) async throws(StoreError)

    /// An indicator's actual value for a year (replaces an earlier one).
    func setIndicator(_ value: IndicatorValue) async throws(StoreError)

    // MARK: Workspace writes (contract v2). Planning computes every value; the store keeps them,
    // each call in one transaction together with its audit entries.

    /// Stores events as given (edited, added, removed or published: see `EventSnapshot.editing`,
    /// `.new`, `.removed`, `.publishing`), the audit entries, and with `version` a published
    /// schedule version numbered after the cluster's last one (returned). An event whose stored
    /// revision is no longer the one its write was computed from is `StoreError.conflict`.
    @discardableResult
    func write(_ events: [EventWrite], audit: [AuditEntry], version: ScheduleVersion?) async throws(StoreError) -> Int?

    /// Creates or replaces one cluster's fields, members and plan, stores `events` as `write` does
    /// (a new cluster's first events), with the audit entries.
    func saveCluster(_ cluster: Cluster, events: [EventWrite], audit: [AuditEntry]) async throws(StoreError)

    /// Replaces the calendar's vacations, district days off and busy periods (busy ICS files and
    /// the intervals read from them stay as imported), with the audit entries.
    func saveCalendar(_ calendar: DistrictCalendar, audit: [AuditEntry]) async throws(StoreError)

    /// The audit log, newest first; nil: every cluster.
    func auditLog(cluster: String?) async throws(StoreError) -> [AuditEntry]

    /// A cluster's published schedule versions, newest first.
    func scheduleVersions(cluster: String) async throws(StoreError) -> [ScheduleVersion]
}

/// One event to store, with the revision it was computed from (nil: a new event, whose number must be free).
public struct EventWrite: Hashable, Sendable {
    public var item: EventSnapshot
    public var expecting: Int?
    public init(_ item: EventSnapshot, expecting: Int?) { self.item = item; self.expecting = expecting }
}

extension DistrictStore {
    public func revisionNotifications() -> AsyncStream<Int64>? { nil }

    /// A cluster's own fields and plan rows, its events untouched.
    public func saveCluster(_ cluster: Cluster, audit: [AuditEntry]) async throws(StoreError) {
        try await saveCluster(cluster, events: [], audit: audit)
    }

    /// An import by the command line or a test.
    public func importDistrict(_ district: District, now: Int64) async throws(StoreError) -> ImportSummary {
        try await importDistrict(district, now: now, by: Author(login: "import", source: .import))
    }

    /// The stored district, or `StoreError.empty` before the first import.
    public func snapshot() async throws(StoreError) -> DistrictSnapshot {
        guard let snapshot = try await read().snapshot else { throw .empty }
        return snapshot
    }
}

/// One consistent read of a store.
public struct StoreState: Hashable, Sendable {
    public var revision: Int64
    public var snapshot: DistrictSnapshot?

    public init(revision: Int64, snapshot: DistrictSnapshot?) {
        self.revision = revision
        self.snapshot = snapshot
    }
}

/// A new date and time for an event, or nil to take its date away.
public struct ScheduleChange: Hashable, Sendable {
    public var id: EventID
    public var date: LocalDate?
    public var start: TimeOfDay?
    public init(id: EventID, date: LocalDate?, start: TimeOfDay?) { self.id = id; self.date = date; self.start = start }
}

/// Everything a store can fail with; each case is one Russian line for the user.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownEvent(EventID)
    /// No district yet: nothing was imported.
    case empty
    /// A stored value does not parse back (rows are written only from validated values).
    case corrupt(String)
    /// The store cannot be opened, read or written (a missing directory, a full disk, a lock).
    case unavailable(String)
    /// A server holds the store: the operation would pull it from under it.
    case inUse(String)
    /// Another process holds the write lock past the busy timeout (SQLite's "database is locked").
    case locked
    /// The event changed since the copy a write was computed from (or its number is taken).
    case conflict(EventID)
    case unknownAccount(String)
    case accountExists(String)
    /// A registration refused by `RegistrationRules` (a duplicate) or one that does not exist.
    case registration(RegistrationRefusal)

    public var description: String {
        switch self {
        case .unknownEvent(let id): "неизвестное мероприятие \(id)"
        case .empty: "база пуста: сначала выполните «clusterplan import plans»"
        case .corrupt(let what): "база данных повреждена: \(what)"
        case .unavailable(let what): "база данных недоступна: \(what)"
        case .inUse(let what): "база занята: \(what)"
        case .conflict(let id): "мероприятие \(id) уже изменено другим пользователем: откройте его заново и повторите"
        case .locked: "база занята: сейчас идёт другая запись (import, schedule или record); повторите, когда она закончится"
        case .unknownAccount(let login): "нет учётной записи «\(login)»"
        case .accountExists(let login): "учётная запись «\(login)» уже есть"
        case .registration(let refusal): refusal.description
        }
    }
}
