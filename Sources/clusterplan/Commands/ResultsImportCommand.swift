import ArgumentParser
import Operations

struct ResultsImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Добавить или обновить результаты из CSV (столбцы как у cluster-schools).")

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("CSV с результатами по школам.", valueName: "file")) var file: String

    func run() async throws {
        try await reportingFailures {
            let summary = try await SupportProgrammes.importResults(file: file, in: try store.open())
            print("\(file): \(summary.line)")
        }
    }
}
