import ArgumentParser
import Operations
import PlanFiles
import Planning
import Store

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
        let district: District
        do throws(PlanLoadError) {
            district = try PlanLoader.load(paths: paths)
        } catch {
            error.diagnostics.forEach { printError($0.description) }
            throw ExitCode(1)
        }
        try await reportingFailures {
            // A broken busy calendar is refused now, not at the first `schedule`.
            _ = try district.readingBusyCalendars()
            let summary = try await store.open().importDistrict(district, now: currentTime())
            print(ImportReport.text(summary, district: district))
        }
    }
}

enum ImportReport {
    static func text(_ s: ImportSummary, district: District) -> String {
        let events = district.events.count
        var lines = ["План: \(district.name) — школ: \(district.schools.count), кластеров: \(district.clusters.count), мероприятий: \(events)."]
        if s.isEmpty {
            lines.append("Без изменений: база уже совпадает с файлами плана.")
            return lines.joined(separator: "\n")
        }
        func line(_ title: String, _ c: ImportSummary.Change) {
            for (verb, ids) in [("добавлены", c.added), ("изменены", c.updated), ("исключены", c.removed)] where !ids.isEmpty {
                // A first import of a city lists hundreds of ids: a count says more.
                lines.append("\(title) \(verb): " + (ids.count > 12 ? "\(ids.count)" : ids.joined(separator: ", ")))
            }
        }
        line("Школы", s.schools)
        line("Кластеры", s.clusters)
        line("Мероприятия", s.events)
        if !s.restoredEvents.isEmpty {
            lines.append("Мероприятия возвращены в план: " + s.restoredEvents.map(\.description).joined(separator: ", "))
        }
        if s.calendarChanged { lines.append("Календарь обновлён.") }
        if s.coursesChanged { lines.append("Курсы обновлены.") }
        return lines.joined(separator: "\n")
    }
}
