import Foundation
import Operations
import Planning
import PostgresStore
import SQLiteStore
import Store

/// `workspace`: 32 signed-in clients browsing workspace pages of the synthetic city through
/// `clusterplan serve` (wrk, 32 connections, each request with one of 32 sessions in turn), and how
/// long an event edit through the API takes to reach the cluster's feed. Needs wrk and curl. With a
/// PostgreSQL server (`CLUSTERPLAN_TEST_POSTGRES`, as `make bench` starts one), the same again with the
/// clients split over two instances on one PostgreSQL database, the edit made through the other one.
func workspaceBench() async throws {
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("clusterplan-workspace-bench-\(getpid())")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    let dbPath = work.appendingPathComponent("bench.sqlite").path
    let city = try await syntheticCityStore(path: dbPath)
    // The same city in PostgreSQL, copied before either run adds its account.
    let server = ProcessInfo.processInfo.environment["CLUSTERPLAN_TEST_POSTGRES"]
    var postgres: (address: String, store: PostgresStore)?
    if let server {
        let address = try await PostgresStore.createDatabase(named: "bench_workspace_\(getpid())", server: server)
        let store = try await PostgresStore.open(url: address)
        _ = try await copyTables(from: city, to: store)
        postgres = (address, store)
    }
    try await workspaceBench(db: dbPath, store: city, ports: [18_482], work: work, label: "workspace")
    guard let postgres else {
        print("| workspace on PostgreSQL | skipped: no CLUSTERPLAN_TEST_POSTGRES (make bench starts a server) | |")
        return
    }
    try await workspaceBench(db: postgres.address, store: postgres.store, ports: [18_484, 18_485], work: work,
                             label: "workspace, PostgreSQL, 2 instances")
}

