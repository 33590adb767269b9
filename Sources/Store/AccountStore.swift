import Planning

/// Accounts, sessions, API tokens and failed sign-ins: what the workspace's sign-in keeps between
/// requests, in the store so several server instances share it. The store never sees a password,
/// a session id or a token: callers pass bcrypt hashes and SHA-256 digests (see
/// `Operations.Credentials`). Account writes do not raise the district's `revision`: they change
/// no page or feed.
public protocol AccountStore: Sendable {
    /// Every account, by login.
    func accounts() async throws(StoreError) -> [Account]

    func account(_ login: String) async throws(StoreError) -> Account?

    /// A new account; `.accountExists` when the login is taken.
    func addAccount(_ account: Account, passwordHash: String, now: Int64) async throws(StoreError)

    /// Replaces role, clusters, school, disabled and must-change of an existing account
    /// (`.unknownAccount` otherwise). Disabling ends its sessions.
    func updateAccount(_ account: Account) async throws(StoreError)

    /// Removes the account with its sessions and tokens (`.unknownAccount` when there is none).
    func removeAccount(_ login: String) async throws(StoreError)

    /// The bcrypt hash to check a sign-in against; nil for an unknown login.
    func passwordHash(_ login: String) async throws(StoreError) -> String?

    /// A new password hash; `mustChange` marks a one-time password. Ends every session of the
    /// account but `keeping` (the session that changed it).
    func setPassword(_ login: String, hash: String, mustChange: Bool, keeping: String?) async throws(StoreError)

    /// Starts a session; sessions of every account expired by `now` are dropped on the way.
    func addSession(_ session: StoredSession, now: Int64) async throws(StoreError)

    /// The enabled account of a live session, by the digest of its id.
    func sessionAccount(_ digest: String, now: Int64) async throws(StoreError) -> Account?

    func removeSession(_ digest: String) async throws(StoreError)

    /// Gives the account a new API token (the digest), replacing its earlier one.
    func setToken(_ login: String, digest: String, now: Int64) async throws(StoreError)

    /// The enabled account an API token belongs to, by its digest.
    func tokenAccount(_ digest: String) async throws(StoreError) -> Account?

    /// Removes the account's API token; false when it had none.
    func revokeToken(_ login: String) async throws(StoreError) -> Bool

    /// Counts a failed sign-in for a login, known or not, and forgets every login's failures
    /// before `horizon`, so guessed logins cannot grow the table without end.
    func addFailedSignIn(_ login: String, at time: Int64, forgettingBefore horizon: Int64) async throws(StoreError)

    /// When the login's failed sign-ins since `time` happened, oldest first.
    func failedSignIns(_ login: String, since time: Int64) async throws(StoreError) -> [Int64]

    /// Forgets the login's failed sign-ins (after a good one).
    func clearFailedSignIns(_ login: String) async throws(StoreError)
}

/// A session as stored: the SHA-256 digest of its id, never the id the cookie carries.
public struct StoredSession: Hashable, Sendable {
    public var digest: String
    public var login: String
    /// Unix seconds after which the session no longer signs anyone in.
    public var expires: Int64

    public init(digest: String, login: String, expires: Int64) {
        self.digest = digest
        self.login = login
        self.expires = expires
    }
}
