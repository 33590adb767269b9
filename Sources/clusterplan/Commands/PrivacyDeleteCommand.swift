import ArgumentParser
import Operations

struct PrivacyDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Удалить все регистрации и личную ленту человека по адресу почты; числа в записанных итогах сохраняются.")

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("Адрес почты, с которым регистрировались.", valueName: "EMAIL")) var email: String

    func run() async throws {
        try await reportingFailures { print(try await PrivacyRequests.delete(email: email, in: try store.open())) }
    }
}
