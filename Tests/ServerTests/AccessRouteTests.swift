import Foundation
import Hummingbird
import HummingbirdTesting
import Operations
import Planning
import Server
import Site
import SQLiteStore
import TestSupport
import Testing

/// Sign-in, sessions, CSRF, tokens and roles through the router, as a browser or a script meets them.
@Suite struct AccessRouteTests {
    static let password = "верный-пароль-1"

    /// The seed site with a methodist `admin` and a coordinator `ivanova` of nevsky-exact.
    static func site(options: SiteOptions = TestSite.options, database: SQLiteStore? = nil) async throws -> TestSite {
        let site = try await TestSite(database: database, options: options)
        let district = try await site.snapshot().district
        _ = try await site.accounts.add(Account(login: "admin", role: .methodist), password: password, in: district)
        _ = try await site.accounts.add(Account(login: "ivanova", role: .coordinator, clusters: ["nevsky-exact"]), password: password,
                                        in: district)
        return site
    }

    struct Signed {
        var cookie: String
        var csrf: String
        var headers: HTTPFields { [.cookie: "clusterplan_session=\(cookie)"] }
    }

    struct SessionAnswer: Decodable { var csrf: String; var login: String; var role: String }
    struct Problems: Decodable {
        struct Item: Decodable { var field: String?; var message: String }
        var errors: [Item]
    }

