import ArgumentParser
import Foundation
import Planning
import Store

/// `--db`, shared by every command that uses the store; may stand before or after the command name.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Файл базы SQLite.", valueName: "path"))
    var db: String?

    var path: String {
        db ?? ProcessInfo.processInfo.environment["CLUSTERPLAN_DB"] ?? "clusterplan.sqlite"
    }

    func open() throws -> AppDatabase { try AppDatabase.open(path: path) }

    /// `--out` must not name the store or its WAL files: writing there would destroy the data.
    func refuseOverwrite(_ out: String) throws {
        func resolved(_ p: String) -> String { URL(fileURLWithPath: p).resolvingSymlinksInPath().standardizedFileURL.path }
        let target = resolved(out)
        if [path, path + "-wal", path + "-shm"].map(resolved).contains(target) {
            throw Failure("--out \(out): это файл базы данных; укажите другой файл")
        }
    }

    /// The stored district, or a clear error before the first import.
    func snapshot() throws -> (AppDatabase, DistrictSnapshot) {
        let database = try open()
        guard let snapshot = try database.snapshot() else {
            throw Failure("база \(path) пуста: сначала выполните «clusterplan import plans»")
        }
        return (database, snapshot)
    }
}

enum OutputLanguage: String, ExpressibleByArgument, CaseIterable {
    case ru, en
}

/// A one-line user error: printed to stderr without a stack or type name, exit code 1.
struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Unix seconds now: the moment stamped on changes this command makes.
func currentTime() -> Int64 { Int64(Date().timeIntervalSince1970) }

/// The local calendar day in the plan's time zone.
func today(in timezone: String) -> LocalDate {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: timezone) ?? TimeZone(identifier: "Europe/Moscow")!
    let c = calendar.dateComponents([.year, .month, .day], from: Date())
    return LocalDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? LocalDate(daysSinceEpoch: 0)
}

/// Runs a command body, turning user errors into one line on stderr and exit code 1.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as Failure {
        printError("ошибка: \(error.description)")
        throw ExitCode(1)
    } catch let error as StoreError {
        printError("ошибка: \(error.description)")
        throw ExitCode(1)
    }
}
