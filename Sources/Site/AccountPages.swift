import Planning

/// Who is signed in, for the top line of every `/manage/` page (the `workspace` partial).
public struct WorkspaceFrame: Sendable {
    public var home: String
    public var login: String
    public var role: String
    public var csrf: String
    public var mayManageUsers: Bool
    /// Methodists edit the district calendar, schools their own busy days.
    public var mayEditCalendar: Bool

    public init(account: Account, csrf: String, options: SiteOptions) {
        home = options.href("/")
        login = account.login
        role = account.role.label
        self.csrf = csrf
        mayManageUsers = account.mayManageUsers
        mayEditCalendar = account.mayEditCalendar
    }
}

/// What a user form shows: the values typed and the problems beside their fields.
public struct UserFormValues: Sendable {
    public var login: String
    public var role: Role
    public var clusters: [String]
    public var school: String?

    public init(login: String = "", role: Role = .coordinator, clusters: [String] = [], school: String? = nil) {
        self.login = login
        self.role = role
        self.clusters = clusters
        self.school = school
    }

    public init(_ account: Account) {
        self.init(login: account.login, role: account.role, clusters: account.clusters, school: account.school)
    }
}

extension PageRenderer {
    /// `/login`; `csrf` when the visitor already has a session.
    public func loginPage(next: String, login: String, error: String?, csrf: String?, options: SiteOptions) -> String {
        render("login", LoginPage(title: "Вход", home: options.href("/"), timezone: Self.workspaceZone, next: next, login: login,
                                  error: error, csrf: csrf))
    }

    /// `/manage/password`: `forced` after a one-time password, `done` after a change.
    public func passwordPage(frame: WorkspaceFrame, problems: FieldProblems?, forced: Bool, done: Bool) -> String {
        render("password", PasswordPage(
            title: "Смена пароля", home: frame.home, timezone: Self.workspaceZone, frame: frame, csrf: frame.csrf, forced: forced,
            done: done, general: Self.general(problems), oldProblem: problems?.message(for: "old"),
            newProblem: problems?.message(for: "new"), repeatProblem: problems?.message(for: "repeat")))
    }

    /// `/manage/users`: every account and the form to add one.
    public func usersPage(frame: WorkspaceFrame, accounts: [Account], form: UserFormValues, problems: FieldProblems?,
                          notice: String?, options: SiteOptions) -> String {
        let rows = accounts.map { account in
            UsersPage.Row(href: options.href("/manage/users/" + SitePaths.segment(account.login)), login: account.login,
                          role: account.role.label, clusters: account.clusters.joined(separator: ", "),
                          school: account.school ?? "", state: Self.state(account))
        }
        return render("users", UsersPage(
            title: "Пользователи", home: frame.home, timezone: Self.workspaceZone, frame: frame, csrf: frame.csrf, notice: notice,
            accounts: rows, login: form.login, scope: ScopeFields(form, problems), general: Self.general(problems),
            loginProblem: problems?.message(for: "login"), passwordProblem: problems?.message(for: "password")))
    }

    /// `/manage/users/<login>`: change role and clusters, disable or enable, set a one-time password.
    public func userPage(frame: WorkspaceFrame, account: Account, form: UserFormValues, problems: FieldProblems?,
                         notice: String?, options: SiteOptions) -> String {
        render("user", UserPage(
            title: "Пользователь \(account.login)", home: frame.home, timezone: Self.workspaceZone, frame: frame, csrf: frame.csrf,
            notice: notice, login: account.login, href: options.href("/manage/users/" + SitePaths.segment(account.login)),
            state: Self.state(account), toggleAction: account.disabled ? "enable" : "disable",
            toggleLabel: account.disabled ? "Включить учётную запись" : "Отключить учётную запись",
            scope: ScopeFields(form, problems), general: Self.general(problems),
            passwordProblem: problems?.message(for: "password")))
    }

    /// Workspace pages show no event times; the footer names the district's usual zone.
    static var workspaceZone: String { "Europe/Moscow" }

    static func state(_ account: Account) -> String {
        account.disabled ? "отключена" : account.mustChangePassword ? "должен сменить пароль" : "активна"
    }

    static func general(_ problems: FieldProblems?) -> [String] {
        problems?.problems.filter { $0.field == nil }.map(\.message) ?? []
    }
}

struct LoginPage {
    var title: String
    var home: String
    var timezone: String
    var next: String
    var login: String
    var error: String?
    var csrf: String?
}

struct PasswordPage {
    var title: String
    var home: String
    var timezone: String
    var frame: WorkspaceFrame
    var csrf: String
    var forced: Bool
    var done: Bool
    var general: [String]
    var oldProblem: String?
    var newProblem: String?
    var repeatProblem: String?
}

/// The `scope` partial's fields; flattened into the page models through `scope` sections.
struct ScopeFields {
    struct Option { var value: String; var label: String; var selected: Bool }
    var roles: [Option]
    var clusters: String
    var school: String
    var clustersProblem: String?
    var schoolProblem: String?

    init(_ form: UserFormValues, _ problems: FieldProblems?) {
        roles = Role.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: $0 == form.role) }
        clusters = form.clusters.joined(separator: ", ")
        school = form.school ?? ""
        clustersProblem = problems?.message(for: "clusters")
        schoolProblem = problems?.message(for: "school")
    }
}

struct UsersPage {
    struct Row { var href: String; var login: String; var role: String; var clusters: String; var school: String; var state: String }
    var title: String
    var home: String
    var timezone: String
    var frame: WorkspaceFrame
    var csrf: String
    var notice: String?
    var accounts: [Row]
    var login: String
    var scope: ScopeFields
    var general: [String]
    var loginProblem: String?
    var passwordProblem: String?
}

struct UserPage {
    var title: String
    var home: String
    var timezone: String
    var frame: WorkspaceFrame
    var csrf: String
    var notice: String?
    var login: String
    var href: String
    var state: String
    var toggleAction: String
    var toggleLabel: String
    var scope: ScopeFields
    var general: [String]
    var passwordProblem: String?
}
