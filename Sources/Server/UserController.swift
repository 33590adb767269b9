import Foundation
import Hummingbird
import Operations
import Planning
import Site
import Store

/// `/manage/` (where a sign-in lands), `/manage/password` (anyone signed in changes their own
/// password) and `/manage/users` (methodists: list, add, change role and clusters, disable,
/// one-time passwords).
struct UserController: Sendable {
    let workspace: Workspace

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get("password") { _, context in
                let account = try context.requireAccount(allowingPasswordChange: true)
                return workspace.html(workspace.pages.passwordPage(frame: workspace.frame(account, context), problems: nil,
                                                                   forced: account.mustChangePassword, done: false))
            }
            .post("password") { request, context in try await changePassword(request, context) }
            .get("users") { _, context in
                let manager = try manager(context)
                return try await usersPage(manager, context, form: UserFormValues(), problems: nil, notice: nil)
            }
            .post("users") { request, context in try await addUser(request, context) }
            .get("users/{login}") { _, context in
                _ = try manager(context)
                let account = try await account(context)
                return try await userPage(account, context, form: UserFormValues(account), problems: nil, notice: nil)
            }
            .post("users/{login}") { request, context in try await updateUser(request, context) }
            .post("users/{login}/disable") { _, context in try await setDisabled(true, context) }
            .post("users/{login}/enable") { _, context in try await setDisabled(false, context) }
            .post("users/{login}/password") { request, context in try await setOneTimePassword(request, context) }
    }

    /// The signed-in methodist, or 401/403.
    func manager(_ context: AppRequestContext) throws -> Account {
        let account = try context.requireAccount()
        try context.require(account.mayManageUsers)
        return account
    }

    /// The account the path names, or 404.
    func account(_ context: AppRequestContext) async throws -> Account {
        let login = try context.parameters.decoded("login")
        guard let account = try await workspace.accounts.store.account(login) else {
            throw HTTPError(.notFound, message: StoreError.unknownAccount(login).description)
        }
        return account
    }

    // MARK: Own password

    struct PasswordForm: Decodable {
        var old: String?
        var new: String?
        var `repeat`: String?
    }

    func changePassword(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount(allowingPasswordChange: true)
        let form = try await request.decodeInput(as: PasswordForm.self, context: context)
        do {
            try await workspace.accounts.changePassword(account.login, old: form.old ?? "", new: form.new ?? "",
                                                        repeated: form.`repeat` ?? "", keepingDigest: context.sessionDigest)
        } catch let problems as FieldProblems {
            return workspace.html(workspace.pages.passwordPage(frame: workspace.frame(account, context), problems: problems,
                                                               forced: account.mustChangePassword, done: false),
                                  status: .unprocessableContent)
        }
        var changed = account
        changed.mustChangePassword = false
        return workspace.html(workspace.pages.passwordPage(frame: workspace.frame(changed, context), problems: nil, forced: false,
                                                           done: true))
    }

    // MARK: Users

    /// The fields of the add and change forms; `clusters` is a comma-separated list of ids.
    struct UserForm: Decodable {
        var login: String?
        var role: String?
        var clusters: String?
        var school: String?
        var password: String?

        func values(login fixed: String? = nil) -> UserFormValues {
            UserFormValues(
                login: fixed ?? (login ?? "").trimmingCharacters(in: .whitespaces), role: Role(rawValue: role ?? "") ?? .coordinator,
                clusters: (clusters ?? "").split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init),
                school: school.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 })
        }

        /// A role that is not one of the three is a problem of its field, not a default.
        var roleProblem: FieldProblem? {
            Role(rawValue: role ?? "") == nil
                ? FieldProblem(field: "role", "роль: одна из \(Role.allCases.map(\.rawValue).joined(separator: ", "))") : nil
        }
    }

    func usersPage(_ manager: Account, _ context: AppRequestContext, form: UserFormValues, problems: FieldProblems?,
                   notice: String?) async throws -> Response {
        let page = workspace.pages.usersPage(frame: workspace.frame(manager, context), accounts: try await workspace.accounts.accounts(),
                                             form: form, problems: problems, notice: notice, options: workspace.options)
        return workspace.html(page, status: problems == nil ? .ok : .unprocessableContent)
    }

    func userPage(_ account: Account, _ context: AppRequestContext, form: UserFormValues, problems: FieldProblems?,
                  notice: String?) async throws -> Response {
        let manager = try manager(context)
        let page = workspace.pages.userPage(frame: workspace.frame(manager, context), account: account, form: form,
                                            problems: problems, notice: notice, options: workspace.options)
        return workspace.html(page, status: problems == nil ? .ok : .unprocessableContent)
    }

    func addUser(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let manager = try manager(context)
        let form = try await request.decodeInput(as: UserForm.self, context: context)
        let values = form.values()
        do {
            if let problem = form.roleProblem { throw FieldProblems([problem]) }
            // A password a methodist typed is known to two people: the user replaces it at first sign-in.
            let account = Account(login: values.login, role: values.role, clusters: values.clusters, school: values.school,
                                  mustChangePassword: true)
            _ = try await workspace.accounts.add(account, password: form.password ?? "", in: try await workspace.district())
        } catch let problems as FieldProblems {
            return try await usersPage(manager, context, form: values, problems: problems, notice: nil)
        } catch StoreError.accountExists(let login) {
            return try await usersPage(manager, context, form: values,
                                       problems: FieldProblems(field: "login", StoreError.accountExists(login).description), notice: nil)
        }
        return try await usersPage(manager, context, form: UserFormValues(), problems: nil,
                                   notice: "Учётная запись «\(values.login)» добавлена.")
    }

    func updateUser(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try manager(context)
        let account = try await account(context)
        let form = try await request.decodeInput(as: UserForm.self, context: context)
        let values = form.values(login: account.login)
        var changed = account
        changed.role = values.role
        changed.clusters = values.clusters
        changed.school = values.school
        do {
            if let problem = form.roleProblem { throw FieldProblems([problem]) }
            changed = try await workspace.accounts.update(changed, in: try await workspace.district())
        } catch let problems as FieldProblems {
            return try await userPage(account, context, form: values, problems: problems, notice: nil)
        }
        return try await userPage(changed, context, form: UserFormValues(changed), problems: nil, notice: "Изменения сохранены.")
    }

    func setDisabled(_ disabled: Bool, _ context: AppRequestContext) async throws -> Response {
        let manager = try manager(context)
        var account = try await account(context)
        // A methodist who disabled themselves could lock everyone out of user management.
        if account.login == manager.login {
            return try await userPage(account, context, form: UserFormValues(account),
                                      problems: FieldProblems(field: nil, "свою учётную запись отключить нельзя"), notice: nil)
        }
        account.disabled = disabled
        try await workspace.accounts.store.updateAccount(account)
        return try await userPage(account, context, form: UserFormValues(account), problems: nil,
                                  notice: disabled ? "Учётная запись отключена: её сеансы и токен больше не действуют."
                                      : "Учётная запись включена.")
    }

    struct OneTimePasswordForm: Decodable { var password: String? }

    func setOneTimePassword(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try manager(context)
        let account = try await account(context)
        let form = try await request.decodeInput(as: OneTimePasswordForm.self, context: context)
        do {
            try await workspace.accounts.setOneTimePassword(account.login, password: form.password ?? "")
        } catch let problems as FieldProblems {
            return try await userPage(account, context, form: UserFormValues(account), problems: problems, notice: nil)
        }
        var changed = account
        changed.mustChangePassword = true
        return try await userPage(changed, context, form: UserFormValues(changed), problems: nil,
                                  notice: "Одноразовый пароль задан: при входе пользователь сменит его.")
    }
}
