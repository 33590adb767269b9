import ArgumentParser
import Operations
import Planning

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Загрузить файлы плана в базу.",
        discussion: """
        Файлы или каталоги (все *.yaml/*.yml внутри). Всё проверяется до записи: при любой ошибке база \
        не меняется. Повторная загрузка тех же файлов ничего не меняет; мероприятие, исчезнувшее из плана, \
        остаётся в базе со статусом «исключено из плана» (в календарях — отменено). Заменяются только \
        кластеры и школы из этих файлов: остальные (созданные на сайте или из других файлов) остаются. \
        Если кластер из файлов изменён на сайте после последнего импорта, импорт перечисляет эти правки \
        и требует --force.
        """
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "Файлы или каталоги плана.") var paths: [String]
    @Flag(help: "Заменить файлами и правки, сделанные на сайте после последнего импорта.") var force = false

    func run() async throws {
        try await reportingFailures {
            let district = try PlanCheck(paths: paths).checked()
            let summary = try await PlanImport.run(district, force: force, by: Author(login: currentUser(), source: .import),
                                                   in: try store.open(), now: currentTime())
            print(ImportReport.text(summary, district: district))
        }
    }
}
