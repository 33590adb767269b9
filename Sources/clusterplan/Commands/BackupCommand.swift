import ArgumentParser
import Operations

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Согласованная копия базы, в том числе во время работы serve.",
        discussion: """
        Копирование файла базы во время работы сервера теряет то, что ещё в журнале WAL; эта команда \
        делает полную копию средствами SQLite (VACUUM INTO). Файл не должен существовать.
        Восстановление: clusterplan restore FILE (при остановленном serve).
        """
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("Файл копии.", valueName: "file")) var file: String

    func run() async throws {
        try await reportingFailures {
            try await store.openFile(for: "backup").backup(to: file)
            print("Копия базы записана: \(file)")
        }
    }
}
