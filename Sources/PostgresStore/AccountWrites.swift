import Logging
import Planning
import PostgresNIO
import Store

// The `AccountStore` half of the PostgreSQL store: tables of migration `v5-accounts`. As on SQLite,
// no account write raises the revision: accounts change no page or feed.
extension PostgresStore {
    public func accounts() async throws(StoreError) -> [Account] {
        try await reading { connection in
            var clusters: [String: [String]] = [:]
            let rows = try await connection.query("SELECT login, cluster FROM accountCluster ORDER BY login, position", logger: logger)
            for try await (login, cluster) in rows.decode((String, String).self) { clusters[login, default: []].append(cluster) }
            var accounts: [Account] = []
            let accountRows = try await connection.query(
                "SELECT login, role, school, disabled, mustChangePassword FROM account ORDER BY login", logger: logger)
            for try await row in accountRows.decode((String, String, String?, Bool, Bool).self) {
                accounts.append(try Self.account(row, clusters: clusters[row.0] ?? []))
            }
            return accounts
        }
    }

    public func account(_ login: String) async throws(StoreError) -> Account? {
        try await reading { connection in try await Self.account(login, connection, logger) }
    }

    public func addAccount(_ account: Account, passwordHash: String, now: Int64) async throws(StoreError) {
        try await writing { connection in
            let inserted = try await connection.changing("""
                INSERT INTO account (login, role, school, disabled, mustChangePassword, passwordHash, created)
                VALUES (\(account.login), \(account.role.rawValue), \(account.school), \(account.disabled), \(account.mustChangePassword),
                        \(passwordHash), \(now))
                ON CONFLICT (login) DO NOTHING
                """, logger: logger)
            guard inserted == 1 else { throw StoreError.accountExists(account.login) }
            try await Self.saveClusters(account, connection, logger)
        }
    }

    public func updateAccount(_ account: Account) async throws(StoreError) {
        try await writing { connection in
            let updated = try await connection.changing("""
                UPDATE account SET role = \(account.role.rawValue), school = \(account.school), disabled = \(account.disabled),
                    mustChangePassword = \(account.mustChangePassword)
                WHERE login = \(account.login)
                """, logger: logger)
            guard updated == 1 else { throw StoreError.unknownAccount(account.login) }
            try await connection.query("DELETE FROM accountCluster WHERE login = \(account.login)", logger: logger)
            try await Self.saveClusters(account, connection, logger)
            if account.disabled { try await connection.query("DELETE FROM session WHERE login = \(account.login)", logger: logger) }
        }
    }

    public func removeAccount(_ login: String) async throws(StoreError) {
        try await writing { connection in
            // Sessions, tokens and clusters go with it (ON DELETE CASCADE).
            guard try await connection.changing("DELETE FROM account WHERE login = \(login)", logger: logger) == 1 else {
                throw StoreError.unknownAccount(login)
            }
        }
    }

    public func passwordHash(_ login: String) async throws(StoreError) -> String? {
        try await reading { connection in
            let rows = try await connection.query("SELECT passwordHash FROM account WHERE login = \(login)", logger: logger)
            for try await hash in rows.decode(String.self) { return hash }
            return nil
        }
    }

    public func setPassword(_ login: String, hash: String, mustChange: Bool, keeping: String?) async throws(StoreError) {
        try await writing { connection in
            let updated = try await connection.changing(
                "UPDATE account SET passwordHash = \(hash), mustChangePassword = \(mustChange) WHERE login = \(login)", logger: logger)
            guard updated == 1 else { throw StoreError.unknownAccount(login) }
            try await connection.query("DELETE FROM session WHERE login = \(login) AND digest IS DISTINCT FROM \(keeping)", logger: logger)
        }
    }

    public func addSession(_ session: StoredSession, now: Int64) async throws(StoreError) {
        try await writing { connection in
            guard try await Self.exists(session.login, connection, logger) else { throw StoreError.unknownAccount(session.login) }
            try await connection.query("DELETE FROM session WHERE expires <= \(now)", logger: logger)
            try await connection.query("""
                INSERT INTO session (digest, login, expires) VALUES (\(session.digest), \(session.login), \(session.expires))
                """, logger: logger)
        }
    }

    public func sessionAccount(_ digest: String, now: Int64) async throws(StoreError) -> Account? {
        try await enabledAccount("""
            \(unescaped: Self.accountWithClusters) JOIN session s ON s.login = a.login
            WHERE s.digest = \(digest) AND s.expires > \(now) AND NOT a.disabled
            """)
    }

    public func removeSession(_ digest: String) async throws(StoreError) {
        try await writing { connection in
            try await connection.query("DELETE FROM session WHERE digest = \(digest)", logger: logger)
        }
    }

