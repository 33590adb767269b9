import ArgumentParser
import Operations

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Загрузить файлы плана в базу.",
        discussion: """
        Файлы или каталоги (все *.yaml/*.yml внутри). Всё проверяется до записи: при любой ошибке база \
        не меняется. Повторная загрузка тех же файлов ничего не меняет; мероприятие, исчезнувшее из плана, \
        остаётся в базе со статусом «исключено из плана» (в календарях — отменено).
        """
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "Файлы или каталоги плана.") var paths: [String]

    func run() async throws {
        try await reportingFailures {
            let district = try PlanCheck(paths: paths).checked()
            let summary = try await store.open().importDistrict(district, now: currentTime())
            print(ImportReport.text(summary, district: district))
        }
    }
}
