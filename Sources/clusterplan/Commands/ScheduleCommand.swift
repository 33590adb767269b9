import ArgumentParser
import Operations

struct ScheduleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Назначить даты и время мероприятиям без закреплённой даты.",
        discussion: """
        Учитываются рабочие дни, праздники и переносы, каникулы, занятость школ (в том числе из файлов .ics), \
        одна площадка — одно мероприятие в день, школа — не больше одного мероприятия в день, порядок номеров \
        в кластере и интервал между мероприятиями. Уже назначенные и по-прежнему допустимые даты не меняются.
        Код выхода 3: не для всех мероприятий нашёлся день (см. --explain).
        """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Только этот кластер; даты остальных не меняются.") var cluster: String?
    @Flag(help: "Показать результат, ничего не записывая.") var dryRun = false
    @Flag(help: "Объяснить выбор дня для каждого мероприятия.") var explain = false

    func run() async throws {
        try await reportingFailures {
            let run = try await ScheduleRun.run(try store.open(), cluster: cluster, dryRun: dryRun, now: currentTime())
            print(run.text(explain: explain))
            if !run.isFeasible { throw ExitCode(3) }
        }
    }
}
