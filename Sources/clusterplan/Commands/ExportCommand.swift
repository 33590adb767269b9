import ArgumentParser
import Operations
import ICal
import Planning

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Выгрузить данные для других программ.",
        subcommands: [ICS.self]
    )

    struct ICS: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ics",
            abstract: "Календарь iCalendar (.ics) района, кластера или школы.",
            discussion: """
            Повторная выгрузка без изменений даёт тот же файл байт в байт. Мероприятия без даты в календарь \
            не попадают — их список выводится в stderr (назначьте даты: clusterplan schedule).
            """
        )

        @OptionGroup var store: StoreOptions
        @Option(help: "Календарь кластера.") var cluster: String?
        @Option(help: "Календарь школы: мероприятия, где она площадка или участник.") var school: String?
        @Flag(help: "Календарь всего района.") var district = false
        @Option(help: "Файл; по умолчанию — стандартный вывод.") var out: String?
        @Option(help: ArgumentHelp("Адрес сайта для ссылок URL на страницы мероприятий.", valueName: "url")) var baseURL: String?
        @Option(help: ArgumentHelp("Как часто клиентам обновлять календарь (длительность iCalendar).", valueName: "PT4H"))
        var refresh = "PT4H"

        func validate() throws {
            guard [cluster != nil, school != nil, district].filter({ $0 }).count == 1 else {
                throw ValidationError("укажите ровно одно: --cluster ID, --school ID или --district")
            }
        }

        func run() async throws {
            try await reportingFailures {
                let (_, snapshot) = try await store.snapshot()
                let scope: FeedScope = cluster.map(FeedScope.cluster) ?? school.map(FeedScope.school) ?? .district
                let undated = try exportFeed(snapshot, scope: scope, options: FeedOptions(baseURL: baseURL, refreshInterval: refresh),
                                             to: out)
                if !undated.isEmpty {
                    printError("без даты, не выгружено: \(undated.count) — " + undated.map(\.description).joined(separator: ", "))
                }
            }
        }
    }
}
