import Foundation
import GRDB
import Store

// `migrate`: the tables as plain rows (see `StoreTables`).
extension SQLiteStore: StoreTables {
    public func rows(of table: String) async throws(StoreError) -> TableRows {
        try await reading { db in
            let columns = try db.columns(in: table).map(\.name)
            let order = columns.map { $0.lowercased() }.enumerated().sorted { $0.element < $1.element }.map(\.offset)
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"").map { row in
                order.map { i -> StoredValue in
                    switch (row[i] as DatabaseValue).storage {
                    case .null: .null
                    case .int64(let v): .integer(v)
                    case .double(let v): .real(v)
                    case .string(let v): .text(v)
                    case .blob(let v): .blob([UInt8](v))
                    }
                }
            }
            return TableRows(table: table, columns: order.map { columns[$0].lowercased() }, rows: rows)
        }
    }

    public func insert(_ tables: [TableRows]) async throws(StoreError) {
        try await writing { db in
            for t in tables where !t.rows.isEmpty {
                // The store's own column spelling: SQLite matches names case-insensitively anyway.
                let names = t.columns.map { "\"\($0)\"" }.joined(separator: ", ")
                let marks = Array(repeating: "?", count: t.columns.count).joined(separator: ", ")
                let statement = try db.cachedStatement(sql: "INSERT INTO \"\(t.table)\" (\(names)) VALUES (\(marks))")
                for row in t.rows {
                    try statement.execute(arguments: StatementArguments(row.map { value -> DatabaseValue in
                        switch value {
                        case .null: .null
                        case .integer(let v): v.databaseValue
                        case .real(let v): v.databaseValue
                        case .text(let v): v.databaseValue
                        case .blob(let v): Data(v).databaseValue
                        }
                    }))
                }
            }
        }
    }
}
