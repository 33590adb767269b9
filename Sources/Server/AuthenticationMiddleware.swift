import HTTPTypes
import Hummingbird
import HummingbirdAuth
import Operations

/// Who sent the request: a bearer token (`Authorization: Bearer …`), else the session cookie.
/// An unknown or revoked token is refused at once (401), so a script learns its token is dead;
/// a cookie of an ended session is only ignored, and the visitor is anonymous.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let accounts: AccountService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let bearer = request.headers.bearer {
            guard let account = try await accounts.account(token: bearer.token) else { throw AccessError.badToken }
            context.account = account
            context.authentication = .bearer
        } else if let session = request.cookies[SessionCookie.name]?.value, !session.isEmpty,
                  let account = try await accounts.account(session: session) {
            context.account = account
            context.authentication = .session(digest: Credentials.digest(session), csrf: Credentials.csrfToken(session: session))
        }
        return try await next(request, context)
    }
}

/// The one CSRF check: every unsafe request authenticated by the session cookie carries the
/// session's token, in the `X-CSRF-Token` header or a urlencoded form's `csrf` field. Bearer and
/// anonymous requests pass: neither rides on a cookie the browser adds by itself.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let header = HTTPField.Name("X-CSRF-Token")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard case .session(_, let expected) = context.authentication, ![.get, .head, .options].contains(request.method) else {
            return try await next(request, context)
        }
        var request = request
        var sent = request.headers[Self.header]
        if sent == nil, request.isForm {
            // Collected here and kept on the request, so the handler decodes the same body.
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            sent = (try? URLEncodedFormDecoder().decode(CSRFField.self, from: String(buffer: body)))?.csrf
        } else if sent == nil, request.isMultipartForm, let type = request.headers[.contentType] {
            let body = try await request.collectBody(upTo: MultipartForm.maxBytes)
            sent = try MultipartForm(body, contentType: type).value("csrf")
        }
        guard let sent, Credentials.same(sent, expected) else { throw AccessError.csrfRefused }
        return try await next(request, context)
    }

    struct CSRFField: Decodable { var csrf: String? }
}

/// The session cookie: HttpOnly (no script reads it), SameSite=Lax (other sites' forms do not
/// send it), Path=/, Secure when the site is served over https.
enum SessionCookie {
    static let name = "clusterplan_session"

    static func set(_ session: String, secure: Bool, maxAge: Int64) -> Cookie {
        Cookie(name: name, value: session, maxAge: Int(clamping: maxAge), path: "/", secure: secure, httpOnly: true,
               sameSite: .lax)
    }

    static func cleared(secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
