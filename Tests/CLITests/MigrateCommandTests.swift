import Foundation
import TestSupport
import Testing

/// `clusterplan migrate --to`: every table copied into an empty store and compared, SQLite to
/// SQLite here, and SQLite to PostgreSQL and back where `scripts/with-postgres.sh` runs a server.
@Suite struct MigrateCommandTests {
    let cli: CommandLineStore
    let fast = ["CLUSTERPLAN_BCRYPT_COST": "4"]

    init() throws { cli = try CommandLineStore() }

    /// A store with plan, schedule, an outcome and an account: rows in most tables.
    private func seeded() throws {
        #expect(try cli.run("import", "plans").status == 0)
        #expect(try cli.run("schedule").status == 0)
        #expect(try cli.run("record", "nevsky-exact/1", "--held", "2019-10-17", "--participants", "42", "--schools", "344,498").status == 0)
        #expect(try cli.run("user", "add", "ivanova", "--role", "coordinator", "--cluster", "nevsky-exact", "--password-stdin",
                            input: "пароль-ивановой\n", environment: fast).status == 0)
    }

    private func run(_ db: String, _ arguments: String...) throws -> CommandLineRun {
        try CommandLineRun.clusterplan(["--db", db] + arguments)
    }

    @Test func aCopyHasEveryRowAndAFullTargetIsRefused() throws {
        try seeded()
        let copy = try Fixtures.temporaryDirectory().appendingPathComponent("copy.sqlite").path
        let migrated = try cli.run("migrate", "--to", copy)
        #expect(migrated.status == 0, "\(migrated.stderr)")
        #expect(migrated.stdout.contains("все таблицы совпадают"))
        #expect(migrated.stdout.contains("account: 1\n"))
        #expect(try run(copy, "events", "--format", "json").stdout == (try cli.run("events", "--format", "json").stdout))
        #expect(try run(copy, "user", "list").stdout == (try cli.run("user", "list").stdout))

        let again = try cli.run("migrate", "--to", copy)
        #expect(again.status == 1)
        #expect(again.stderr == "ошибка: база занята: в базе назначения уже есть данные (таблица meta); нужна пустая база\n")
        #expect(try cli.run("migrate", "--to", cli.database).status != 0)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["CLUSTERPLAN_TEST_POSTGRES"] != nil,
                   "CLUSTERPLAN_TEST_POSTGRES is not set: run through scripts/with-postgres.sh (make test)"))
    func sqliteToPostgreSQLAndBackKeepsEveryRow() throws {
        try seeded()
        let server = try #require(ProcessInfo.processInfo.environment["CLUSTERPLAN_TEST_POSTGRES"])
        let name = "cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let created = try ToolRun.run("/usr/bin/psql", [server, "-qc", "CREATE DATABASE \(name)"])
        try #require(created.status == 0)
        let postgres = server[..<(try #require(server.lastIndex(of: "/")))] + "/" + name
        let there = try cli.run("migrate", "--to", postgres)
        #expect(there.status == 0, "\(there.stderr)")
        #expect(there.stdout.contains("все таблицы совпадают"))
        let expected = try cli.run("events", "--format", "json").stdout
        #expect(try run(postgres, "events", "--format", "json").stdout == expected)
        // The account signs in from the copy: its password hash went across as it was.
        #expect(try run(postgres, "user", "list").stdout == (try cli.run("user", "list").stdout))

        let back = try Fixtures.temporaryDirectory().appendingPathComponent("back.sqlite").path
        let returned = try run(postgres, "migrate", "--to", back)
        #expect(returned.status == 0, "\(returned.stderr)")
        #expect(try run(back, "events", "--format", "json").stdout == expected)
    }
}
