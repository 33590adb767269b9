import Foundation
import Hummingbird
import HummingbirdAuth
import NIOCore
import Operations
import Planning

/// How a request proved who sent it.
public enum Authentication: Hashable, Sendable {
    /// The `clusterplan_session` cookie: `digest` names the stored session, `csrf` is the token
    /// every unsafe request of this session must carry.
    case session(digest: String, csrf: String)
    /// `Authorization: Bearer <token>`: scripts; no CSRF, since a browser never adds the header itself.
    case bearer
}

/// The request context of every route: Hummingbird's core plus the signed-in account, set by
/// `AuthenticationMiddleware`. hummingbird-auth's `AuthRequestContext` names the account
/// `identity`; `account` is the same value under this project's name.
public struct AppRequestContext: AuthRequestContext, RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: Account?
    public var authentication: Authentication?
    /// The peer of the connection: what the feeds' subscriber count hashes (never stored).
    public var remoteAddress: SocketAddress?

    public init(source: Source) {
        coreContext = .init(source: source)
        identity = nil
        authentication = nil
        remoteAddress = source.channel.remoteAddress
    }

    /// The signed-in account; nil for anonymous visitors.
    public var account: Account? {
        get { identity }
        set { identity = newValue }
    }

    /// The CSRF token forms of this session carry in their `csrf` field; nil without a session.
    public var csrfToken: String? {
        if case .session(_, let csrf) = authentication { return csrf }
        return nil
    }

    /// The stored session's digest when the session cookie signed the request in.
    public var sessionDigest: String? {
        if case .session(let digest, _) = authentication { return digest }
        return nil
    }

    /// Forms (urlencoded) and JSON alike, by Content-Type; see `Request.decodeInput`.
    public var requestDecoder: InputDecoder { InputDecoder() }

    /// The signed-in account, or `AccessError.signInRequired` (401 for the API, the sign-in page
    /// otherwise). An account with a one-time password is sent to change it first
    /// (`.passwordChangeRequired`) unless `allowingPasswordChange`.
    public func requireAccount(allowingPasswordChange: Bool = false) throws(AccessError) -> Account {
        guard let account else { throw .signInRequired }
        if account.mustChangePassword, !allowingPasswordChange { throw .passwordChangeRequired }
        return account
    }

    /// One permission check (`account.mayEdit(cluster:)`, `.mayManageUsers`…): 403 when false.
    public func require(_ allowed: Bool) throws(AccessError) {
        guard allowed else { throw .forbidden }
    }
}

/// Refusals of the access layer; `ErrorMiddleware` answers each for pages and for the API.
public enum AccessError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No account: 401 for `/api`, a redirect to `/login?next=` for pages.
    case signInRequired
    /// Signed in, outside one's role: 403.
    case forbidden
    /// A one-time password must be changed first: `/manage/password` for pages, 403 for the API.
    case passwordChangeRequired
    /// An unsafe cookie-authenticated request without the session's CSRF token: 403.
    case csrfRefused
    /// The bearer token is unknown or revoked: 401.
    case badToken

    public var description: String {
        switch self {
        case .signInRequired: "нужно войти в систему"
        case .forbidden: "недостаточно прав для этого действия"
        case .passwordChangeRequired: "сначала смените одноразовый пароль"
        case .csrfRefused: "форма устарела или отправлена с другого сайта: обновите страницу и повторите"
        case .badToken: "токен API неизвестен или отозван"
        }
    }

    var status: HTTPResponse.Status {
        switch self {
        case .signInRequired, .badToken: .unauthorized
        case .forbidden, .passwordChangeRequired, .csrfRefused: .forbidden
        }
    }
}

/// Request bodies by Content-Type: `application/x-www-form-urlencoded` (the workspace's forms,
/// which work without JavaScript) or JSON (the API).
public struct InputDecoder: RequestDecoder {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws -> T {
        if request.isForm { return try await URLEncodedFormDecoder().decode(type, from: request, context: context) }
        return try await JSONDecoder().decode(type, from: request, context: context)
    }
}

extension Request {
    /// A urlencoded form post.
    var isForm: Bool {
        headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true
    }

    /// The body as `T` (form or JSON), or `FieldProblems` naming the field that does not fit, so
    /// the API answers 422 `{errors: [{field, message}]}`.
    public func decodeInput<T: Decodable>(as type: T.Type, context: AppRequestContext) async throws -> T {
        do {
            return try await context.requestDecoder.decode(type, from: self, context: context)
        } catch let error as DecodingError {
            throw FieldProblems([Self.problem(error)])
        }
    }

    static func problem(_ error: DecodingError) -> FieldProblem {
        func field(_ path: [any CodingKey]) -> String? {
            path.isEmpty ? nil : path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return FieldProblem(field: field(context.codingPath + [key]), "обязательное поле не заполнено")
        case .valueNotFound(_, let context):
            return FieldProblem(field: field(context.codingPath), "обязательное поле не заполнено")
        case .typeMismatch(_, let context):
            return FieldProblem(field: field(context.codingPath), "значение не того вида")
        case .dataCorrupted(let context):
            return FieldProblem(field: field(context.codingPath),
                                context.codingPath.isEmpty ? "тело запроса не читается как JSON или форма" : "значение не читается")
        @unknown default:
            return FieldProblem(field: nil, "тело запроса не читается")
        }
    }
}
