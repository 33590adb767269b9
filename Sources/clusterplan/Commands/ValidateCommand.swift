import ArgumentParser
import Operations

struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Проверить файлы плана, ничего не записывая.",
        discussion: """
        Все ошибки сразу, по одной строке «файл:строка:столбец: сообщение», в том числе файлов занятости .ics \
        (их проверяет libical). Код выхода 1 при любой ошибке.
        """
    )

    @Argument(help: "Файлы или каталоги плана.") var paths: [String]

    func run() async throws {
        let check = PlanCheck(paths: paths)
        guard check.problems.isEmpty else {
            check.problems.forEach(printError)
            printError("Найдено ошибок: \(check.problems.count)")
            throw ExitCode(1)
        }
        let d = check.district
        print("Ошибок нет: школ \(d.schools.count), кластеров \(d.clusters.count), мероприятий \(d.eventCount).")
    }
}
