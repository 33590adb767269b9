import Foundation
import Logging
import Operations
import Planning
import Server
import ServiceLifecycle
import SQLiteStore
import TestSupport
import Testing

/// Real-browser flows (`Tests/Browser/<flow>.py`, Selenium driving Debian's headless Chromium)
/// against the real server, started in this process over a temporary store of the seed plans.
@Suite struct BrowserTests {
    @Test func publicPagesFitPhoneAndDesktopWidthsAndPrint() async throws {
        let run = try await BrowserHarness.run("pages.py")
        guard let run else { return }
        // Eight pages at two widths, and the printed calendar at 1280.
        #expect(run.screenshots.count == 17, "\(run.output)")
        for png in run.screenshots {
            let image = try Data(contentsOf: URL(fileURLWithPath: png))
            #expect(image.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(png) is not a PNG")
        }
    }

    /// Tests/Browser/workspace.py: sign in, edit a month, preview and publish, record an outcome,
    /// the feed over HTTP, and another cluster's coordinator refused.
    @Test func aCoordinatorEditsPublishesAndRecordsInTheBrowser() async throws {
        let run = try await BrowserHarness.run("workspace.py") { store in
            let accounts = AccountService(store: store, bcryptCost: 4)
            let district = try await store.snapshot().district
            for (login, cluster) in [("coordinator", "nevsky-exact"), ("kirov-coordinator", "kirov-1")] {
                _ = try await accounts.add(Account(login: login, role: .coordinator, clusters: [cluster]), password: "Планёрка-2020!",
                                           in: district)
            }
            _ = try await accounts.add(Account(login: "methodist", role: .methodist), password: "Планёрка-2020!", in: district)
        }
        guard let run else { return }
        // Nine workspace pages at two widths.
        #expect(run.screenshots.count == 18, "\(run.output)")
    }

    /// Tests/Browser/registration.py: a teacher registers on an event page, the coordinator checks
    /// them in and records the event held, and the report counts one participant more.
    @Test func aTeacherRegistersAndAttendanceCountsInTheReport() async throws {
        let run = try await BrowserHarness.run("registration.py") { store in
            let accounts = AccountService(store: store, bcryptCost: 4)
            _ = try await accounts.add(Account(login: "coordinator", role: .coordinator, clusters: ["nevsky-exact"]),
                                       password: "Планёрка-2020!", in: try await store.snapshot().district)
        }
        guard let run else { return }
        // Five pages at two widths.
        #expect(run.screenshots.count == 10, "\(run.output)")
        #expect(run.output.contains("participants: "), "\(run.output)")
    }
}

/// Starts `buildApplication` on a free loopback port over a temporary SQLite store (the seed plans
/// imported and scheduled), runs one flow script with `--base-url` and `--out`, and stops the server.
/// A new flow is a new script in Tests/Browser that ends with `harness.main(flow)`, and a test
/// calling `BrowserHarness.run("<flow>.py")`.
enum BrowserHarness {
    struct Run {
        /// Where the script saved its screenshots and PDFs.
        var directory: URL
        var screenshots: [String]
        var output: String
    }

    /// The day the server believes it is: inside seed 003's plan, so pages have events ahead.
    static let today = LocalDate(year: 2020, month: 1, day: 10)!

    /// nil when the browser tools are missing outside CI (the test is then skipped with a warning);
    /// a failed flow is a recorded issue listing every problem the script found.
    /// `setUp` runs on the populated store before the server starts (accounts for a workspace flow).
    static func run(_ script: String, extra: [String] = [],
                    setUp: (SQLiteStore) async throws -> Void = { _ in }) async throws -> Run? {
        let work = try Fixtures.temporaryDirectory()
        let database = try SQLiteStore.open(path: work.appendingPathComponent("clusterplan.sqlite").path)
        try await TestSite.populate(database, extra: extra)
        try await setUp(database)
        let arguments = Arguments(port: try freePort())
        let app = try buildApplication(arguments, store: database, today: { _ in today })
        let out = work.appendingPathComponent("browser")
        // Shut down gracefully at the end: cancelling the task instead makes Hummingbird log errors.
        let services = ServiceGroup(configuration: .init(services: [app], logger: Logger(label: "browser-test")))
        // The server's tasks run on a thread of their own: other tests block the shared pool's few
        // threads in `waitUntilExit` (LibreOffice, vdirsyncer) for many seconds, which starved it.
        let executor = ThreadExecutor()
        defer { executor.stop() }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask(executorPreference: executor) { try await services.run() }
            defer { Task { await services.triggerGracefulShutdown() } }
            let (status, output) = try await python(script, ["--base-url", "http://127.0.0.1:\(arguments.port)", "--out", out.path],
                                                    log: work.appendingPathComponent("browser.log"))
            if status == 77 {
                let message = "skipped: \(script) needs chromium, chromium-driver and selenium (\(output.trimmingCharacters(in: .whitespacesAndNewlines)))"
                if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record(Comment(rawValue: message)) } else {
                    Issue.record(Comment(rawValue: message), severity: .warning)
                }
                return nil
            }
            #expect(status == 0, "\(script) failed:\n\(output)")
            let screenshots = output.split(separator: "\n").compactMap { line in
                line.hasPrefix("screenshot: ") ? String(line.dropFirst("screenshot: ".count)) : nil
            }
            print("browser: \(script): \(screenshots.count) screenshots in \(out.path)")
            return Run(directory: out, screenshots: screenshots, output: output)
        }
    }

    /// Runs `Tests/Browser/<script>` to its end without holding a thread; stdout and stderr go to `log`.
    static func python(_ script: String, _ arguments: [String], log: URL) async throws -> (Int32, String) {
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // -B: no __pycache__ left in the tree.
        process.arguments = ["python3", "-B", Fixtures.repositoryRoot.appendingPathComponent("Tests/Browser/\(script)").path] + arguments
        process.standardOutput = handle
        process.standardError = handle
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        try handle.close()
        return (status, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }

    struct Arguments: AppArguments {
        var host = "127.0.0.1"
        var port: Int
        var baseURL: String? { "http://127.0.0.1:\(port)" }
        var refresh = "PT4H"
        var logLevel = Logger.Level.warning
    }
}

/// A task executor with one thread of its own, for the server under test.
final class ThreadExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var stopped = false

    init() {
        let thread = Thread { [self] in run() }
        thread.name = "browser-test-server"
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.withLock {
            jobs.append(job)
            condition.signal()
        }
    }

    /// Lets the thread end once the queue is empty.
    func stop() {
        condition.withLock {
            stopped = true
            condition.signal()
        }
    }

    private func run() {
        while true {
            let next: UnownedJob? = condition.withLock {
                while jobs.isEmpty && !stopped { condition.wait() }
                return jobs.isEmpty ? nil : jobs.removeFirst()
            }
            guard let next else { return }
            next.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
