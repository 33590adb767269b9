import GRDB
import Planning
import Store

// The `AccountStore` half of the SQLite store: tables of migration `v5-accounts`.

struct AccountRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "account"
    var login: String
    var role: String
    var school: String?
    var disabled: Bool
    var mustChangePassword: Bool
    var passwordHash: String
    var created: Int64

    func account(clusters: [String]) throws(StoreError) -> Account {
        Account(login: login, role: try parse(role, Role.init(rawValue:), "роль учётной записи \(login)"), clusters: clusters,
                school: school, disabled: disabled, mustChangePassword: mustChangePassword)
    }
}

struct AccountClusterRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "accountCluster"
    var login: String
    var cluster: String
    var position: Int
}

struct SessionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "session"
    var digest: String
    var login: String
    var expires: Int64
}

struct APITokenRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "apiToken"
    var digest: String
    var login: String
    var created: Int64
}

extension SQLiteStore {
    public func accounts() async throws(StoreError) -> [Account] {
        try await reading { db in
            try AccountRecord.order(Column("login")).fetchAll(db).map { record in try Self.account(record, db) }
        }
    }

    public func account(_ login: String) async throws(StoreError) -> Account? {
        try await reading { db in try Self.account(login, db) }
    }

    public func addAccount(_ account: Account, passwordHash: String, now: Int64) async throws(StoreError) {
        try await writing { db in
            guard try AccountRecord.fetchOne(db, key: account.login) == nil else { throw StoreError.accountExists(account.login) }
            try AccountRecord(login: account.login, role: account.role.rawValue, school: account.school, disabled: account.disabled,
                              mustChangePassword: account.mustChangePassword, passwordHash: passwordHash, created: now).insert(db)
            try Self.saveClusters(account, db)
        }
    }

    public func updateAccount(_ account: Account) async throws(StoreError) {
        try await writing { db in
            guard var record = try AccountRecord.fetchOne(db, key: account.login) else {
                throw StoreError.unknownAccount(account.login)
            }
            record.role = account.role.rawValue
            record.school = account.school
            record.disabled = account.disabled
            record.mustChangePassword = account.mustChangePassword
            try record.update(db)
            try AccountClusterRecord.filter(Column("login") == account.login).deleteAll(db)
            try Self.saveClusters(account, db)
            if account.disabled { try SessionRecord.filter(Column("login") == account.login).deleteAll(db) }
        }
    }

    public func removeAccount(_ login: String) async throws(StoreError) {
        try await writing { db in
            // Sessions, tokens and clusters go with it (ON DELETE CASCADE).
            guard try AccountRecord.deleteOne(db, key: login) else { throw StoreError.unknownAccount(login) }
        }
    }

    public func passwordHash(_ login: String) async throws(StoreError) -> String? {
        try await reading { db in try AccountRecord.fetchOne(db, key: login)?.passwordHash }
    }

    public func setPassword(_ login: String, hash: String, mustChange: Bool, keeping: String?) async throws(StoreError) {
        try await writing { db in
            guard var record = try AccountRecord.fetchOne(db, key: login) else { throw StoreError.unknownAccount(login) }
            record.passwordHash = hash
            record.mustChangePassword = mustChange
            try record.update(db)
            try SessionRecord.filter(Column("login") == login && Column("digest") != keeping).deleteAll(db)
        }
    }

    public func addSession(_ session: StoredSession, now: Int64) async throws(StoreError) {
        try await writing { db in
            guard try AccountRecord.fetchOne(db, key: session.login) != nil else { throw StoreError.unknownAccount(session.login) }
            try SessionRecord.filter(Column("expires") <= now).deleteAll(db)
            try SessionRecord(digest: session.digest, login: session.login, expires: session.expires).insert(db)
        }
    }

    public func sessionAccount(_ digest: String, now: Int64) async throws(StoreError) -> Account? {
        try await reading { db in
            guard let session = try SessionRecord.fetchOne(db, key: digest), session.expires > now else { return nil }
            return try Self.enabledAccount(session.login, db)
        }
    }

    public func removeSession(_ digest: String) async throws(StoreError) {
        try await writing { db in _ = try SessionRecord.deleteOne(db, key: digest) }
    }

    public func setToken(_ login: String, digest: String, now: Int64) async throws(StoreError) {
        try await writing { db in
            guard try AccountRecord.fetchOne(db, key: login) != nil else { throw StoreError.unknownAccount(login) }
            try APITokenRecord.filter(Column("login") == login).deleteAll(db)
            try APITokenRecord(digest: digest, login: login, created: now).insert(db)
        }
    }

    public func tokenAccount(_ digest: String) async throws(StoreError) -> Account? {
        try await reading { db in
            guard let token = try APITokenRecord.fetchOne(db, key: digest) else { return nil }
            return try Self.enabledAccount(token.login, db)
        }
    }

    public func revokeToken(_ login: String) async throws(StoreError) -> Bool {
        try await writing { db in
            guard try AccountRecord.fetchOne(db, key: login) != nil else { throw StoreError.unknownAccount(login) }
            return try APITokenRecord.filter(Column("login") == login).deleteAll(db) > 0
        }
    }

    public func addFailedSignIn(_ login: String, at time: Int64, forgettingBefore horizon: Int64) async throws(StoreError) {
        try await writing { db in
            try db.execute(sql: "DELETE FROM signInFailure WHERE at < ?", arguments: [horizon])
            try db.execute(sql: "INSERT INTO signInFailure (login, at) VALUES (?, ?)", arguments: [login, time])
        }
    }

    public func failedSignIns(_ login: String, since time: Int64) async throws(StoreError) -> [Int64] {
        try await reading { db in
            try Int64.fetchAll(db, sql: "SELECT at FROM signInFailure WHERE login = ? AND at >= ? ORDER BY at",
                               arguments: [login, time])
        }
    }

    public func clearFailedSignIns(_ login: String) async throws(StoreError) {
        try await writing { db in try db.execute(sql: "DELETE FROM signInFailure WHERE login = ?", arguments: [login]) }
    }

    static func account(_ login: String, _ db: Database) throws -> Account? {
        try AccountRecord.fetchOne(db, key: login).map { record in try account(record, db) }
    }

    static func account(_ record: AccountRecord, _ db: Database) throws -> Account {
        let clusters = try String.fetchAll(db, sql: "SELECT cluster FROM accountCluster WHERE login = ? ORDER BY position",
                                           arguments: [record.login])
        return try record.account(clusters: clusters)
    }

    static func enabledAccount(_ login: String, _ db: Database) throws -> Account? {
        guard let account = try account(login, db), !account.disabled else { return nil }
        return account
    }

    static func saveClusters(_ account: Account, _ db: Database) throws {
        for (position, cluster) in account.clusters.enumerated() {
            try AccountClusterRecord(login: account.login, cluster: cluster, position: position).insert(db)
        }
    }
}
