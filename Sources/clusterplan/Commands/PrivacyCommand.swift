import ArgumentParser

struct PrivacyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privacy",
        abstract: "Персональные данные зарегистрированных (152-ФЗ): выгрузить или удалить по адресу почты.",
        subcommands: [PrivacyExportCommand.self, PrivacyDeleteCommand.self]
    )
}
