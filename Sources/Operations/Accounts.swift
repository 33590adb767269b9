import Foundation
import Planning
import Store
import Tabular

/// Accounts and sign-in over any `AccountStore`: what `clusterplan user …`, `/login` and
/// `/manage/users` share. Input problems are `FieldProblems` (field names as on the forms:
/// `login`, `password`, `role`, `clusters`, `school`); store failures are `StoreError`.
public struct AccountService: Sendable {
    public let store: any AccountStore
    /// bcrypt cost of new password hashes; low in tests (4), `Credentials.defaultCost` in service.
    public var bcryptCost: UInt8
    public var limit: SignInLimit
    /// How long a session signs its user in, in seconds: a working week.
    public var sessionLifetime: Int64
    public var now: @Sendable () -> Int64

    public init(store: some AccountStore, bcryptCost: UInt8 = Credentials.defaultCost, limit: SignInLimit = SignInLimit(),
                sessionLifetime: Int64 = 7 * 24 * 3600, now: @escaping @Sendable () -> Int64 = currentTime) {
        self.store = store
        self.bcryptCost = bcryptCost
        self.limit = limit
        self.sessionLifetime = sessionLifetime
        self.now = now
    }

    // MARK: Accounts

    /// Every problem of an account's login, role scope and ids; `district` (when imported) must
    /// know its clusters and school.
    public func problems(of account: Account, in district: District?) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if let problem = Account.loginProblem(account.login) { problems.append(FieldProblem(field: "login", problem)) }
        if let problem = account.scopeProblem {
            problems.append(FieldProblem(field: account.role == .school ? "school" : "clusters", problem))
        }
        if let district {
            for cluster in account.clusters where district.cluster(cluster) == nil {
                let unknown = UnknownID(kind: .cluster, id: cluster, known: district.clusters.map(\.id))
                problems.append(FieldProblem(field: "clusters", unknown.description))
            }
            if let school = account.school, district.school(school) == nil {
                let unknown = UnknownID(kind: .school, id: school, known: district.schools.map(\.id))
                problems.append(FieldProblem(field: "school", unknown.description))
            }
        }
        return problems
    }

    /// A new account with its first password; nothing is written when anything is wrong.
    public func add(_ account: Account, password: String, in district: District?) async throws -> Account {
        let account = Self.normalised(account)
        var problems = problems(of: account, in: district)
        if let problem = Account.passwordProblem(password) { problems.append(FieldProblem(field: "password", problem)) }
        guard problems.isEmpty else { throw FieldProblems(problems) }
        try await store.addAccount(account, passwordHash: await Credentials.hash(password: password, cost: bcryptCost),
                                   now: now())
        return account
    }

    /// New role, clusters, school or disabled flag for an existing account.
    public func update(_ account: Account, in district: District?) async throws -> Account {
        let account = Self.normalised(account)
        let problems = problems(of: account, in: district)
        guard problems.isEmpty else { throw FieldProblems(problems) }
        try await store.updateAccount(account)
        return account
    }

    public func accounts() async throws(StoreError) -> [Account] { try await store.accounts() }

    public func remove(_ login: String) async throws(StoreError) { try await store.removeAccount(login) }

    /// A password a methodist sets for someone who forgot theirs: it signs in once, then the
    /// user must choose a new one. Every session of the account ends.
    public func setOneTimePassword(_ login: String, password: String) async throws {
        if let problem = Account.passwordProblem(password) { throw FieldProblems(field: "password", problem) }
        try await store.setPassword(login, hash: await Credentials.hash(password: password, cost: bcryptCost), mustChange: true,
                                    keeping: nil)
    }

    /// A user's own new password: the old one checked, the new one typed twice. Other sessions
    /// end; the session whose digest is `keepingDigest` (the one making the change) stays signed in.
    public func changePassword(_ login: String, old: String, new: String, repeated: String, keepingDigest: String?) async throws {
        guard let hash = try await store.passwordHash(login), await Credentials.verify(password: old, hash: hash) else {
            throw FieldProblems(field: "old", "текущий пароль неверен")
        }
        if let problem = Account.passwordProblem(new) { throw FieldProblems(field: "new", problem) }
        guard new == repeated else { throw FieldProblems(field: "repeat", "пароли не совпадают") }
        guard new != old else { throw FieldProblems(field: "new", "новый пароль совпадает с прежним") }
        try await store.setPassword(login, hash: await Credentials.hash(password: new, cost: bcryptCost), mustChange: false,
                                    keeping: keepingDigest)
    }

    // MARK: Sign-in

    /// Checks a login and password against the limit and the stored hash; on success a new
    /// session (its secret id is what the cookie carries).
    public func signIn(_ login: String, password: String) async throws -> SignedIn {
        let time = now()
        let failed = try await store.failedSignIns(login, since: limit.windowStart(now: time))
        if let wait = limit.wait(after: failed, now: time) { throw SignInRefusal.waiting(seconds: wait) }
        guard let hash = try await store.passwordHash(login), await Credentials.verify(password: password, hash: hash),
              let account = try await store.account(login), !account.disabled else {
            try await store.addFailedSignIn(login, at: time, forgettingBefore: limit.windowStart(now: time))
            throw SignInRefusal.wrong
        }
        try await store.clearFailedSignIns(login)
        let session = Credentials.newSecret()
        try await store.addSession(StoredSession(digest: Credentials.digest(session), login: login,
                                                 expires: time + sessionLifetime), now: time)
        return SignedIn(account: account, session: session)
    }

    /// The account a session cookie signs in, if the session is live and the account enabled.
    public func account(session: String) async throws(StoreError) -> Account? {
        try await store.sessionAccount(Credentials.digest(session), now: now())
    }

    public func signOut(session: String) async throws(StoreError) {
        try await store.removeSession(Credentials.digest(session))
    }

    // MARK: API tokens

    /// A new API token for the account, replacing its earlier one; shown once, stored as a digest.
    public func issueToken(_ login: String) async throws(StoreError) -> String {
        let token = Credentials.newSecret()
        try await store.setToken(login, digest: Credentials.digest(token), now: now())
        return token
    }

    public func revokeToken(_ login: String) async throws(StoreError) -> Bool { try await store.revokeToken(login) }

    public func account(token: String) async throws(StoreError) -> Account? {
        try await store.tokenAccount(Credentials.digest(token))
    }

    /// Only the ids a role uses, each once, in the order given.
    static func normalised(_ account: Account) -> Account {
        var account = account
        var seen = Set<String>()
        account.clusters = account.role == .coordinator ? account.clusters.filter { seen.insert($0).inserted } : []
        if account.role != .school { account.school = nil }
        return account
    }
}

