import Foundation
import PostgresStore
import Synthetic

/// `commands`: whole `clusterplan` processes, as a coordinator runs them, at country scale (40,000
/// schools, 5,000 clusters, 80,000 events in one plan file) and for the city (`plans/`). Wall time
/// and peak RSS of each process (wait4), the peak also above a bare `clusterplan --help`.
func commandBench() async throws {
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("clusterplan-command-bench-\(getpid())")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("clusterplan").path

    let district = SyntheticDistrict.make(schools: 40_000, clusters: 5_000, events: 80_000, seed: 2019)
    let plan = work.appendingPathComponent("country.yaml")
    try SyntheticDistrict.planFile(district).write(to: plan, atomically: true, encoding: .utf8)
    let size = (try FileManager.default.attributesOfItem(atPath: plan.path)[.size] as? Int) ?? 0
    let bare = try measure(binary, ["--help"]).peakMiB

    print("| command (country: 80,000 events, plan file \(size / 1_000_000) MB) | wall: median (min–max) of 3 | CPU | peak RSS | above bare | target |")
    print("|---|---|---|---|---|---|")
    let db = work.appendingPathComponent("country.sqlite").path
    let ics = work.appendingPathComponent("district.ics").path
    let steps: [(String, [String], String)] = [
        ("import", ["--db", db, "import", plan.path], "<= 3 s"),
        ("import again (unchanged)", ["--db", db, "import", plan.path], ""),
        ("schedule", ["--db", db, "schedule"], "<= 2 s"),
        ("schedule --dry-run", ["--db", db, "schedule", "--dry-run"], ""),
        ("export ics --district", ["--db", db, "export", "ics", "--district", "--out", ics], "<= 1 s, <= 64 MiB above bare"),
        ("events --format json", ["--db", db, "events", "--format", "json"], ""),
    ]
    for (name, arguments, target) in steps {
        do {
            let (run, fastest, slowest) = try medianOfThree(binary, arguments, store: db)
            print("| \(name) | \(format(run.seconds)) s (\(format(fastest))–\(format(slowest))) | \(format(run.cpuSeconds)) s "
                  + "| \(run.peakMiB) MiB | \(run.peakMiB - bare) MiB | \(target) |")
        } catch {
            print("| \(name) | failed: \(error) | | | | \(target) |")
        }
    }

    try await postgresCommandBench(binary: binary, plan: plan.path, sqlite: work.appendingPathComponent("country-again.sqlite").path)

    let cityDB = work.appendingPathComponent("city.sqlite").path
    let plans = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("plans").path
    print("\n| command (city: plans/) | wall: median (min–max) of 3 | CPU | target |")
    print("|---|---|---|---|")
    for (name, arguments) in [("import", ["--db", cityDB, "import", plans]), ("schedule", ["--db", cityDB, "schedule"]),
                              ("events", ["--db", cityDB, "events"]),
                              ("export ics --district", ["--db", cityDB, "export", "ics", "--district", "--out", ics]),
                              ("report --format html", ["--db", cityDB, "report", "--year", "2019/2020", "--format", "html",
                                                        "--out", work.appendingPathComponent("r.html").path])] {
        let runs = try? medianOfThree(binary, arguments, store: cityDB)
        print("| \(name) | \(runs.map { "\(format($0.median.seconds)) s (\(format($0.fastest))–\(format($0.slowest))) | \(format($0.median.cpuSeconds)) s" } ?? "failed | ") | < 0.1 s |")
    }
}

/// Runs a command three times on the same store: the file as the previous command left it (none
/// before the first import), copied back before each run. The median is the figure: runs of one
/// binary on this machine differ by up to 15 %, and one run was no figure to compare.
private func medianOfThree(_ program: String, _ arguments: [String], store: String) throws
    -> (median: (seconds: Double, cpuSeconds: Double, peakMiB: Int), fastest: Double, slowest: Double) {
    let before = store + ".before"
    let exists = FileManager.default.fileExists(atPath: store)
    if exists { try copy(store, to: before) }
    var runs: [(seconds: Double, cpuSeconds: Double, peakMiB: Int)] = []
    for _ in 0..<3 {
        if exists { try copy(before, to: store) } else { try? FileManager.default.removeItem(atPath: store) }
        runs.append(try measure(program, arguments))
    }
    try? FileManager.default.removeItem(atPath: before)
    let sorted = runs.sorted { $0.seconds < $1.seconds }
    return (sorted[1], sorted[0].seconds, sorted[2].seconds)
}

/// A store file as a finished process leaves it: no WAL or shared-memory file beside it.
private func copy(_ source: String, to target: String) throws {
    try? FileManager.default.removeItem(atPath: target)
    try FileManager.default.copyItem(atPath: source, toPath: target)
}

/// The country's import and schedule on PostgreSQL (the server `make bench` starts, in
/// `CLUSTERPLAN_TEST_POSTGRES`) beside the same commands on a new SQLite file, in the same run.
private func postgresCommandBench(binary: String, plan: String, sqlite: String) async throws {
    guard let server = ProcessInfo.processInfo.environment["CLUSTERPLAN_TEST_POSTGRES"] else {
        print("\n| country on PostgreSQL | skipped: no CLUSTERPLAN_TEST_POSTGRES (make bench starts a server) |")
        return
    }
    let postgres = try await PostgresStore.createDatabase(named: "bench_country_\(getpid())", server: server)
    print("\n| command (country) | SQLite wall | PostgreSQL wall | PostgreSQL / SQLite |")
    print("|---|---|---|---|")
    for (name, arguments) in [("import", ["import", plan]), ("schedule", ["schedule"])] {
        do {
            let onFile = try measure(binary, ["--db", sqlite] + arguments)
            let onServer = try measure(binary, ["--db", postgres] + arguments)
            print("| \(name) | \(format(onFile.seconds)) s | \(format(onServer.seconds)) s | \(format(onServer.seconds / onFile.seconds))x |")
        } catch {
            print("| \(name) | failed: \(error) | | |")
        }
    }
}

/// One process: wall seconds, CPU seconds (user + system, every thread) and peak resident MiB, stdout discarded.
private func measure(_ program: String, _ arguments: [String]) throws -> (seconds: Double, cpuSeconds: Double, peakMiB: Int) {
    var pid: pid_t = 0
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let start = ContinuousClock.now
    guard posix_spawn(&pid, program, &actions, nil, argv, environ) == 0 else {
        throw BenchError("cannot start \(program)")
    }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let seconds = (ContinuousClock.now - start) / .seconds(1)
    // Exit code 3 (an event without a day) still measures a whole run.
    let code = (status >> 8) & 0xFF
    guard code == 0 || code == 3 else { throw BenchError("\(arguments.joined(separator: " ")) exited with \(code)") }
    let cpu = [usage.ru_utime, usage.ru_stime].reduce(0.0) { $0 + Double($1.tv_sec) + Double($1.tv_usec) / 1e6 }
    return (seconds, cpu, usage.ru_maxrss / 1024)
}

/// A bench that cannot run: what failed, printed by the bench's caller.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

private func format(_ value: Double) -> String { String(format: "%.2f", value) }
