import Foundation
import Operations
import Planning
import PostgresStore
import Store
import TestSupport
import Testing

/// Two `clusterplan serve` processes on one PostgreSQL database (the throwaway server of
/// `scripts/with-postgres.sh`): a write through one reaches the other's feed within a second, by
/// NOTIFY, and the second of two writers of the same copy gets 409.
@Suite(.serialized) struct PostgresInstancesTests {
    static let server = ProcessInfo.processInfo.environment["CLUSTERPLAN_TEST_POSTGRES"]

    @Test(.enabled(if: server != nil, "CLUSTERPLAN_TEST_POSTGRES is not set: run through scripts/with-postgres.sh (make test)"))
    func anEditThroughOneInstanceReachesTheOthersFeedWithinASecond() async throws {
        let name = "e2e_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let address = try await PostgresStore.createDatabase(named: name, server: try #require(Self.server))
        let store = try await PostgresStore.open(url: address)
        try await TestSite.populate(store)
        _ = try await AccountService(store: store, bcryptCost: 4)
            .add(Account(login: "ivanova", role: .coordinator, clusters: ["nevsky-exact"]), password: "долгий пароль 1",
                 in: try await store.snapshot().district)
        let token = try await AccountService(store: store, bcryptCost: 4).issueToken("ivanova")

        let first = try ServerProcess(db: address)
        defer { first.stop() }
        let second = try ServerProcess(db: address)
        defer { second.stop() }
        let feed = "\(second.baseURL)/feeds/clusters/nevsky-exact.ics"
        let before = try curl(feed)
        try #require(before.status == 200)

        // Two coordinators hold the same copy of event 1; the first moves it (pending until a publish),
        // the second, through the other instance, is refused with what changed.
        let event = "\(first.baseURL)/api/events/nevsky-exact/1"
        let copy = try #require(try curl(event, method: "PATCH", token: token, body: "{}").headers["etag"])
        let moved = try curl(event, method: "PATCH", token: token, body: #"{"month": "2019-11"}"#, ifMatch: copy)
        #expect(moved.status == 200)
        let late = try curl("\(second.baseURL)/api/events/nevsky-exact/1", method: "PATCH", token: token,
                            body: #"{"title": "Другое название"}"#, ifMatch: copy)
        #expect(late.status == 409)
        #expect(late.body.contains("month"), "the refusal says what changed")

        // Event 2 is cancelled through the first instance (a date-independent change that raises SEQUENCE).
        let cancelled = try curl("\(first.baseURL)/api/events/nevsky-exact/2/outcome", method: "POST", token: token,
                                 body: #"{"status": "cancelled", "reason": "карантин", "confirm": true}"#)
        #expect(cancelled.status == 200, "\(cancelled.body.prefix(300))")
        // The other instance's feed shows the higher SEQUENCE once NOTIFY arrived.
        let start = ContinuousClock.now
        var after = try curl(feed)
        while (sequence(of: 2, in: after.body) ?? 0) <= (sequence(of: 2, in: before.body) ?? 0), ContinuousClock.now - start < .seconds(3) {
            try await Task.sleep(for: .milliseconds(20))
            after = try curl(feed)
        }
        let waited = ContinuousClock.now - start
        #expect(waited < .seconds(1), "the other instance's feed changed after \(waited)")
        #expect(after.headers["etag"] != before.headers["etag"])
        #expect((sequence(of: 2, in: after.body) ?? 0) > (sequence(of: 2, in: before.body) ?? 0))
        #expect(block(2, after.body)?.contains("STATUS:CANCELLED") == true)
    }

    /// One HTTP exchange through curl: status, lower-cased headers, body.
    private func curl(_ url: String, method: String = "GET", token: String? = nil, body: String? = nil, ifMatch: String? = nil) throws
        -> (status: Int, headers: [String: String], body: String)
    {
        var arguments = ["-s", "-i", "-X", method, url]
        if let token { arguments += ["-H", "Authorization: Bearer \(token)"] }
        if let ifMatch { arguments += ["-H", "If-Match: \(ifMatch)"] }
        if let body { arguments += ["-H", "Content-Type: application/json", "--data-binary", body] }
        let text = String(decoding: try ToolRun.run("/usr/bin/curl", arguments).output, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts.first?.components(separatedBy: "\r\n") ?? []
        let status = head.first?.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (status, headers, parts.dropFirst().joined(separator: "\r\n\r\n"))
    }
}
