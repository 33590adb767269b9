import Foundation
import Planning
import Operations
import Server
import Site
import SQLiteStore
import Store
import TestSupport
import Testing

/// `clusterplan serve` as a separate process, used by real clients: vdirsyncer + khal subscribe to
/// a feed, headless Chromium renders the pages. The store is written from this process while the
/// server runs, as `schedule` or `record` would from the command line.
@Suite(.serialized) struct EndToEndTests {
    @Test func aSubscribedCalendarShowsSeed003AndFollowsAReschedule() async throws {
        let work = try Fixtures.temporaryDirectory()
        let database = try SQLiteStore.open(path: work.appendingPathComponent("clusterplan.sqlite").path)
        try await TestSite.populate(database)
        let server = try ServerProcess(database: work.appendingPathComponent("clusterplan.sqlite"))
        defer { server.stop() }
        let feed = "\(server.baseURL)/feeds/clusters/nevsky-exact.ics"
        let calendar = work.appendingPathComponent("subscriber").path

        // The server answers with the bytes `export ics` writes for the same feed and base URL.
        let exported = try output(ServerProcess.executable(), ["--db", server.database.path, "export", "ics", "--cluster", "nevsky-exact",
                                                               "--base-url", server.baseURL])
        #expect(try output(URL(fileURLWithPath: "/usr/bin/curl"), ["-sf", feed]) == exported)

        guard try script("e2e-subscribe.sh", ["sync", calendar, feed]) != nil else { return }
        let snapshot = try await database.snapshot()
        let events = snapshot.events(inCluster: "nevsky-exact")
        #expect(events.count == 8)
        let listed = try #require(try script("e2e-subscribe.sh", ["list", calendar]))
        #expect(listed == expectedLines(events, snapshot: snapshot))

        // Move event 7 a week later, as a reschedule from the command line would.
        let moved = try #require(events.first { $0.event.number == 7 })
        let oldDate = try #require(moved.state.date)
        let newDate = oldDate.adding(days: 7)
        try await database.applySchedule([ScheduleChange(id: moved.id, date: newDate, start: TimeOfDay("16:30"))], now: TestSite.scheduleTime + 3600)
        let stamp = "DTSTART;TZID=Europe/Moscow:\(newDate.description.replacingOccurrences(of: "-", with: ""))T163000"
        _ = try script("e2e-subscribe.sh", ["sync", calendar, feed, stamp])
        let after = try #require(try script("e2e-subscribe.sh", ["list", calendar]))
        let rescheduled = try await database.snapshot()
        #expect(after == expectedLines(rescheduled.events(inCluster: "nevsky-exact"), snapshot: rescheduled))
        let summary = "\(moved.event.format.russian): \(moved.event.title)"
        let movedLines = after.filter { $0.hasSuffix(" \(summary)") }
        #expect(movedLines == ["\(newDate) 16:30 \(summary)"])
        #expect(!after.contains { $0.hasPrefix("\(oldDate) ") && $0.hasSuffix(summary) })
    }

