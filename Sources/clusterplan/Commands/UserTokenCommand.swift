import ArgumentParser
import Operations

struct UserTokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Выдать новый токен API (прежний перестаёт действовать).",
        discussion: """
        Токен печатается один раз: в базе хранится только его хэш. Запросы с заголовком \
        «Authorization: Bearer <токен>» выполняются от имени учётной записи без CSRF-токена.
        """
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "Логин.") var login: String

    func run() async throws {
        try await reportingFailures {
            print(try await AccountService(store: try store.open()).issueToken(login))
        }
    }
}