/// One run over the store `db` names, served by one `serve` per port.
private func workspaceBench(db: String, store database: some DistrictStore, ports: [Int], work: URL, label: String) async throws {
    let snapshot = try await database.snapshot()
    let accounts = AccountService(store: database, bcryptCost: 10)
    let password = "скамейка-фонарь-42"
    _ = try await accounts.add(Account(login: "methodist", role: .methodist), password: password, in: snapshot.district)
    let token = try await accounts.issueToken("methodist")

    let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let servers = try ports.map { port in
        try start(directory.appendingPathComponent("clusterplan").path,
                  ["--db", db, "serve", "--port", String(port), "--log-level", "warning"])
    }
    defer { for serve in servers { serve.terminate(); serve.waitUntilExit() } }
    let bases = ports.map { "http://127.0.0.1:\($0)" }
    for base in bases { try waitFor(base + "/") }
    let base = bases[0]

    // 32 sessions, one sign-in each (bcrypt at cost 10 per sign-in, not per request).
    var cookies: [String] = []
    for _ in 0..<32 {
        let jar = work.appendingPathComponent("jar").path
        try runTool("curl", ["-sf", "-c", jar, "-o", "/dev/null", "-H", "Content-Type: application/json",
                         "-d", #"{"login":"methodist","password":"\#(password)"}"#, base + "/api/session"])
        let line = try String(contentsOfFile: jar, encoding: .utf8).split(separator: "\n").last { $0.contains("clusterplan_session") }
        guard let value = line?.split(separator: "\t").last else { throw BenchError("no session cookie from /api/session") }
        cookies.append("clusterplan_session=\(value)")
    }

    let clusters = snapshot.district.clusters.prefix(8).map(\.id)
    let events = clusters.flatMap { c in snapshot.events(inCluster: c).prefix(2).map(\.id) }
    let paths = ["/manage/"] + clusters.flatMap { ["/manage/clusters/\($0)", "/manage/clusters/\($0)/versions"] }
        + events.map { "/manage/events/\($0.cluster)/\($0.number)" }
    // One client alone first: what each kind of page costs without queueing (the slowest of three requests).
    var alone: [(String, Double)] = []
    for path in paths {
        let times = try (0..<3).map { _ in
            Double(String(decoding: try runTool("curl", ["-sf", "-o", "/dev/null", "-w", "%{time_total}", "-H", "Cookie: \(cookies[0])",
                                                          base + path]), as: UTF8.self)) ?? -1
        }
        alone.append((path, (times.max() ?? -1) * 1000))
    }
    for kind in ["/manage/", "/manage/clusters/", "/versions", "/manage/events/"] {
        let matching = alone.filter { kind == "/manage/" ? $0.0 == kind : $0.0.contains(kind) && !(kind == "/manage/clusters/" && $0.0.hasSuffix("/versions")) }
        guard let worst = matching.max(by: { $0.1 < $1.1 }) else { continue }
        print("| \(label): one client alone, slowest \(kind == "/manage/" ? "start page" : kind) of \(matching.count) | "
              + "\(String(format: "%.1f", worst.1)) ms (\(worst.0)) | |")
    }
    // The other instances load their snapshot on first request too: warm them as the first was,
    // so the load below measures browsing, not one instance's first read of the district.
    for other in bases.dropFirst() {
        for path in paths { try runTool("curl", ["-sf", "-o", "/dev/null", "-H", "Cookie: \(cookies[0])", other + path]) }
    }
    let script = work.appendingPathComponent("workspace.lua")
    try """
    local paths = {\(paths.map { "\"\($0)\"" }.joined(separator: ", "))}
    local cookies = {\(cookies.map { "\"\($0)\"" }.joined(separator: ", "))}
    local i = 0
    request = function()
      i = i + 1
      return wrk.format("GET", paths[i % #paths + 1], {["Cookie"] = cookies[i % #cookies + 1]})
    end
    """.write(to: script, atomically: true, encoding: .utf8)
    // The 32 connections split evenly over the instances, one wrk each, all at once.
    let connections = 32 / bases.count
    let texts = try runAtOnce(bases.map { ("wrk", ["-t\(min(2, connections))", "-c\(connections)", "-d10s", "--latency", "-s", script.path,
                                                  $0 + "/manage/"]) }).map { String(decoding: $0, as: UTF8.self) }
    // The slowest instance's p99: a conservative figure for the whole.
    let p99 = texts.map { latency(percentile: "99%", in: $0) ?? -1 }.max() ?? -1
    let errors = texts.map(errorCount(in:)).reduce(0, +)
    let rate = texts.compactMap { text in
        text.split(separator: "\n").first { $0.hasPrefix("Requests/sec:") }.flatMap { Double(String($0.dropFirst(13)).trimmingCharacters(in: .whitespaces)) }
    }.reduce(0, +)
    print("| \(label): 32 signed-in clients, \(paths.count) pages of the city, wrk -c\(connections) -d10s × \(bases.count) | "
        + "p99 \(String(format: "%.1f", p99)) ms, \(Int(rate)) req/s, \(errors) errors | p99 ≤ 50 ms, 0 errors |")

    // An edit through the API until the cluster's feed shows it: five edits, the slowest and the median.
    let edited = events[0]
    var waits: [Double] = []
    for round in 1...5 {
        let title = "Семинар правка \(round)"  // no comma: a feed writes it escaped
        let clock = ContinuousClock(), started = clock.now
        try runTool("curl", ["-sf", "-o", "/dev/null", "-X", "PATCH", "-H", "Authorization: Bearer \(token)",
                         "-H", "Content-Type: application/json", "-d", #"{"title":"\#(title)"}"#,
                         base + "/api/events/\(edited.cluster)/\(edited.number)"])
        while true {
            // Through the other instance, where there are two.
            let feed = String(decoding: try runTool("curl", ["-sf", bases[bases.count - 1] + "/feeds/clusters/\(edited.cluster).ics"]),
                              as: UTF8.self)
            if feed.replacingOccurrences(of: "\r\n ", with: "").contains(title) { break }
            guard clock.now - started < .seconds(10) else { throw BenchError("the edit did not reach the feed in 10 s") }
            usleep(20_000)
        }
        let elapsed = clock.now - started
        waits.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    waits.sort()
    print("| \(label): event edit (PATCH /api/events) until the\(bases.count > 1 ? " other instance's" : "") cluster feed shows it, 5 edits | "
        + "median \(String(format: "%.2f", waits[2])) s, slowest \(String(format: "%.2f", waits[4])) s | ≤ 1 s |")
}

/// A percentile of wrk's `--latency` distribution, in milliseconds.
private func latency(percentile: String, in text: String) -> Double? {
    for line in text.split(separator: "\n") {
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count == 2, fields[0] == percentile else { continue }
        let value = fields[1]
        for (unit, scale) in [("us", 0.001), ("ms", 1.0), ("s", 1000.0)] where value.hasSuffix(unit) {
            return Double(value.dropLast(unit.count)).map { $0 * scale }
        }
    }
    return nil
}

/// Non-2xx/3xx answers plus socket errors, as wrk reports them.
private func errorCount(in text: String) -> Int {
    var count = 0
    for line in text.split(separator: "\n") {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("Non-2xx or 3xx responses:") { count += Int(trimmed.split(separator: " ").last ?? "") ?? 0 }
        if trimmed.hasPrefix("Socket errors:") {
            count += trimmed.split(separator: ",").compactMap { Int($0.split(separator: " ").last ?? "") }.reduce(0, +)
        }
    }
    return count
}