    static func signIn(_ client: some TestClientProtocol, _ login: String, _ password: String = password) async throws -> Signed {
        let response = try await client.execute(uri: "/api/session", method: .post, headers: [.contentType: "application/json"],
                                                body: ByteBuffer(string: #"{"login":"\#(login)","password":"\#(password)"}"#))
        #expect(response.status == .ok)
        let answer = try JSONDecoder().decode(SessionAnswer.self, from: Data(response.body.readableBytesView))
        return Signed(cookie: try #require(sessionCookie(response)), csrf: answer.csrf)
    }

    static func sessionCookie(_ response: TestResponse) -> String? {
        guard let header = response.headers[.setCookie], header.hasPrefix("clusterplan_session=") else { return nil }
        return header.dropFirst("clusterplan_session=".count).split(separator: ";").first.map(String.init)
    }

    static func form(_ fields: [(String, String)]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return ByteBuffer(string: fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            .joined(separator: "&"))
    }

    static func post(_ client: some TestClientProtocol, _ uri: String, _ signed: Signed?, _ fields: [(String, String)],
                     headers extra: HTTPFields = [:]) async throws -> TestResponse {
        var headers: HTTPFields = signed?.headers ?? [:]
        headers[.contentType] = "application/x-www-form-urlencoded"
        headers.append(contentsOf: extra)
        return try await client.execute(uri: uri, method: .post, headers: headers, body: form(fields))
    }

    @Test func aGoodSignInSetsAnHttpOnlyLaxCookieAndGoesToTheNextPage() async throws {
        try await Self.site().app.test(.router) { client in
            let response = try await Self.post(client, "/login", nil,
                                               [("login", "ivanova"), ("password", Self.password), ("next", "/manage/password")])
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/manage/password")
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(cookie.contains("Path=/"))
            #expect(!cookie.contains("Secure"), "http base URL: a Secure cookie would never come back")
            let page = try await client.execute(uri: "/manage/password", method: .get,
                                                headers: [.cookie: "clusterplan_session=\(try #require(Self.sessionCookie(response)))"])
            #expect(page.status == .ok)
            #expect(page.text.contains("ivanova · координатор кластера"))
            #expect(page.headers[.cacheControl] == "no-store")
        }
    }

    @Test func theStartPageListsTheClustersOfTheRole() async throws {
        try await Self.site().app.test(.router) { client in
            let coordinator = try await client.execute(uri: "/manage/", method: .get,
                                                       headers: try await Self.signIn(client, "ivanova").headers)
            #expect(coordinator.status == .ok)
            #expect(coordinator.text.contains("Мои кластеры"))
            #expect(coordinator.text.contains(#"href="/clusters/nevsky-exact""#))
            #expect(!coordinator.text.contains(#"href="/clusters/kirov-1""#))
            let methodist = try await client.execute(uri: "/manage/", method: .get, headers: try await Self.signIn(client, "admin").headers)
            #expect(methodist.text.contains(#"href="/clusters/kirov-1""#))
            #expect(methodist.text.contains(#"href="/manage/users""#))
        }
    }

    @Test func theCookieIsSecureWithAnHttpsBaseURL() async throws {
        let site = try await Self.site(options: SiteOptions(baseURL: "https://plan.example.ru"))
        try await site.app.test(.router) { client in
            let response = try await client.execute(uri: "/api/session", method: .post, headers: [.contentType: "application/json"],
                                                    body: ByteBuffer(string: #"{"login":"admin","password":"\#(Self.password)"}"#))
            #expect(response.status == .ok)
            #expect(response.headers[.setCookie]?.contains("Secure") == true)
            let answer = try JSONDecoder().decode(SessionAnswer.self, from: Data(response.body.readableBytesView))
            #expect(answer.login == "admin")
            #expect(answer.role == "methodist")
            #expect(answer.csrf.count == 64)
        }
    }

    @Test(arguments: ["/manage/users", "//evil.example/", "https://evil.example/", "/\\evil.example"])
    func nextStaysOnThisSite(_ next: String) async throws {
        try await Self.site().app.test(.router) { client in
            let response = try await Self.post(client, "/login", nil, [("login", "admin"), ("password", Self.password), ("next", next)])
            #expect(response.headers[.location] == (next == "/manage/users" ? next : "/manage/"))
        }
    }

    @Test func wrongPasswordsAreRefusedAndTheSixthAttemptWaitsEvenWithTheRightOne() async throws {
        try await Self.site().app.test(.router) { client in
            for _ in 1...5 {
                let response = try await Self.post(client, "/login", nil, [("login", "ivanova"), ("password", "не тот")])
                #expect(response.status == .unauthorized)
                #expect(response.text.contains("неверный логин или пароль"))
                #expect(response.text.contains(#"value="ivanova""#), "the login stays in the form")
                #expect(response.headers[.setCookie] == nil)
            }
            let page = try await Self.post(client, "/login", nil, [("login", "ivanova"), ("password", Self.password)])
            #expect(page.status == .tooManyRequests)
            #expect(page.text.contains("подождите 15 минут"))
            #expect(page.headers[.setCookie] == nil)
            let api = try await client.execute(uri: "/api/session", method: .post, headers: [.contentType: "application/json"],
                                               body: ByteBuffer(string: #"{"login":"ivanova","password":"\#(Self.password)"}"#))
            #expect(api.status == .tooManyRequests)
            let problems = try JSONDecoder().decode(Problems.self, from: Data(api.body.readableBytesView))
            #expect(problems.errors.first?.message.contains("подождите") == true)
            _ = try await Self.signIn(client, "admin")
        }
    }

    @Test func signingOutEndsTheSessionInTheStore() async throws {
        try await Self.site().app.test(.router) { client in
            let signed = try await Self.signIn(client, "ivanova")
            let out = try await Self.post(client, "/logout", signed, [("csrf", signed.csrf)])
            #expect(out.status == .seeOther)
            #expect(out.headers[.setCookie]?.contains("Max-Age=0") == true)
            let after = try await client.execute(uri: "/manage/password", method: .get, headers: signed.headers)
            #expect(after.status == .seeOther)
            #expect(after.headers[.location] == "/login?next=/manage/password")
        }
    }

    @Test func theJSONSessionEndsWithDeleteAndItsCSRFHeader() async throws {
        try await Self.site().app.test(.router) { client in
            let signed = try await Self.signIn(client, "ivanova")
            let refused = try await client.execute(uri: "/api/session", method: .delete, headers: signed.headers)
            #expect(refused.status == .forbidden)
            var headers = signed.headers
            headers[.init("X-CSRF-Token")!] = signed.csrf
            #expect(try await client.execute(uri: "/api/session", method: .delete, headers: headers).status == .noContent)
            let again = try await client.execute(uri: "/api/session", method: .delete, headers: headers)
            #expect(again.status == .unauthorized)
        }
    }

    @Test(arguments: [nil, "0000", String(repeating: "a", count: 64)])
    func aCookiePostWithoutTheSessionsCSRFTokenIsRefused(_ csrf: String?) async throws {
        let site = try await Self.site()
        try await site.app.test(.router) { client in
            let signed = try await Self.signIn(client, "admin")
            let fields = [("login", "petrov"), ("role", "methodist"), ("password", "пароль-петрова")] + (csrf.map { [("csrf", $0)] } ?? [])
            let response = try await Self.post(client, "/manage/users", signed, fields)
            #expect(response.status == .forbidden)
            #expect(response.text.contains("форма устарела"))
        }
        #expect(try await site.database.account("petrov") == nil, "nothing was written")
    }

    @Test func aMethodistAddsAUserWithTheFormsToken() async throws {
        let site = try await Self.site()
        try await site.app.test(.router) { client in
            let signed = try await Self.signIn(client, "admin")
            let page = try await client.execute(uri: "/manage/users", method: .get, headers: signed.headers)
            #expect(page.text.contains(#"name="csrf" value="\#(signed.csrf)""#))
            let added = try await Self.post(client, "/manage/users", signed, [
                ("csrf", signed.csrf), ("login", "petrov"), ("role", "coordinator"), ("clusters", "nevsky-exact, kirov-1"),
                ("password", "пароль-петрова"),
            ])
            #expect(added.status == .ok)
            #expect(added.text.contains("Учётная запись «petrov» добавлена"))
            let unknown = try await Self.post(client, "/manage/users", signed, [
                ("csrf", signed.csrf), ("login", "sidorov"), ("role", "coordinator"), ("clusters", "nevsky-exakt"),
                ("password", "пароль-сидорова"),
            ])
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.text.contains("nevsky-exact"), "did you mean")
        }
        let petrov = try #require(try await site.database.account("petrov"))
        #expect(petrov.clusters == ["nevsky-exact", "kirov-1"])
        #expect(petrov.mustChangePassword, "a password a methodist typed is replaced at first sign-in")
        #expect(try await site.database.account("sidorov") == nil)
    }

    @Test func aMethodistChangesARoleAndEnablesAnAccountAgain() async throws {
        let site = try await Self.site()
        try await site.app.test(.router) { client in
            let admin = try await Self.signIn(client, "admin")
            let page = try await client.execute(uri: "/manage/users/ivanova", method: .get, headers: admin.headers)
            #expect(page.text.contains(#"value="nevsky-exact""#))
            let unknown = try await Self.post(client, "/manage/users/ivanova", admin,
                                              [("csrf", admin.csrf), ("role", "school"), ("school", "99999")])
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.text.contains("99999"))
            let school = try await Self.post(client, "/manage/users/ivanova", admin,
                                             [("csrf", admin.csrf), ("role", "school"), ("school", "344"), ("clusters", "nevsky-exact")])
            #expect(school.status == .ok)
            #expect(school.text.contains("Изменения сохранены"))
            _ = try await Self.post(client, "/manage/users/ivanova/disable", admin, [("csrf", admin.csrf)])
            let enabled = try await Self.post(client, "/manage/users/ivanova/enable", admin, [("csrf", admin.csrf)])
            #expect(enabled.text.contains("Учётная запись включена"))
            #expect(try await client.execute(uri: "/manage/users/nobody", method: .get, headers: admin.headers).status == .notFound)
        }
        let ivanova = try #require(try await site.database.account("ivanova"))
        #expect(ivanova.role == .school)
        #expect(ivanova.school == "344")
        #expect(ivanova.clusters == [], "a school account keeps no clusters")
        #expect(!ivanova.disabled)
    }

    @Test func aBearerTokenNeedsNoCSRFAndARevokedOneIs401() async throws {
        let site = try await Self.site()
        let token = try await site.accounts.issueToken("admin")
        try await site.app.test(.router) { client in
            let bearer: HTTPFields = [.authorization: "Bearer \(token)"]
            let added = try await Self.post(client, "/manage/users", nil,
                                            [("login", "petrov"), ("role", "methodist"), ("password", "пароль-петрова")], headers: bearer)
            #expect(added.status == .ok)
            #expect(try await site.accounts.revokeToken("admin"))
            let revoked = try await client.execute(uri: "/api/session", method: .delete, headers: bearer)
            #expect(revoked.status == .unauthorized)
            let problems = try JSONDecoder().decode(Problems.self, from: Data(revoked.body.readableBytesView))
            #expect(problems.errors.map(\.message) == ["токен API неизвестен или отозван"])
        }
    }

    @Test func anonymousVisitorsAreSentToSignInAndScriptsGet401() async throws {
        try await Self.site().app.test(.router) { client in
            let page = try await client.execute(uri: "/manage/users?x=1", method: .get)
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/login?next=/manage/users%3Fx%3D1")
            let api = try await client.execute(uri: "/api/session", method: .delete)
            #expect(api.status == .unauthorized)
            let problems = try JSONDecoder().decode(Problems.self, from: Data(api.body.readableBytesView))
            #expect(problems.errors.map(\.message) == ["нужно войти в систему"])
            #expect(try await client.execute(uri: "/", method: .get).status == .ok, "public pages stay open")
        }
    }

    @Test func aCoordinatorCannotManageUsers() async throws {
        try await Self.site().app.test(.router) { client in
            let signed = try await Self.signIn(client, "ivanova")
            #expect(try await client.execute(uri: "/manage/users", method: .get, headers: signed.headers).status == .forbidden)
            let post = try await Self.post(client, "/manage/users/admin/disable", signed, [("csrf", signed.csrf)])
            #expect(post.status == .forbidden)
        }
    }

    @Test func aDisabledAccountIsSignedOutAndCannotSignIn() async throws {
        let site = try await Self.site()
        try await site.app.test(.router) { client in
            let admin = try await Self.signIn(client, "admin")
            let ivanova = try await Self.signIn(client, "ivanova")
            let disabled = try await Self.post(client, "/manage/users/ivanova/disable", admin, [("csrf", admin.csrf)])
            #expect(disabled.status == .ok)
            #expect(try await client.execute(uri: "/manage/password", method: .get, headers: ivanova.headers).status == .seeOther)
            let again = try await Self.post(client, "/login", nil, [("login", "ivanova"), ("password", Self.password)])
            #expect(again.status == .unauthorized)
            let own = try await Self.post(client, "/manage/users/admin/disable", admin, [("csrf", admin.csrf)])
            #expect(own.status == .unprocessableContent, "a methodist cannot lock themselves out")
        }
    }

    @Test func aOneTimePasswordMustBeChangedBeforeAnythingElse() async throws {
        let site = try await Self.site()
        try await site.app.test(.router) { client in
            let admin = try await Self.signIn(client, "admin")
            let set = try await Self.post(client, "/manage/users/ivanova/password", admin, [("csrf", admin.csrf), ("password", "одноразовый")])
            #expect(set.status == .ok)
            let login = try await Self.post(client, "/login", nil, [("login", "ivanova"), ("password", "одноразовый"), ("next", "/")])
            #expect(login.headers[.location] == "/manage/password")
            let signed = Signed(cookie: try #require(Self.sessionCookie(login)), csrf: "")
            let users = try await client.execute(uri: "/manage/users", method: .get, headers: signed.headers)
            #expect(users.headers[.location] == "/manage/password", "every other workspace page waits for the change")
            let page = try await client.execute(uri: "/manage/password", method: .get, headers: signed.headers)
            #expect(page.text.contains("одноразовым паролем"))
            let csrf = try #require(page.text.firstMatch(of: /name="csrf" value="([0-9a-f]{64})"/)).1
            let session = Signed(cookie: signed.cookie, csrf: String(csrf))
            let mismatch = try await Self.post(client, "/manage/password", session,
                                               [("csrf", session.csrf), ("old", "одноразовый"), ("new", "мой-новый-пароль"), ("repeat", "другой")])
            #expect(mismatch.status == .unprocessableContent)
            #expect(mismatch.text.contains("пароли не совпадают"))
            let changed = try await Self.post(client, "/manage/password", session, [
                ("csrf", session.csrf), ("old", "одноразовый"), ("new", "мой-новый-пароль"), ("repeat", "мой-новый-пароль"),
            ])
            #expect(changed.status == .ok)
            #expect(changed.text.contains("Пароль изменён"))
            #expect(try await client.execute(uri: "/manage/users", method: .get, headers: session.headers).status == .forbidden,
                    "now only the role decides")
            _ = try await Self.signIn(client, "ivanova", "мой-новый-пароль")
        }
        #expect(try await site.database.account("ivanova")?.mustChangePassword == false)
    }

    @Test(arguments: [("{", nil), (#"{"login":"admin"}"#, "password"), (#"{"login":1,"password":"x"}"#, "login")])
    func badSessionJSONIs422WithTheField(_ body: String, _ field: String?) async throws {
        try await Self.site().app.test(.router) { client in
            let response = try await client.execute(uri: "/api/session", method: .post, headers: [.contentType: "application/json"],
                                                    body: ByteBuffer(string: body))
            #expect(response.status == .unprocessableContent)
            let problems = try JSONDecoder().decode(Problems.self, from: Data(response.body.readableBytesView))
            #expect(problems.errors.count == 1)
            #expect(problems.errors.first?.field == field)
        }
    }

    @Test func theStoreFileHoldsNoPasswordSessionIdOrTokenInClearText() async throws {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("store.sqlite").path
        let site = try await Self.site(database: try SQLiteStore.open(path: path))
        let token = try await site.accounts.issueToken("ivanova")
        let session = try await site.app.test(.router) { client in
            _ = try await Self.post(client, "/login", nil, [("login", "ivanova"), ("password", "ошибочный-пароль")])
            return try await Self.signIn(client, "ivanova").cookie
        }
        // Every byte SQLite wrote, WAL included: stricter than a dump of the tables.
        var bytes = Data()
        for file in [path, path + "-wal"] where FileManager.default.fileExists(atPath: file) {
            bytes.append(try Data(contentsOf: URL(fileURLWithPath: file)))
        }
        #expect(!bytes.isEmpty)
        for secret in [Self.password, "ошибочный-пароль", token, session] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret.prefix(6))… is in the store file")
        }
        #expect(bytes.range(of: Data(Credentials.digest(token).utf8)) != nil, "the token's digest is what is kept")
    }
}
