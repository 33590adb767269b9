import ArgumentParser
import Operations
import Foundation
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
    @Option(help: ArgumentHelp("Учебный год.", valueName: "2019/2020")) var year: String
    @Option(help: "Только этот кластер.") var cluster: String?
    @Option(help: "html (для печати, с диаграммами), md, csv (строка на мероприятие) или docx.") var format: ReportFormat
    @Option(help: "Язык подписей: ru или en.") var lang: Language = .ru
    @Option(help: "Файл; по умолчанию — стандартный вывод.") var out: String?

    func validate() throws {
        guard AcademicYear(year) != nil else { throw ValidationError("--year: ожидается учебный год вида 2019/2020, а не «\(year)»") }
    }

    func run() async throws {
        try await reportingFailures {
            guard let academicYear = AcademicYear(year) else { throw Failure("--year: ожидается учебный год вида 2019/2020") }
            let (_, snapshot) = try await store.snapshot()
            let data: Data
            do {
                let report = try buildReport(snapshot, year: academicYear, cluster: cluster,
                                             today: localToday(in: snapshot.district.timezone))
                data = try render(report, as: format, language: lang)
            } catch let error as ReportError {
                switch error {
                case .unknownCluster(let id): throw Failure("неизвестный кластер «\(id)»")
                }
            } catch {
                throw Failure("не удалось построить отчёт: \(error)")
            }
            if let out {
                do {
                    try data.write(to: URL(fileURLWithPath: out), options: .atomic)
                } catch {
                    throw Failure("\(out): не удалось записать файл")
                }
                printError("Отчёт записан: \(out)")
            } else {
                FileHandle.standardOutput.write(data)
            }
        }
    }
}
