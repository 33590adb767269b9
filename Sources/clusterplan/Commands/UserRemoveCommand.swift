import ArgumentParser

struct UserRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Удалить учётную запись вместе с её сеансами и токеном API.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Логин.") var login: String

    func run() async throws {
        try await reportingFailures {
            try await store.open().removeAccount(login)
            print("Учётная запись «\(login)» удалена.")
        }
    }
}
