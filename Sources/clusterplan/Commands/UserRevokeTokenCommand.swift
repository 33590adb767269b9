import ArgumentParser
import Operations

struct UserRevokeTokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke-token", abstract: "Отозвать токен API учётной записи.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Логин.") var login: String

    func run() async throws {
        try await reportingFailures {
            let revoked = try await AccountService(store: try store.open()).revokeToken(login)
            print(revoked ? "Токен «\(login)» отозван." : "У «\(login)» не было токена.")
        }
    }
}
