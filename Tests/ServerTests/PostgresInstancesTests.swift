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

        // Two coordinators hold the same copy of event 1; the first moves it, the second is refused.
        let event = "\(first.baseURL)/api/events/nevsky-exact/1"
        let copy = try #require(try curl(event, method: "PATCH", token: token, body: "{}").headers["etag"])
        let moved = try curl(event, method: "PATCH", token: token, body: #"{"month": "2019-11"}"#, ifMatch: copy)
        #expect(moved.status == 200)
        let late = try curl("\(second.baseURL)/api/events/nevsky-exact/1", method: "PATCH", token: token,
                            body: #"{"title": "Другое название"}"#, ifMatch: copy)
        #expect(late.status == 409)
        #expect(late.body.contains("month"), "the refusal says what changed")

        let published = try curl("\(first.baseURL)/api/schedule", method: "POST", token: token,
                                 body: #"{"cluster": "nevsky-exact", "publish": true}"#)
        #expect(published.status == 200)
        let start = ContinuousClock.now
        var after = before
        while after.headers["etag"] == before.headers["etag"], ContinuousClock.now - start < .seconds(3) {
            try await Task.sleep(for: .milliseconds(50))
            after = try curl(feed)
        }
        let waited = ContinuousClock.now - start
        #expect(waited < .seconds(1), "the other instance's feed changed after \(waited)")
        #expect(after.headers["etag"] != before.headers["etag"])
        #expect((sequence(of: 1, in: after.body) ?? 0) > (sequence(of: 1, in: before.body) ?? 0))
        #expect(dtstart(of: 1, in: after.body)?.hasPrefix("201911") == true)
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
