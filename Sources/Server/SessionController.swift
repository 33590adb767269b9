import Foundation
import Hummingbird
import Operations
import Planning
import Site

/// Signing in and out: `GET/POST /login`, `POST /logout` (forms), `POST/DELETE /api/session` (JSON).
struct SessionController: Sendable {
    let workspace: Workspace

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get("login") { request, context in
                let next = SignIn.safeNext(request.uri.queryParameters.get("next"))
                return workspace.html(workspace.pages.loginPage(next: next, login: "", error: nil, csrf: context.csrfToken,
                                                                options: workspace.options))
            }
            .post("login") { request, context in try await signInForm(request, context) }
            .post("logout") { _, context in
                try await signOut(context)
                var response = workspace.redirect("/")
                response.setCookie(SessionCookie.cleared(secure: workspace.secureCookies))
                return response
            }
            .post("api/session") { request, context in try await signInJSON(request, context) }
            .delete("api/session") { _, context in
                _ = try context.requireAccount(allowingPasswordChange: true)
                try await signOut(context)
                var response = Response(status: .noContent)
                response.setCookie(SessionCookie.cleared(secure: workspace.secureCookies))
                return response
            }
    }

    struct LoginForm: Decodable {
        var login: String?
        var password: String?
        var next: String?
    }

    func signInForm(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await request.decodeInput(as: LoginForm.self, context: context)
        let next = SignIn.safeNext(form.next)
        let login = (form.login ?? "").trimmingCharacters(in: .whitespaces)
        do {
            let signedIn = try await workspace.accounts.signIn(login, password: form.password ?? "")
            var response = workspace.redirect(signedIn.account.mustChangePassword ? "/manage/password" : next)
            response.setCookie(cookie(signedIn))
            return response
        } catch let refusal as SignInRefusal {
            let page = workspace.pages.loginPage(next: next, login: login, error: refusal.description, csrf: context.csrfToken,
                                                 options: workspace.options)
            return workspace.html(page, status: refusal.status)
        }
    }

    struct SessionRequest: Decodable {
        var login: String
        var password: String
    }

    struct SessionAnswer: Encodable {
        var csrf: String
        var login: String
        var role: String
        var mustChangePassword: Bool
    }

    func signInJSON(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let input = try await request.decodeInput(as: SessionRequest.self, context: context)
        do {
            let signedIn = try await workspace.accounts.signIn(input.login, password: input.password)
            var response = try workspace.json(SessionAnswer(csrf: signedIn.csrf, login: signedIn.account.login,
                                                            role: signedIn.account.role.rawValue,
                                                            mustChangePassword: signedIn.account.mustChangePassword))
            response.setCookie(cookie(signedIn))
            return response
        } catch let refusal as SignInRefusal {
            return try workspace.json(["errors": [FieldProblem(field: nil, refusal.description)]], status: refusal.status)
        }
    }

    func cookie(_ signedIn: SignedIn) -> Cookie {
        SessionCookie.set(signedIn.session, secure: workspace.secureCookies, maxAge: workspace.accounts.sessionLifetime)
    }

    /// Ends the request's session in the store, so the cookie stops working everywhere.
    func signOut(_ context: AppRequestContext) async throws {
        if let digest = context.sessionDigest { try await workspace.accounts.store.removeSession(digest) }
    }
}

extension SignInRefusal {
    var status: HTTPResponse.Status { self == .wrong ? .unauthorized : .tooManyRequests }
}

/// Where to go after signing in.
enum SignIn {
    /// `next` only as a path of this site: `/manage/…`, never `//other.site` or `https://…`
    /// (an open redirect would let a link sign someone in and send them to a look-alike).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"),
              !next.contains(where: { $0.isNewline || $0 == "\\" }), !next.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
            return "/manage/"
        }
        return next
    }

    /// A request's path and query as a `next=` value.
    static func encodedNext(path: String, query: String?) -> String {
        let target = query.map { path + "?" + $0 } ?? path
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return target.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/manage/"
    }
}
