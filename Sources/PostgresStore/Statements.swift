import Logging
import PostgresNIO
import Store

extension PostgresConnection {
    /// Inserts rows with as few statements as the protocol allows: a VALUES list of as many rows
    /// as fit in its 65,535 bound values. One statement per row was most of a country-sized import.
    /// `bind` appends exactly `columns.count` values for a row.
    func insertAll<Row>(into table: String, _ columns: [String], _ rows: some Sequence<Row>, logger: Logger,
                        _ bind: (Row, inout PostgresBindings) throws -> Void) async throws
    {
        let perStatement = Int(UInt16.max) / columns.count
        let head = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        var binds = PostgresBindings()
        var tuples: [String] = []
        func flush() async throws {
            guard !tuples.isEmpty else { return }
            try await query(PostgresQuery(unsafeSQL: head + tuples.joined(separator: ", "), binds: binds), logger: logger)
            binds = PostgresBindings()
            tuples.removeAll(keepingCapacity: true)
        }
        for row in rows {
            let first = binds.count
            try bind(row, &binds)
            guard binds.count - first == columns.count else {
                throw StoreError.corrupt("\(table): \(binds.count - first) значений на \(columns.count) столбцов")
            }
            tuples.append("(" + (first + 1...first + columns.count).map { "$\($0)" }.joined(separator: ", ") + ")")
            if tuples.count == perStatement { try await flush() }
        }
        try await flush()
    }

    /// Runs a statement and gives the number of rows it changed.
    @discardableResult
    func changing(_ query: PostgresQuery, logger: Logger) async throws -> Int {
        try await self.query(query, logger: logger, { _ in }).get().rows ?? 0
    }
}