    public func setToken(_ login: String, digest: String, now: Int64) async throws(StoreError) {
        try await writing { connection in
            guard try await Self.exists(login, connection, logger) else { throw StoreError.unknownAccount(login) }
            try await connection.query("DELETE FROM apiToken WHERE login = \(login)", logger: logger)
            try await connection.query("INSERT INTO apiToken (digest, login, created) VALUES (\(digest), \(login), \(now))", logger: logger)
        }
    }

    public func tokenAccount(_ digest: String) async throws(StoreError) -> Account? {
        try await enabledAccount("""
            \(unescaped: Self.accountWithClusters) JOIN apiToken t ON t.login = a.login WHERE t.digest = \(digest) AND NOT a.disabled
            """)
    }

    public func revokeToken(_ login: String) async throws(StoreError) -> Bool {
        try await writing { connection in
            guard try await Self.exists(login, connection, logger) else { throw StoreError.unknownAccount(login) }
            return try await connection.changing("DELETE FROM apiToken WHERE login = \(login)", logger: logger) > 0
        }
    }

    public func addFailedSignIn(_ login: String, at time: Int64, forgettingBefore horizon: Int64) async throws(StoreError) {
        try await writing { connection in
            try await connection.query("DELETE FROM signInFailure WHERE at < \(horizon)", logger: logger)
            try await connection.query("INSERT INTO signInFailure (login, at) VALUES (\(login), \(time))", logger: logger)
        }
    }

    public func failedSignIns(_ login: String, since time: Int64) async throws(StoreError) -> [Int64] {
        try await reading { connection in
            var times: [Int64] = []
            let rows = try await connection.query(
                "SELECT at FROM signInFailure WHERE login = \(login) AND at >= \(time) ORDER BY at, rowid", logger: logger)
            for try await at in rows.decode(Int64.self) { times.append(at) }
            return times
        }
    }

    public func clearFailedSignIns(_ login: String) async throws(StoreError) {
        try await writing { connection in
            try await connection.query("DELETE FROM signInFailure WHERE login = \(login)", logger: logger)
        }
    }

    // MARK: Rows

    private static func account(_ login: String, _ connection: PostgresConnection, _ logger: Logger) async throws -> Account? {
        let rows = try await connection.query(
            "SELECT login, role, school, disabled, mustChangePassword FROM account WHERE login = \(login)", logger: logger)
        // Collected before the next query: a connection answers one query at a time.
        guard let row = try await rows.collect().first?.decode((String, String, String?, Bool, Bool).self) else { return nil }
        var clusters: [String] = []
        let clusterRows = try await connection.query(
            "SELECT cluster FROM accountCluster WHERE login = \(login) ORDER BY position", logger: logger)
        for try await cluster in clusterRows.decode(String.self) { clusters.append(cluster) }
        return try account(row, clusters: clusters)
    }

    private static func account(_ row: (String, String, String?, Bool, Bool), clusters: [String]) throws -> Account {
        let (login, role, school, disabled, mustChange) = row
        return Account(login: login, role: try parse(role, Role.init(rawValue:), "роль учётной записи \(login)"), clusters: clusters,
                       school: school, disabled: disabled, mustChangePassword: mustChange)
    }

    /// An account's columns with its clusters in order, for one statement that names the account.
    private static let accountWithClusters = """
        SELECT a.login, a.role, a.school, a.disabled, a.mustChangePassword,
            COALESCE((SELECT array_agg(c.cluster ORDER BY c.position) FROM accountCluster c WHERE c.login = a.login), '{}'::text[])
        FROM account a
        """

    /// The enabled account a session or token names: one statement (every workspace request asks),
    /// which reads one consistent snapshot without a transaction.
    private func enabledAccount(_ query: PostgresQuery) async throws(StoreError) -> Account? {
        try await statement { connection in
            let rows = try await connection.query(query, logger: logger)
            guard let row = try await rows.collect().first?.decode((String, String, String?, Bool, Bool, [String]).self) else { return nil }
            return try Self.account((row.0, row.1, row.2, row.3, row.4), clusters: row.5)
        }
    }

    private static func exists(_ login: String, _ connection: PostgresConnection, _ logger: Logger) async throws -> Bool {
        for try await _ in try await connection.query("SELECT 1 FROM account WHERE login = \(login)", logger: logger) { return true }
        return false
    }

    private static func saveClusters(_ account: Account, _ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.insertAll(into: "accountCluster", ["login", "cluster", "position"], account.clusters.enumerated(),
                                       logger: logger) { item, binds in
            binds.append(account.login)
            binds.append(item.element)
            binds.append(item.offset)
        }
    }
}
