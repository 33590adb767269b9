import Foundation
import Logging
import Planning
import PostgresNIO
import Store

/// The PostgreSQL store (postgres-nio): one district database behind several server instances
/// and the command line. The same rules as the SQLite store: each write is one transaction that
/// also raises `revision`, writes are serialized (an advisory lock held to the commit, as SQLite's
/// single writer does), and a read sees one consistent snapshot (REPEATABLE READ). A commit that
/// raises the revision notifies `Self.channel`, so other instances learn of it at once.
public final class PostgresStore: DistrictStore {
    let client: PostgresClient
    let logger: Logger
    /// The task running the client's connection pool; it ends with the store.
    private let running: Task<Void, Never>
    /// The address without its password, for messages.
    public let address: String

    /// The channel every commit that raises the revision notifies, with the new revision as payload.
    public static let channel = "clusterplan_revision"
    /// Held by every write transaction: writes follow one another, as on SQLite.
    private static let writeLock: Int64 = 0x636C_7573_7465_72

    private init(client: PostgresClient, address: String, logger: Logger) {
        self.client = client
        self.address = address
        self.logger = logger
        running = Task { await client.run() }
    }

    deinit { running.cancel() }

    /// Connects to `postgres://user[:password]@host[:port]/database` (or `postgresql://`; a
    /// `?host=/path` query names a Unix socket directory) and brings the schema up to date.
    public static func open(url: String, logger: Logger = Logger(label: "clusterplan.postgres")) async throws(StoreError)
        -> PostgresStore
    {
        let address = try PostgresAddress(url)
        try await probe(address, logger)
        // The pool's own log: a lease asked before `run()` has started is warned of, and is only queued.
        var background = logger
        background.logLevel = .error
        let store = PostgresStore(client: PostgresClient(configuration: address.configuration, backgroundLogger: background),
                                  address: address.description, logger: logger)
        try await store.migrate()
        return store
    }

    /// One connection of its own first: the pool retries a refused connection, a wrong password or
    /// a missing database for a minute before it gives up, while this says the server's reason at once.
    private static func probe(_ address: PostgresAddress, _ logger: Logger) async throws(StoreError) {
        do {
            let connection = try await PostgresConnection.connect(configuration: address.connection, id: 0, logger: logger)
            try await connection.close()
        } catch {
            throw StoreError(error, address: address.description)
        }
    }

    /// Whether a `--db` value names a PostgreSQL database rather than a SQLite file.
    public static func isAddress(_ value: String) -> Bool {
        value.hasPrefix("postgres://") || value.hasPrefix("postgresql://")
    }

    // MARK: Transactions

