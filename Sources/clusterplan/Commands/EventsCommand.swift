import ArgumentParser
import Operations
import Planning

extension EventListFormat: ExpressibleByArgument {}

struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Список мероприятий с датами и статусами.",
        discussion: """
        Фильтры сочетаются: --cluster nevsky-exact --year 2019/2020. Таблица — для чтения (по-русски или по-английски); \
        csv и json — коды и даты ISO; json совпадает с /api/events.
        """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Только мероприятия этого кластера.") var cluster: String?
    @Option(help: "Только мероприятия, где школа — площадка или участник.") var school: String?
    @Option(help: ArgumentHelp("Только этот учебный год.", valueName: "2019/2020")) var year: AcademicYear?
    @Option(help: "Вид вывода.") var format: EventListFormat = .table
    @Option(help: "Язык заголовков и статусов таблицы.") var lang: Language = .ru

    func run() async throws {
        try await reportingFailures {
            let (_, snapshot) = try await store.snapshot()
            let text = try listEvents(snapshot, query: EventQuery(cluster: cluster, school: school, year: year), format: format,
                                      language: lang)
            print(text, terminator: "")
        }
    }
}