/// A good sign-in: the account and the new session's secret id.
public struct SignedIn: Hashable, Sendable {
    public var account: Account
    public var session: String
    public var csrf: String { Credentials.csrfToken(session: session) }
}

/// Why a sign-in was refused, in Russian.
public enum SignInRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// The login, the password or both are wrong (or the account is disabled): which is not said.
    case wrong
    /// Too many failures lately (`SignInLimit`).
    case waiting(seconds: Int64)

    public var description: String {
        switch self {
        case .wrong: "неверный логин или пароль"
        case .waiting(let seconds): SignInLimit.waitMessage(seconds: seconds)
        }
    }
}

/// `user list`: the accounts as a table or JSON.
public func renderAccounts(_ accounts: [Account], json: Bool) throws -> String {
    if json {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(accounts.map(AccountJSON.init)), as: UTF8.self) + "\n"
    }
    guard !accounts.isEmpty else { return "Учётных записей нет: добавьте первую командой «clusterplan user add».\n" }
    return TextTable(header: ["Логин", "Роль", "Кластеры", "Школа", "Состояние"], rows: accounts.map { account in
        [account.login, account.role.label, account.clusters.joined(separator: ", "), account.school ?? "",
         account.disabled ? "отключена" : account.mustChangePassword ? "сменить пароль" : "активна"]
    }).text
}

/// An account as `user list --format json` prints it: codes, no display strings.
struct AccountJSON: Encodable {
    var login: String
    var role: String
    var clusters: [String]
    var school: String?
    var disabled: Bool
    var mustChangePassword: Bool

    init(_ account: Account) {
        login = account.login
        role = account.role.rawValue
        clusters = account.clusters
        school = account.school
        disabled = account.disabled
        mustChangePassword = account.mustChangePassword
    }
}
