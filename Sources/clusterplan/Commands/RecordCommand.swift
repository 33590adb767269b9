import ArgumentParser
import Operations
import Foundation
import Planning

struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Записать, что произошло с мероприятием: проведено, отменено или перенесено.",
        discussion: """
        Примеры:
          clusterplan record nevsky-exact/1 --held 2019-10-17 --participants 42 --schools 344,498,329 \\
              --note "Определены общие проблемы" --products "Сборник материалов конференции"
          clusterplan record nevsky-exact/4 --cancelled "Дистанционное обучение"
          clusterplan record nevsky-exact/2 --postponed 2020-01-16
        Перенос закрепляет новую дату (расписание её не трогает), подписчики календаря получают изменение.
        """
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("Мероприятие: кластер/номер.", valueName: "cluster/number")) var event: String
    @Option(help: ArgumentHelp("Проведено в этот день.", valueName: "YYYY-MM-DD")) var held: String?
    @Option(help: "Сколько человек участвовало (с --held).") var participants: Int?
    @Option(help: ArgumentHelp("Школы-участники через запятую (с --held).", valueName: "A,B")) var schools: String?
    @Option(help: "Примечание: что получилось (с --held).") var note: String?
    @Option(help: "Результаты и продукты: сборник материалов, рекомендации (с --held).") var products: String?
    @Option(help: ArgumentHelp("Отменено по этой причине.", valueName: "reason")) var cancelled: String?
    @Option(help: ArgumentHelp("Перенесено на этот день.", valueName: "YYYY-MM-DD")) var postponed: String?

    func validate() throws {
        guard EventID(event) != nil else { throw ValidationError("мероприятие задаётся как кластер/номер, например nevsky-exact/1") }
        let chosen = [held, cancelled, postponed].compactMap { $0 }.count
        guard chosen == 1 else { throw ValidationError("укажите ровно одно: --held, --cancelled или --postponed") }
        if held != nil, participants == nil { throw ValidationError("--held требует --participants") }
        if held == nil, participants != nil || schools != nil || note != nil || products != nil {
            throw ValidationError("--participants, --schools, --note и --products относятся к --held")
        }
    }

    func run() async throws {
        try await reportingFailures {
            guard let id = EventID(event) else { throw Failure("мероприятие задаётся как кластер/номер") }
            print(try await Operations.record(try makeEntry(), for: id, in: try store.open(), now: currentTime()))
        }
    }

    private func date(_ text: String, _ flag: String) throws -> LocalDate {
        guard let d = LocalDate(iso: text) else { throw Failure("\(flag) «\(text)»: ожидается дата ГГГГ-ММ-ДД") }
        return d
    }

    private func makeEntry() throws -> OutcomeEntry {
        if let held {
            let list = (schools ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return .held(on: try date(held, "--held"), participants: participants ?? 0, schools: list, note: note, products: products)
        }
        if let cancelled { return .cancelled(reason: cancelled) }
        return .postponed(to: try date(postponed ?? "", "--postponed"))
    }
}