    /// One consistent read: every query of `body` sees the same committed state.
    func reading<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws(StoreError) -> T {
        try await transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    /// One write transaction, after every earlier one has committed.
    func writing<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws(StoreError) -> T {
        try await transaction("BEGIN", { connection in
            _ = try await connection.query("SELECT pg_advisory_xact_lock(\(Self.writeLock))", logger: logger)
            return try await body(connection)
        })
    }

    /// One read statement outside a transaction, for what every request asks (the revision, the
    /// session's account): one round trip instead of three, and a single statement reads one
    /// consistent snapshot by itself.
    func statement<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws(StoreError) -> T {
        do {
            return try await client.withConnection { connection in try await body(connection) }
        } catch {
            throw StoreError(error, address: address)
        }
    }

    private func transaction<T: Sendable>(_ begin: String, _ body: (PostgresConnection) async throws -> T) async throws(StoreError) -> T {
        try await statement { connection in
            try await connection.query(PostgresQuery(unsafeSQL: begin), logger: logger)
            do {
                let value = try await body(connection)
                try await connection.query("COMMIT", logger: logger)
                return value
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    // MARK: Revision

    static func revision(_ connection: PostgresConnection, _ logger: Logger) async throws -> Int64 {
        let rows = try await connection.query("SELECT value FROM meta WHERE key = 'revision'", logger: logger)
        for try await text in rows.decode(String.self) {
            guard let value = Int64(text) else { throw StoreError.corrupt("meta.revision «\(text)»") }
            return value
        }
        return 0
    }

    /// Raises the revision inside a write; the notification goes out when the write commits.
    static func bumpRevision(_ connection: PostgresConnection, _ logger: Logger) async throws {
        let next = String(try await revision(connection, logger) + 1)
        try await connection.query("""
            INSERT INTO meta (key, value) VALUES ('revision', \(next)) ON CONFLICT (key) DO UPDATE SET value = excluded.value
            """, logger: logger)
        try await connection.query("SELECT pg_notify(\(channel), \(next))", logger: logger)
    }

    public func revision() async throws(StoreError) -> Int64 {
        try await statement { connection in try await Self.revision(connection, logger) }
    }

    // MARK: Migrations

    /// Applies the versions of `SchemaVersions.all` the database lacks, each in its own
    /// transaction with its row in `schemaVersion`; several instances starting at once take turns.
    private func migrate() async throws(StoreError) {
        guard Schema.migrations.map(\.version) == SchemaVersions.all else {
            throw .corrupt("схема PostgreSQL не совпадает со списком версий")
        }
        try await writing { connection in
            _ = try await connection.query("CREATE TABLE IF NOT EXISTS schemaVersion (version TEXT PRIMARY KEY)", logger: logger)
        }
        for (version, sql) in Schema.migrations {
            try await writing { connection in
                let done = try await connection.query("SELECT 1 FROM schemaVersion WHERE version = \(version)", logger: logger)
                for try await _ in done { return }
                // One statement at a time: the extended protocol takes no more (each ends a line with «;»).
                for statement in sql.components(separatedBy: ";\n") where !statement.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    _ = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("INSERT INTO schemaVersion (version) VALUES (\(version))", logger: logger)
            }
        }
    }

    /// The versions applied, oldest first (for the tests and `migrate`).
    public func appliedVersions() async throws(StoreError) -> [String] {
        try await reading { connection in
            var versions: [String] = []
            for try await v in try await connection.query("SELECT version FROM schemaVersion", logger: logger).decode(String.self) {
                versions.append(v)
            }
            return SchemaVersions.all.filter(versions.contains)
        }
    }
}

/// A parsed `postgres://` address.
struct PostgresAddress: CustomStringConvertible {
    var configuration: PostgresClient.Configuration
    var connection: PostgresConnection.Configuration
    var description: String

    init(_ url: String) throws(StoreError) {
        guard PostgresStore.isAddress(url), let components = URLComponents(string: url) else {
            throw .unavailable("адрес PostgreSQL «\(url)» не разобран: нужен postgres://пользователь@хост:порт/база")
        }
        let user = components.user?.removingPercentEncoding ?? "postgres"
        let password = components.password?.removingPercentEncoding
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else {
            throw .unavailable("в адресе PostgreSQL «\(url)» нет имени базы: postgres://пользователь@хост:порт/база")
        }
        let socket = components.queryItems?.first { $0.name == "host" }?.value
        if let socket, socket.hasPrefix("/") {
            let port = components.port ?? 5432
            configuration = .init(unixSocketPath: "\(socket)/.s.PGSQL.\(port)", username: user, password: password, database: database)
            connection = .init(unixSocketPath: "\(socket)/.s.PGSQL.\(port)", username: user, password: password, database: database)
            description = "postgres://\(user)@\(socket):\(port)/\(database)"
        } else {
            let host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
            let port = components.port ?? 5432
            configuration = .init(host: host, port: port, username: user, password: password, database: database, tls: .disable)
            connection = .init(host: host, port: port, username: user, password: password, database: database, tls: .disable)
            description = "postgres://\(user)@\(host):\(port)/\(database)"
        }
        configuration.options.minimumConnections = 0
        configuration.options.maximumConnections = 8
    }
}

extension StoreError {
    /// postgres-nio's failures as the one store error; a `StoreError` thrown inside a transaction
    /// passes through unchanged.
    init(_ error: any Error, address: String) {
        if let error = error as? StoreError {
            self = error
        } else if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                self = .unavailable("PostgreSQL \(address): \(message)")
            } else {
                self = .unavailable(error.code == .connectionError
                    ? "PostgreSQL \(address) не отвечает: запущен ли сервер, верны ли хост и порт?"
                    : "PostgreSQL \(address): ошибка соединения (\(error.code))")
            }
        } else {
            self = .unavailable("PostgreSQL \(address): \(String(describing: error))")
        }
    }
}

extension PostgresStore {
    /// Creates an empty database on the server `url` names (its database part is where the
    /// command connects, usually `postgres`) and returns the new database's address: what the
    /// store tests and `make bench` start from.
    public static func createDatabase(named name: String, server url: String) async throws(StoreError) -> String {
        let address = try PostgresAddress(url)
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), !name.isEmpty else {
            throw .unavailable("имя базы «\(name)»: только буквы, цифры и _")
        }
        let client = PostgresClient(configuration: address.configuration)
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await client.run() }
                try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
                group.cancelAll()
            }
        } catch {
            throw StoreError(error, address: address.description)
        }
        guard var components = URLComponents(string: url) else { throw .unavailable("адрес «\(url)»") }
        components.path = "/" + name
        return components.string ?? url
    }
}
