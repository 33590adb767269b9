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
    static func insertAll(_ records: some Sequence<Self>, _ db: Database) throws {
        let names = insertedColumns.map { "\"\($0)\"" }.joined(separator: ", ")
        let marks = Array(repeating: "?", count: insertedColumns.count).joined(separator: ", ")
        let statement = try db.cachedStatement(sql: "INSERT INTO \"\(databaseTableName)\" (\(names)) VALUES (\(marks))")
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        func check(_ code: CInt, done: CInt = SQLITE_OK) throws {
            guard code != done else { return }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: statement.sql)
        }
        for record in records {
            for (index, value) in record.insertedValues.enumerated() {
                try check(value?.bind(to: handle, at: CInt(index + 1)) ?? sqlite3_bind_null(handle, CInt(index + 1)))
            }
            try check(sqlite3_step(handle), done: SQLITE_DONE)
            sqlite3_reset(handle)
        }
    }
}

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
