import ArgumentParser
import Operations
import SQLiteStore

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Вернуть базу из копии, сделанной clusterplan backup.",
        discussion: "Копия сначала проверяется целиком. Пока работает clusterplan serve с этой базой, восстановление отклоняется."
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("Файл копии.", valueName: "file")) var file: String

    func run() async throws {
        try await reportingFailures {
            try store.refusePostgres("restore")
            try await SQLiteStore.restore(from: file, to: store.path)
            print("База восстановлена из \(file): \(store.path)")
        }
    }
}
