/// A store's tables as rows of plain values: what `clusterplan migrate --to` copies from one store
/// to another (SQLite to PostgreSQL and back) and then compares, table by table. Below the domain
/// on purpose: sessions, password hashes, the outbox and every other row go across as they are.
public protocol StoreTables: Sendable {
    /// Every row of a table of `SchemaVersions.tables`, columns named in lower case.
    func rows(of table: String) async throws(StoreError) -> TableRows

    /// Inserts rows into empty tables, in the order given, in one transaction; identity counters
    /// continue after the largest id copied.
    func insert(_ tables: [TableRows]) async throws(StoreError)
}

/// One stored value as both stores keep it (booleans are integers 0 and 1, as SQLite has them).
public enum StoredValue: Hashable, Sendable, Comparable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    public static func < (a: StoredValue, b: StoredValue) -> Bool {
        switch (a, b) {
        case (.integer(let x), .integer(let y)): x < y
        case (.real(let x), .real(let y)): x < y
        case (.text(let x), .text(let y)): x < y
        case (.blob(let x), .blob(let y)): x.lexicographicallyPrecedes(y)
        default: a.rank < b.rank
        }
    }

    private var rank: Int {
        switch self {
        case .null: 0
        case .integer: 1
        case .real: 2
        case .text: 3
        case .blob: 4
        }
    }
}

public struct TableRows: Hashable, Sendable {
    public var table: String
    /// Lower-case column names, sorted, so both stores list them alike.
    public var columns: [String]
    public var rows: [[StoredValue]]

    public init(table: String, columns: [String], rows: [[StoredValue]]) {
        self.table = table
        self.columns = columns
        self.rows = rows
    }

    /// The same rows in one order, so two stores' copies compare equal whatever order they read in.
    public var sorted: TableRows {
        TableRows(table: table, columns: columns, rows: rows.sorted { $0.lexicographicallyPrecedes($1) })
    }
}

extension SchemaVersions {
    /// Every table of the latest version, each after the tables it refers to.
    public static let tables = [
        "meta", "school", "venue", "cluster", "clusterMember", "planTask", "direction", "indicator", "event", "vacation", "holiday",
        "publicHoliday", "busyPeriod", "busyInterval", "course", "enrolment", "courseTarget", "courseEvent", "indicatorValue",
        "account", "accountCluster", "session", "apiToken", "signInFailure", "audit", "scheduleVersion", "scheduleMove",
        "material", "registrationSetting", "registration", "personalFeed", "outbox", "feedCount", "assessmentResult",
        "grouping", "groupingSchool", "roadMap", "supportAction",
    ]
}

/// What `migrate` did: rows copied per table, every table compared equal afterwards.
public struct TableCopySummary: Hashable, Sendable {
    public var rows: [(table: String, count: Int)]

    public static func == (a: TableCopySummary, b: TableCopySummary) -> Bool { a.rows.elementsEqual(b.rows, by: ==) }
    public func hash(into hasher: inout Hasher) { for (t, n) in rows { hasher.combine(t); hasher.combine(n) } }

    public var total: Int { rows.reduce(0) { $0 + $1.count } }
}

/// Copies every table of `source` into the empty `target` and reads both back to compare them.
/// A target that holds any row is refused before anything is written.
public func copyTables(from source: any StoreTables, to target: any StoreTables) async throws(StoreError) -> TableCopySummary {
    for table in SchemaVersions.tables where !(try await target.rows(of: table).rows.isEmpty) {
        throw .inUse("в базе назначения уже есть данные (таблица \(table)); нужна пустая база")
    }
    var copied: [TableRows] = []
    for table in SchemaVersions.tables { copied.append(try await source.rows(of: table)) }
    try await target.insert(copied)
    for original in copied {
        let back = try await target.rows(of: original.table)
        guard back.sorted == original.sorted else {
            throw .corrupt("таблица \(original.table) после копирования отличается от исходной")
        }
    }
    return TableCopySummary(rows: copied.map { ($0.table, $0.rows.count) })
}
