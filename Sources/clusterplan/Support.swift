import ArgumentParser
import Foundation
import Operations
import Planning
import PostgresStore
import SQLiteStore
import Store

/// `--db`, shared by every command that uses the store; may stand before or after the command name.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Файл базы SQLite или адрес PostgreSQL (postgres://пользователь@хост:порт/база).",
                                            valueName: "path"))
    var db: String?

    var path: String {
        db ?? ProcessInfo.processInfo.environment["CLUSTERPLAN_DB"] ?? "clusterplan.sqlite"
    }

    var isPostgres: Bool { PostgresStore.isAddress(path) }

    func open() async throws(StoreError) -> any DistrictStore & StoreTables { try await Self.open(path) }

    /// The store a `--db` value (or `migrate --to`) names: a PostgreSQL address or a SQLite file.
    static func open(_ path: String) async throws(StoreError) -> any DistrictStore & StoreTables {
        PostgresStore.isAddress(path) ? try await PostgresStore.open(url: path) : try SQLiteStore.open(path: path)
    }

    /// The SQLite store, for what only a file has (`backup`, `restore`).
    func openFile(for command: String) throws -> SQLiteStore {
        try refusePostgres(command)
        return try SQLiteStore.open(path: path)
    }

    func refusePostgres(_ command: String) throws {
        guard !isPostgres else {
            throw Failure("\(command) работает с файлом SQLite; для PostgreSQL используйте pg_dump или «clusterplan migrate --to FILE»")
        }
    }

    /// `--out` must not name the store or its WAL files: writing there would destroy the data.
    func refuseOverwrite(_ out: String) throws {
        func resolved(_ p: String) -> String { URL(fileURLWithPath: p).resolvingSymlinksInPath().standardizedFileURL.path }
        let target = resolved(out)
        if [path, path + "-wal", path + "-shm"].map(resolved).contains(target) {
            throw Failure("--out \(out): это файл базы данных; укажите другой файл")
        }
    }

    /// The stored district, or a clear error before the first import.
    func snapshot() async throws -> (any DistrictStore, DistrictSnapshot) {
        let store = try await open()
        guard let snapshot = try await store.read().snapshot else {
            throw Failure("база \(path) пуста: сначала выполните «clusterplan import plans»")
        }
        return (store, snapshot)
    }
}

/// `--bcrypt-cost`, for commands that hash passwords: `serve`, `user add`.
struct BcryptOptions: ParsableArguments {
    @Option(name: .customLong("bcrypt-cost"),
            help: ArgumentHelp("Стоимость bcrypt для новых паролей (4–31); по умолчанию $CLUSTERPLAN_BCRYPT_COST, иначе 12.",
                               valueName: "n"))
    var option: UInt8?

    var cost: UInt8 {
        option ?? ProcessInfo.processInfo.environment["CLUSTERPLAN_BCRYPT_COST"].flatMap { UInt8($0) } ?? Credentials.defaultCost
    }

    func validate() throws {
        guard Credentials.costs.contains(cost) else {
            throw ValidationError("--bcrypt-cost (или CLUSTERPLAN_BCRYPT_COST): ожидается число от 4 до 31")
        }
    }

    func service(_ store: some AccountStore) -> AccountService { AccountService(store: store, bcryptCost: cost) }
}

extension Language: ExpressibleByArgument {}

extension AcademicYear: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Runs a command body, turning user errors into one line on stderr and exit code 1.
func reportingFailures(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as Failure {
        printError(error.description)
        throw ExitCode(1)
    } catch let error as FieldProblems {
        for problem in error.problems { printError("ошибка: \(problem.message)") }
        throw ExitCode(1)
    } catch let error as StoreError {
        printError("ошибка: \(error.description)")
        throw ExitCode(1)
    } catch let error as UnknownID {
        printError(error.description)
        throw ExitCode(1)
    }
}

/// Who runs the command, for the audit log: `$USER`, else "cli".
func currentUser() -> String {
    let name = ProcessInfo.processInfo.environment["USER"] ?? ""
    return name.isEmpty ? "cli" : name
}
