import ArgumentParser
import Operations

struct PrivacyExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Все данные человека по адресу почты, в JSON (на стандартный вывод).")

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("Адрес почты, с которым регистрировались.", valueName: "EMAIL")) var email: String

    func run() async throws {
        try await reportingFailures {
            print(String(decoding: try await PrivacyRequests.export(email: email, in: try store.open()), as: UTF8.self))
        }
    }
}
