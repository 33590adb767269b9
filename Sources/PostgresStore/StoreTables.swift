import Foundation
import PostgresNIO
import Store

// `migrate`: the tables as plain rows (see `StoreTables`).
extension PostgresStore: StoreTables {
    public func rows(of table: String) async throws(StoreError) -> TableRows {
        try await reading { connection in
            let columns = try await Self.columns(of: table, connection, logger)
            let list = columns.map(\.name).joined(separator: ", ")
            var rows: [[StoredValue]] = []
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: "SELECT \(list) FROM \(table)"), logger: logger) {
                var values: [StoredValue] = []
                values.reserveCapacity(columns.count)
                for (cell, column) in zip(row, columns) {
                    guard cell.bytes != nil else { values.append(.null); continue }
                    switch column.type {
                    case "bigint": values.append(.integer(try cell.decode(Int64.self)))
                    case "boolean": values.append(.integer(try cell.decode(Bool.self) ? 1 : 0))
                    case "double precision": values.append(.real(try cell.decode(Double.self)))
                    case "bytea": values.append(.blob([UInt8](try cell.decode(ByteBuffer.self).readableBytesView)))
                    default: values.append(.text(try cell.decode(String.self)))
                    }
                }
                rows.append(values)
            }
            return TableRows(table: table, columns: columns.map(\.name), rows: rows)
        }
    }

    public func insert(_ tables: [TableRows]) async throws(StoreError) {
        try await writing { connection in
            for t in tables where !t.rows.isEmpty {
                let types = Dictionary(try await Self.columns(of: t.table, connection, logger).map { ($0.name, $0.type) },
                                       uniquingKeysWith: { a, _ in a })
                let columnTypes = t.columns.map { types[$0] ?? "text" }
                try await connection.insertAll(into: t.table, t.columns, t.rows, logger: logger) { row, binds in
                    for (value, type) in zip(row, columnTypes) {
                        switch (value, type) {
                        case (.null, _): binds.appendNull()
                        case (.integer(let v), "boolean"): binds.append(v != 0)
                        case (.integer(let v), "double precision"): binds.append(Double(v))
                        case (.integer(let v), _): binds.append(v)
                        case (.real(let v), _): binds.append(v)
                        case (.text(let v), _): binds.append(v)
                        case (.blob(let v), _): binds.append(ByteBuffer(bytes: v))
                        }
                    }
                }
                // Identity columns go on after the largest copied id.
                for (name, type) in types where type == "bigint" && ["rowid", "id"].contains(name) {
                    _ = try await connection.query(PostgresQuery(unsafeSQL: """
                        SELECT setval(pg_get_serial_sequence('\(t.table.lowercased())', '\(name)'), (SELECT max(\(name)) FROM \(t.table)))
                        """), logger: logger)
                }
            }
        }
    }

    /// A table's columns, sorted by name, with their types as `information_schema` spells them.
    private static func columns(of table: String, _ connection: PostgresConnection, _ logger: Logger) async throws
        -> [(name: String, type: String)]
    {
        var columns: [(name: String, type: String)] = []
        let rows = try await connection.query("""
            SELECT column_name, data_type FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = \(table.lowercased())
            """, logger: logger)
        for try await (name, type) in rows.decode((String, String).self) { columns.append((name, type)) }
        columns.sort { $0.name < $1.name }
        guard !columns.isEmpty else { throw StoreError.corrupt("нет таблицы \(table)") }
        return columns
    }
}