    @Test func chromiumRendersTheClusterPageAndShowsMarkupAsText() async throws {
        let work = try Fixtures.temporaryDirectory()
        let path = work.appendingPathComponent("clusterplan.sqlite")
        try await TestSite.populate(try SQLiteStore.open(path: path.path), extra: [Fixtures.url("server/script-names.yaml").path])
        let server = try ServerProcess(database: path)
        defer { server.stop() }

        let png = work.appendingPathComponent("cluster.png")
        guard try script("e2e-browser.sh", ["screenshot", "\(server.baseURL)/clusters/nevsky-exact", png.path, "412,4200"]) != nil else { return }
        let image = try Data(contentsOf: png)
        #expect(image.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        // IHDR: width and height, big-endian, at bytes 16..<24; the window was 412 x 4200, tall enough for the events table.
        let width = image[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = image[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 412 && height == 4200)
        #expect(image.count > 30_000, "a blank page compresses to a few kilobytes")
        print("screenshot: \(png.path)")
        let clusterDOM = work.appendingPathComponent("cluster.html")
        _ = try script("e2e-browser.sh", ["dom", "\(server.baseURL)/clusters/nevsky-exact", clusterDOM.path])
        let rendered = try String(contentsOf: clusterDOM, encoding: .utf8)
        // The browser built the events table: one body row per event of seed 003.
        let body = try #require(rendered.components(separatedBy: "<tbody>").last?.components(separatedBy: "</tbody>").first)
        #expect(body.components(separatedBy: "<tr").count - 1 == 8)

        let dom = work.appendingPathComponent("xss.html")
        _ = try script("e2e-browser.sh", ["dom", "\(server.baseURL)/clusters/xss", dom.path])
        let html = try String(contentsOf: dom, encoding: .utf8)
        #expect(html.contains("<h1>&lt;script&gt;alert('кластер')&lt;/script&gt;</h1>"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
    }

    @Test func pagesAreValidHTML() async throws {
        let site = try await TestSite(extra: [Fixtures.url("server/script-names.yaml").path])
        let directory = try Fixtures.temporaryDirectory()
        _ = try publishSite(try await site.snapshot(), options: TestSite.options, today: LocalDate(year: 2021, month: 6, day: 30)!,
                            to: directory.path)
        let pages = ["index.html", "clusters/nevsky-exact/index.html", "clusters/xss/index.html", "schools/344/index.html",
                     "schools/x1/index.html", "events/nevsky-exact/1/index.html", "events/xss/1/index.html", "404.html",
                     "schools/index.html", "calendar/2019-2020/index.html", "clusters/nevsky-exact/calendar/2019-2020/index.html",
                     "clusters/xss/calendar/index.html"]
        let problems = try script("e2e-html.sh", pages.map { directory.appendingPathComponent($0).path })
        if let problems { #expect(problems.isEmpty) }
    }

    /// What khal shows for each dated event: `date start summary`.
    func expectedLines(_ events: [EventSnapshot], snapshot: DistrictSnapshot) -> [String] {
        events.compactMap { item -> String? in
            guard let date = item.state.date else { return nil }
            let start = item.state.start ?? item.event.start ?? snapshot.district.calendar.defaultStart
            return "\(date) \(start) \(item.event.format.russian): \(item.event.title)"
        }.sorted()
    }

    /// Runs a script from `scripts/`; its output lines, sorted, or nil when it exits 77 (a tool that cannot be installed).
    func script(_ name: String, _ arguments: [String]) throws -> [String]? {
        let process = Process()
        process.executableURL = Fixtures.repositoryRoot.appendingPathComponent("scripts/\(name)")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 77 {
            Issue.record("skipped: \(name) could not install the tool it needs (see its stderr)", severity: .warning)
            return nil
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).sorted()
        try #require(process.terminationStatus == 0, "\(name) \(arguments.joined(separator: " ")) failed: \(lines)")
        return lines
    }

    /// Everything a program writes to stdout.
    func output(_ executable: URL, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(executable.lastPathComponent) \(arguments.joined(separator: " ")) failed")
        return data
    }
}

/// `clusterplan serve` on a free loopback port, stopped by the test.
final class ServerProcess {
    let process = Process()
    let port: Int
    /// A SQLite file or a PostgreSQL address, as `--db` takes it.
    let db: String
    var database: URL { URL(fileURLWithPath: db) }
    var baseURL: String { "http://127.0.0.1:\(port)" }

    convenience init(database: URL) throws { try self.init(db: database.path) }

    init(db: String) throws {
        port = try freePort()
        self.db = db
        // Holding none of the test runner's pipes, a server outliving a crashed test run cannot keep
        // `swift test` waiting for its output. (Not under `timeout`: a child of the test process
        // starts with SIGTERM blocked, and `timeout` would never pass `terminate()` on.)
        process.executableURL = try Self.executable()
        process.arguments = ["--db", db, "serve", "--host", "127.0.0.1", "--port", String(port), "--log-level", "warning"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try waitUntilAnswering()
    }

    /// Polls until the server answers: on a loaded machine it takes its lease and binds well after `run()`.
    private func waitUntilAnswering() throws {
        for _ in 0..<200 {
            let curl = Process()
            curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            curl.arguments = ["-sf", "-o", "/dev/null", "\(baseURL)/"]
            try curl.run()
            curl.waitUntilExit()
            if curl.terminationStatus == 0 { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("the server did not answer at \(baseURL)/")
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    /// The `clusterplan` built next to the test bundle (`swift build --build-tests` builds both).
    static func executable() throws -> URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("clusterplan"),
            Fixtures.repositoryRoot.appendingPathComponent(".build/debug/clusterplan"),
        ]
        return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) },
                            "build clusterplan first: swift build --build-tests")
    }
}

/// A port nothing listens on: bind port 0 and let the kernel choose.
func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
            bind(fd, raw, length) == 0 && getsockname(fd, raw, &length) == 0
        }
    }
    try #require(bound, "no free port on loopback")
    return Int(UInt16(bigEndian: address.sin_port))
}
