import ArgumentParser
import Clustering
import Operations
import Planning

struct GroupingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grouping",
        abstract: "Сохранить группировку школ по результатам из базы: группы, опорные площадки, школы без пары.",
        discussion: """
        Каждый запуск сохраняется новой версией с датой; её можно поправить в рабочем месте методиста \
        (/manage/support). Пример: clusterplan grouping --method 2x2 --year 2019/2020
        """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Метод: ci или 2x2.") var method: ClusteringMethod
    @Option(help: ArgumentHelp("Учебный год результатов.", valueName: "2019/2020")) var year: AcademicYear
    @Option(help: "Только этот предмет.") var subject: String?
    @OptionGroup var grouping: GroupingOptions
    @Option(help: "Кто запускает (для журнала изменений).") var login: String = "cli"

    func run() async throws {
        try await reportingFailures {
            let settings = GroupingSettings(method: method, year: year, subject: subject, capacity: grouping.capacity,
                                            options: grouping.options)
            let stored = try await SupportProgrammes.runGrouping(settings, by: Author(login: login, source: .cli), in: try store.open(),
                                                                   now: currentTime())
            print(stored.summary)
        }
    }
}
