import ArgumentParser
import Store

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Копирует базу в другую: SQLite в PostgreSQL или обратно.",
        discussion: """
        Переносит каждую таблицу базы --db (учётные записи, сессии, журнал, регистрации и почту тоже) \
        в пустую базу --to и сравнивает обе таблица за таблицей. Пример: \
        clusterplan --db clusterplan.sqlite migrate --to postgres://clusterplan@localhost:5432/district
        """
    )

    @OptionGroup var store: StoreOptions
    @Option(name: .customLong("to"), help: ArgumentHelp("Пустая база назначения: адрес PostgreSQL или новый файл SQLite.",
                                                        valueName: "db"))
    var target: String

    func validate() throws {
        if target == store.path { throw ValidationError("--to: это та же база, что и --db") }
    }

    func run() async throws {
        try await reportingFailures {
            let source = try await store.open()
            let summary = try await copyTables(from: source, to: try await StoreOptions.open(target))
            for (table, count) in summary.rows where count > 0 { print("\(table): \(count)") }
            print("Перенесено строк: \(summary.total) в \(SchemaVersions.tables.count) таблицах; все таблицы совпадают с исходными.")
        }
    }
}
