import Foundation
import SQLiteStore
import TestSupport
import Testing

/// `backup` and `restore` as a user runs them, next to a running `serve`.
@Suite(.serialized) struct RestoreCommandTests {
    @Test func restoreIsRefusedWhileServeRunsAndWorksAfter() async throws {
        let work = try Fixtures.temporaryDirectory()
        let database = work.appendingPathComponent("clusterplan.sqlite")
        try await TestSite.populate(try SQLiteStore.open(path: database.path))
        let copy = work.appendingPathComponent("backup.sqlite").path
        let server = try ServerProcess(database: database)
        try waitUntilAnswering("\(server.baseURL)/")

        let backup = try CommandLineRun.clusterplan(["backup", copy], database: database.path)
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(backup.stdout == "Копия базы записана: \(copy)\n")
        let refused = try CommandLineRun.clusterplan(["restore", copy], database: database.path)
        #expect(refused.status == 1)
        #expect(refused.stderr == "ошибка: база занята: её обслуживает запущенный clusterplan serve; остановите его и повторите\n")

        server.stop()
        let restored = try CommandLineRun.clusterplan(["restore", copy], database: database.path)
        #expect(restored.status == 0, "\(restored.stderr)")
        let events = try CommandLineRun.clusterplan(["events", "--cluster", "nevsky-exact", "--format", "csv"], database: database.path)
        #expect(events.stdout.split(separator: "\r\n").count == 9)
    }

    /// Polls until the server answers (it takes its lease before it listens).
    func waitUntilAnswering(_ url: String) throws {
        for _ in 0..<100 {
            let curl = Process()
            curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            curl.arguments = ["-sf", "-o", "/dev/null", url]
            try curl.run()
            curl.waitUntilExit()
            if curl.terminationStatus == 0 { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("the server did not answer at \(url)")
    }
}
