import ArgumentParser
import Operations
import PlanFiles
import Planning

struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Проверить файлы плана, ничего не записывая.",
        discussion: """
        Все ошибки сразу, по одной строке «файл:строка:столбец: сообщение»; файлы занятости .ics \
        проверяются libical. Код выхода 1 при любой ошибке.
        """
    )

    @Argument(help: "Файлы или каталоги плана.") var paths: [String]

    func run() async throws {
        let district: District
        do throws(PlanLoadError) {
            district = try PlanLoader.load(paths: paths)
        } catch {
            error.diagnostics.forEach { printError($0.description) }
            printError("Найдено ошибок: \(error.diagnostics.count)")
            throw ExitCode(1)
        }
        try await reportingFailures { _ = try district.readingBusyCalendars() }
        print("Ошибок нет: школ \(district.schools.count), кластеров \(district.clusters.count), мероприятий \(district.events.count).")
    }
}
