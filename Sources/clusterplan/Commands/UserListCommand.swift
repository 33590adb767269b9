import ArgumentParser
import Operations

struct UserListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Учётные записи: логин, роль, кластеры, школа.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var store: StoreOptions
    @Option(help: "Вид вывода.") var format: Format = .table

    func run() async throws {
        try await reportingFailures {
            print(try renderAccounts(try await store.open().accounts(), json: format == .json), terminator: "")
        }
    }
}
