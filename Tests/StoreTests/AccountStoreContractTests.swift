import Planning
import Store
import Testing

/// The account half of the store contract (`AccountStore`), over every factory like the rest.
extension StoreContractTests {
    private var coordinator: Account { Account(login: "ivanova", role: .coordinator, clusters: ["nevsky-exact", "nevsky-lang"]) }

    @Test(arguments: StoreFactory.all) func accountsKeepTheirScopeAndLoginsAreUnique(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        let revision = try await db.revision()
        try await db.addAccount(coordinator, passwordHash: "$2b$04$hash", now: 10)
        try await db.addAccount(Account(login: "admin", role: .methodist), passwordHash: "$2b$04$other", now: 11)
        #expect(try await db.account("ivanova") == coordinator)
        #expect(try await db.accounts().map(\.login) == ["admin", "ivanova"])
        #expect(try await db.passwordHash("ivanova") == "$2b$04$hash")
        #expect(try await db.passwordHash("nobody") == nil)
        await #expect(throws: StoreError.accountExists("ivanova")) {
            try await db.addAccount(Account(login: "ivanova", role: .methodist), passwordHash: "x", now: 12)
        }
        var changed = coordinator
        changed.clusters = ["nevsky-lang"]
        changed.disabled = true
        try await db.updateAccount(changed)
        #expect(try await db.account("ivanova") == changed)
        await #expect(throws: StoreError.unknownAccount("nobody")) { try await db.updateAccount(Account(login: "nobody", role: .school)) }
        try await db.removeAccount("ivanova")
        #expect(try await db.account("ivanova") == nil)
        await #expect(throws: StoreError.unknownAccount("ivanova")) { try await db.removeAccount("ivanova") }
        #expect(try await db.revision() == revision, "accounts change no page or feed")
    }

    @Test(arguments: StoreFactory.all) func sessionsExpireAndEndWithPasswordChangesAndDisabling(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        try await db.addAccount(coordinator, passwordHash: "h", now: 0)
        try await db.addSession(StoredSession(digest: "a", login: "ivanova", expires: 100), now: 0)
        try await db.addSession(StoredSession(digest: "b", login: "ivanova", expires: 100), now: 0)
        #expect(try await db.sessionAccount("a", now: 99) == coordinator)
        #expect(try await db.sessionAccount("a", now: 100) == nil, "expired")
        #expect(try await db.sessionAccount("unknown", now: 1) == nil)
        await #expect(throws: StoreError.unknownAccount("nobody")) {
            try await db.addSession(StoredSession(digest: "c", login: "nobody", expires: 100), now: 0)
        }
        try await db.setPassword("ivanova", hash: "h2", mustChange: false, keeping: "a")
        #expect(try await db.sessionAccount("a", now: 1) != nil, "the session that changed the password stays")
        #expect(try await db.sessionAccount("b", now: 1) == nil, "every other session ends")
        #expect(try await db.passwordHash("ivanova") == "h2")
        try await db.removeSession("a")
        #expect(try await db.sessionAccount("a", now: 1) == nil)
        try await db.addSession(StoredSession(digest: "d", login: "ivanova", expires: 100), now: 0)
        var disabled = coordinator
        disabled.disabled = true
        try await db.updateAccount(disabled)
        #expect(try await db.sessionAccount("d", now: 1) == nil)
    }

    @Test(arguments: StoreFactory.all) func aNewTokenReplacesTheOldAndRevokedOnesSignNobodyIn(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        try await db.addAccount(coordinator, passwordHash: "h", now: 0)
        try await db.setToken("ivanova", digest: "t1", now: 1)
        #expect(try await db.tokenAccount("t1") == coordinator)
        try await db.setToken("ivanova", digest: "t2", now: 2)
        #expect(try await db.tokenAccount("t1") == nil)
        #expect(try await db.tokenAccount("t2") == coordinator)
        #expect(try await db.revokeToken("ivanova"))
        #expect(try await db.tokenAccount("t2") == nil)
        #expect(try await db.revokeToken("ivanova") == false)
        await #expect(throws: StoreError.unknownAccount("nobody")) { try await db.setToken("nobody", digest: "t3", now: 3) }
        try await db.setToken("ivanova", digest: "t4", now: 4)
        try await db.removeAccount("ivanova")
        #expect(try await db.tokenAccount("t4") == nil, "a removed account's token is gone with it")
    }

    @Test(arguments: StoreFactory.all) func failedSignInsAreCountedPerLoginKnownOrNot(_ factory: StoreFactory) async throws {
        let db = try await factory.make()
        for time in [100, 200, 300] as [Int64] { try await db.addFailedSignIn("ivanova", at: time, forgettingBefore: 0) }
        try await db.addFailedSignIn("nobody", at: 150, forgettingBefore: 0)
        #expect(try await db.failedSignIns("ivanova", since: 150) == [200, 300])
        #expect(try await db.failedSignIns("nobody", since: 0) == [150])
        try await db.clearFailedSignIns("ivanova")
        #expect(try await db.failedSignIns("ivanova", since: 0) == [])
        #expect(try await db.failedSignIns("nobody", since: 0) == [150])
        try await db.addFailedSignIn("other", at: 1_000, forgettingBefore: 500)
        #expect(try await db.failedSignIns("nobody", since: 0) == [], "failures older than the horizon are forgotten")
        #expect(try await db.failedSignIns("other", since: 0) == [1_000])
    }
}
