import ArgumentParser
import PlanFiles

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Проверить файлы плана, ничего не записывая.",
        discussion: "Все ошибки сразу, по одной строке «файл:строка:столбец: сообщение». Код выхода 1 при любой ошибке."
    )

    @Argument(help: "Файлы или каталоги плана.") var paths: [String]

    func run() throws {
        do throws(PlanLoadError) {
            let district = try PlanLoader.load(paths: paths)
            print("Ошибок нет: школ \(district.schools.count), кластеров \(district.clusters.count), мероприятий \(district.events.count).")
        } catch {
            error.diagnostics.forEach { printError($0.description) }
            printError("Найдено ошибок: \(error.diagnostics.count)")
            throw ExitCode(1)
        }
    }
}
