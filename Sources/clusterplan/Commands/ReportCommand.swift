import ArgumentParser
import Operations
import Planning
import Reports

extension ReportFormat: ExpressibleByArgument {}

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Годовой отчёт: план работы и что состоялось.",
        discussion: """
        Сводка (мероприятия запланировано / проведено / отменено / перенесено / не проведено, участники, \
        охваченные школы, курсы против целевых значений), по каждому кластеру — задачи и мероприятия, \
        таблица мероприятий, показатели (план и факт), что переходит на следующий год.
        Пример: clusterplan report --year 2019/2020 --format docx --out отчёт-2019-2020.docx
        """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp("Учебный год.", valueName: "2019/2020")) var year: AcademicYear
    @Option(help: "Только этот кластер.") var cluster: String?
    @Option(help: "html (для печати, с диаграммами), md, csv (строка на мероприятие) или docx.") var format: ReportFormat
    @Option(help: "Язык подписей: ru или en.") var lang: Language = .ru
    @Option(help: "Файл; по умолчанию — стандартный вывод.") var out: String?

    func run() async throws {
        try await reportingFailures {
            let (_, snapshot) = try await store.snapshot()
            try write(try renderReport(snapshot, year: year, cluster: cluster, format: format, language: lang), to: out)
            if let out { printError("Отчёт записан: \(out)") }
        }
    }
}
