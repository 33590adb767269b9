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
        Если жадного прохода мало, поиск переставляет другие мероприятия; опубликованные даты переносятся, \
        только когда без этого расписания нет, и как можно меньше. Прошедшие даты не переносятся.
        Код выхода 3: доказано, что назначить все мероприятия нельзя (выводится наименьший набор условий, \
        которые вместе это запрещают). Код выхода 4: за отведённое время (--budget) не удалось ни назначить \
        все мероприятия, ни доказать, что это невозможно.
        """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Только этот кластер; даты остальных не меняются.") var cluster: String?
    @Flag(help: "Показать результат, ничего не записывая.") var dryRun = false
    @Flag(help: "Объяснить выбор дня для каждого мероприятия.") var explain = false
    @Option(help: "Время на поиск расписания после первого прохода, секунды (по умолчанию 2; считается в шагах поиска, поэтому результат одинаков на любой машине).")
    var budget: Double = 2
    @Option(name: .customLong("today"), help: "Сегодняшняя дата ГГГГ-ММ-ДД: мероприятия с прошедшими датами не переносятся (по умолчанию — сегодня).")
    var todayText: String?

    func run() async throws {
        try await reportingFailures {
            let run = try await ScheduleRun.run(try store.open(), cluster: cluster, dryRun: dryRun, now: currentTime(),
                                                today: todayText, budgetSeconds: budget)
            print(run.text(explain: explain))
            if run.exitCode != 0 { throw ExitCode(run.exitCode) }
        }
    }
}
