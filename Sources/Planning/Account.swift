/// What a signed-in user may do: the three roles of contract v2.
public enum Role: String, CaseIterable, Hashable, Sendable, Codable {
    /// The methodical centre: every cluster in the store, the users, the reports.
    case methodist
    /// Their own clusters only.
    case coordinator
    /// Records the outcomes of the events its school hosts.
    case school

    /// The role as the pages name it.
    public var label: String {
        switch self {
        case .methodist: "методист"
        case .coordinator: "координатор кластера"
        case .school: "школа"
        }
    }
}

/// A user of the workspace, without any secret: passwords and tokens stay in the store as hashes.
/// Every permission is a pure function of the account, so pages, the API and tests ask the same.
public struct Account: Hashable, Sendable {
    public var login: String
    public var role: Role
    /// The clusters a coordinator edits (ignored for the other roles).
    public var clusters: [String]
    /// The school a `school` account records for (ignored for the other roles).
    public var school: String?
    /// A disabled account cannot sign in; its sessions and tokens stop working.
    public var disabled: Bool
    /// Set by a methodist's one-time password: the next sign-in must choose a new one first.
    public var mustChangePassword: Bool

    public init(login: String, role: Role, clusters: [String] = [], school: String? = nil, disabled: Bool = false,
                mustChangePassword: Bool = false) {
        self.login = login
        self.role = role
        self.clusters = clusters
        self.school = school
        self.disabled = disabled
        self.mustChangePassword = mustChangePassword
    }

    /// Edit a cluster's plan, schedule and outcomes: a methodist any, a coordinator their own.
    public func mayEdit(cluster: String) -> Bool {
        guard !disabled else { return false }
        switch role {
        case .methodist: return true
        case .coordinator: return clusters.contains(cluster)
        case .school: return false
        }
    }

    /// Record an event's outcome: whoever may edit its cluster, or the school that hosts it.
    public func mayRecord(_ event: PlannedEvent) -> Bool {
        if mayEdit(cluster: event.clusterID) { return true }
        return !disabled && role == .school && school != nil && school == event.host
    }

    /// Add, change and disable accounts: methodists only.
    public var mayManageUsers: Bool { !disabled && role == .methodist }
}

extension Account {
    /// What is wrong with a login, or nil: 1 to 64 Latin letters, digits, `.`, `-`, `_`, so a
    /// login is safe in a URL, a cookie-free log line and a shell.
    public static func loginProblem(_ login: String) -> String? {
        let allowed = login.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
            || $0 == "." || $0 == "-" || $0 == "_" }
        guard !login.isEmpty, login.count <= 64, allowed else {
            return "логин: от 1 до 64 латинских букв, цифр, «.», «-» или «_», а не «\(login)»"
        }
        return nil
    }

    /// What is wrong with a new password, or nil. Length is what matters; bcrypt reads 72 bytes at most.
    public static func passwordProblem(_ password: String) -> String? {
        if password.count < 8 { return "пароль: не короче 8 символов" }
        if password.utf8.count > 72 { return "пароль: не длиннее 72 байт (bcrypt дальше не читает)" }
        return nil
    }

    /// What is wrong with the role's clusters and school, or nil: a coordinator needs a cluster,
    /// a school account its school.
    public var scopeProblem: String? {
        switch role {
        case .methodist: nil
        case .coordinator: clusters.isEmpty ? "координатору нужен хотя бы один кластер (--cluster)" : nil
        case .school: school == nil ? "учётной записи школы нужна школа (--school)" : nil
        }
    }
}

/// At most `failures` failed sign-ins per login within `window` seconds; then the login waits
/// until the oldest of them leaves the window. Attempts refused while waiting are not counted,
/// so the wait ends even while someone keeps trying.
public struct SignInLimit: Hashable, Sendable {
    public var failures: Int
    public var window: Int64

    public init(failures: Int = 5, window: Int64 = 15 * 60) {
        self.failures = failures
        self.window = window
    }

    /// The failures to look at: those since this moment.
    public func windowStart(now: Int64) -> Int64 { now - window }

    /// Seconds to wait before the next attempt, or nil when one may sign in now.
    /// `failed`: the times of failures within the window, oldest first.
    public func wait(after failed: [Int64], now: Int64) -> Int64? {
        guard failures > 0, failed.count >= failures else { return nil }
        let freed = failed[failed.count - failures] + window
        return freed > now ? freed - now : nil
    }

    /// "подождите 15 минут": the wait in whole minutes, rounded up, with the right Russian plural.
    public static func waitMessage(seconds: Int64) -> String {
        let minutes = max(1, (seconds + 59) / 60)
        let word: String
        switch (minutes % 10, minutes % 100) {
        case (1, let h) where h != 11: word = "минуту"
        case (2...4, let h) where !(12...14).contains(h): word = "минуты"
        default: word = "минут"
        }
        return "слишком много неудачных попыток входа: подождите \(minutes) \(word)"
    }
}
