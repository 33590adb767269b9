import Foundation
import GRDB
import GRDBSQLite

/// A record written in bulk by `insertAll`: its columns and their values in the same order.
protocol BulkInsertable: TableRecord {
    static var insertedColumns: [String] { get }
    var insertedValues: [(any DatabaseValueConvertible)?] { get }
}

extension BulkInsertable {
    /// Inserts the records with one cached statement, each value bound in place. GRDB's insert
    /// per record (a persistence container filled through Codable, and a statement looked up, per
    /// row), then `StatementArguments` per row, were most of writing the tens of thousands of rows
    /// of a country-sized import (events, schools, members, audit).
    ///
    /// From `RowPipe.threshold` records on, the records are made and turned into values on a
    /// second thread while this one binds and steps: the two halves cost about the same, and the
    /// import's write otherwise kept one core idle. `records` is read on that thread only, so it
    /// must be a pure description of values (a lazy map over arrays), which every caller passes.
    static func insertAll(_ records: some Sequence<Self>, _ db: Database) throws {
        let names = insertedColumns.map { "\"\($0)\"" }.joined(separator: ", ")
        let marks = Array(repeating: "?", count: insertedColumns.count).joined(separator: ", ")
        let statement = try db.cachedStatement(sql: "INSERT INTO \"\(databaseTableName)\" (\(names)) VALUES (\(marks))")
        guard records.underestimatedCount >= RowPipe.threshold else {
            for record in records { try statement.run(binding: record.insertedValues.databaseValues, db) }
            return
        }
        let pipe = RowPipe()
        let source = UncheckedSendable(records)
        DispatchQueue.global().async {
            var chunk: [[DatabaseValue]] = []
            for record in source.value {
                chunk.append(record.insertedValues.databaseValues)
                if chunk.count == RowPipe.chunkSize {
                    guard pipe.put(chunk) else { return }
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            _ = pipe.put(chunk)
            pipe.close()
        }
        // A failed row stops the other thread at its next chunk.
        defer { pipe.close() }
        while let chunk = pipe.take() {
            for row in chunk { try statement.run(binding: row, db) }
        }
    }
}

/// The rows of one `insertAll` between the thread that makes them and the one that writes them:
/// a few chunks ahead at most, so a country's rows are never all in memory at once.
final class RowPipe: @unchecked Sendable {
    static let threshold = 4096
    static let chunkSize = 512
    private static let chunksAhead = 4

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var chunks: [[[DatabaseValue]]] = []
    private var closed = false

    /// False once the pipe is closed: the writer failed, nothing more is wanted.
    func put(_ chunk: [[DatabaseValue]]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= Self.chunksAhead, !closed { condition.wait() }
        guard !closed else { return false }
        chunks.append(chunk)
        condition.broadcast()
        return true
    }

    /// The next chunk, or nil when the pipe is closed and empty.
    func take() -> [[DatabaseValue]]? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty, !closed { condition.wait() }
        guard !chunks.isEmpty else { return nil }
        condition.broadcast()
        return chunks.removeFirst()
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}

/// A value handed to another thread that only reads it (see `insertAll`).
private struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

extension Array where Element == (any DatabaseValueConvertible)? {
    var databaseValues: [DatabaseValue] { map { $0?.databaseValue ?? .null } }
}

extension Statement {
    /// Runs the statement once with `values` bound in place: for the statements run once per row
    /// of a country (bulk inserts, a schedule's updates), where GRDB's `StatementArguments` per
    /// run cost more than SQLite's own work.
    func run(binding values: [DatabaseValue], _ db: Database) throws {
        let handle = sqliteStatement
        defer { sqlite3_reset(handle) }
        func check(_ code: CInt, done: CInt = SQLITE_OK) throws {
            guard code != done else { return }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
        }
        for (index, value) in values.enumerated() {
            try check(bind(value, to: handle, at: CInt(index + 1)))
        }
        try check(sqlite3_step(handle), done: SQLITE_DONE)
    }
}

/// Binds as GRDB does, but text from its UTF-8 in place with its length: GRDB passes a Swift
/// string as a C string, which copies each short one to the heap and measures it again (strlen),
/// about a tenth of a country import.
private func bind(_ value: DatabaseValue, to statement: OpaquePointer, at index: CInt) -> CInt {
    guard case .string(var text) = value.storage else { return value.bind(to: statement, at: index) }
    return text.withUTF8 { bytes in
        bytes.withMemoryRebound(to: CChar.self) { chars in
            // SQLite binds a null pointer as NULL: an empty text needs an address of its own.
            sqlite3_bind_text64(statement, index, chars.baseAddress ?? UnsafeRawPointer(emptyText.utf8Start).assumingMemoryBound(to: CChar.self),
                                UInt64(chars.count), transient, UInt8(SQLITE_UTF8))
        }
    }
}

private let emptyText: StaticString = ""

/// SQLITE_TRANSIENT (SQLite copies the bytes before the call returns), which C defines as -1.
private var transient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }

// The rows a country has by the ten thousand are also read by hand (`init(row:)`, by column
// name): decoding them through Codable cost several times the read itself.

extension SchoolRecord: BulkInsertable {
    static let insertedColumns = ["id", "position", "name", "district", "kind", "address", "contingent"]
    var insertedValues: [(any DatabaseValueConvertible)?] { [id, position, name, district, kind, address, contingent] }

    init(row: Row) throws {
        id = row["id"]
        position = row["position"]
        name = row["name"]
        district = row["district"]
        kind = row["kind"]
        address = row["address"]
        contingent = row["contingent"]
    }
}

extension ClusterRecord: BulkInsertable {
    static let insertedColumns = ["id", "position", "title", "district", "profile", "lead", "coordinatorName", "coordinatorEmail",
                                  "hasPlan", "planYears", "theme", "goal", "contactPrivate", "notesPrivate"]
    var insertedValues: [(any DatabaseValueConvertible)?] {
        [id, position, title, district, profile, lead, coordinatorName, coordinatorEmail, hasPlan, planYears, theme, goal,
         contactPrivate, notesPrivate]
    }
}

extension ClusterMemberRecord: BulkInsertable {
    static let insertedColumns = ["cluster", "school", "position"]
    var insertedValues: [(any DatabaseValueConvertible)?] { [cluster, school, position] }

    init(row: Row) throws {
        cluster = row["cluster"]
        school = row["school"]
        position = row["position"]
    }
}

extension AuditRecord: BulkInsertable {
    static let insertedColumns = ["at", "login", "source", "cluster", "event", "field", "oldValue", "newValue"]
    var insertedValues: [(any DatabaseValueConvertible)?] { [at, login, source, cluster, event, field, oldValue, newValue] }

    init(row: Row) throws {
        at = row["at"]
        login = row["login"]
        source = row["source"]
        cluster = row["cluster"]
        event = row["event"]
        field = row["field"]
        oldValue = row["oldValue"]
        newValue = row["newValue"]
    }
}
