import ArgumentParser
import Operations
import Planning
import Reports

extension ReportFormat: ExpressibleByArgument {}
extension CSVDialect: ExpressibleByArgument {}

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
    @Option(help: "CSV: excel (UTF-8 с BOM и «;», для русского Excel) или rfc4180 (без BOM, «,»).")
    var csvDialect: CSVDialect = .excel
    @Option(help: "Файл; по умолчанию — стандартный вывод.") var out: String?
    @Option(help: ArgumentHelp("Версия методиста: с разделом «Адресная поддержка» по этой группировке (clusterplan grouping).",
                               valueName: "n"))
    var support: Int?

    func run() async throws {
        try await reportingFailures {
            if let out { try store.refuseOverwrite(out) }
            let (database, snapshot) = try await store.snapshot()
            var section: SupportSection?
            if let support {
                let grouping = try await SupportProgrammes.storedGrouping(support, in: database)
                section = SupportProgrammes.reportSection(grouping, try await SupportProgrammes.monitoring(grouping, in: database))
            }
            try write(try renderReport(snapshot, year: year, cluster: cluster, format: format, language: lang,
                                       csvDialect: csvDialect, support: section), to: out)
            if let out { printError("Отчёт записан: \(out)") }
        }
    }
}
