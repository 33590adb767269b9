import ArgumentParser
import Planning
import Scheduler
import Store

struct ScheduleCommand: ParsableCommand {
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

    func run() throws {
        try reportingFailures {
            let (database, snapshot) = try store.snapshot()
            if let cluster, snapshot.district.cluster(cluster) == nil { throw Failure("неизвестный кластер «\(cluster)»") }
            guard budget.isFinite, budget >= 0 else { throw Failure("--budget: нужно неотрицательное число секунд, а не \(budget)") }
            let day: LocalDate
            if let todayText {
                guard let parsed = LocalDate(iso: todayText) else { throw Failure("--today: нужна дата ГГГГ-ММ-ДД, а не «\(todayText)»") }
                day = parsed
            } else {
                day = today(in: snapshot.district.timezone)
            }
            var request = try request(snapshot, pins: try database.postponements())
            request.today = day
            request.searchSteps = ScheduleRequest.steps(seconds: budget)
            let result = schedule(request)
            print(ScheduleReport.text(result, snapshot: snapshot, explain: explain))
            if !dryRun {
                let changed = try database.applySchedule(changes(result, snapshot: snapshot), now: currentTime())
                print(changed.isEmpty ? "База не изменилась." : "Записано изменений: \(changed.count).")
            } else {
                print("Пробный запуск (--dry-run): база не изменена.")
            }
            switch result.completeness {
            case .complete: break
            case .impossible: throw ExitCode(3)
            case .undecided: throw ExitCode(4)
            }
        }
    }

    private func request(_ snapshot: DistrictSnapshot, pins: [EventID: LocalDate]) throws -> ScheduleRequest {
        var previous: [EventID: Placement] = [:]
        var fixed: Set<EventID> = []
        for e in snapshot.events {
            if let date = e.state.date {
                previous[e.id] = Placement(date: date, start: e.state.start ?? e.event.start ?? snapshot.district.calendar.defaultStart)
            }
            switch e.state.status {
            case .held, .cancelled, .removed: fixed.insert(e.id)
            case .planned, .scheduled, .postponed: break
            }
        }
        return ScheduleRequest(district: try snapshot.district.readingBusyCalendars(), previous: previous, pinned: pins,
                               fixed: fixed, onlyCluster: cluster)
    }

    /// Only decisions that give an event a new day or time reach the store.
    private func changes(_ result: ScheduleResult, snapshot: DistrictSnapshot) -> [ScheduleChange] {
        let states = Dictionary(uniqueKeysWithValues: snapshot.events.map { ($0.id, $0.state) })
        return result.events.compactMap { e in
            guard case .fixed = e.decision else {
                let placement = e.decision.placement
                let state = states[e.id]
                guard state?.date != placement?.date || (placement != nil && state?.start != placement?.start) else { return nil }
                return ScheduleChange(id: e.id, date: placement?.date, start: placement?.start)
            }
            return nil
        }
    }
}

enum ScheduleReport {
    static func text(_ result: ScheduleResult, snapshot: DistrictSnapshot, explain: Bool) -> String {
        var lines: [String] = []
        var counts = (placed: 0, moved: 0, kept: 0, unplaced: 0)
        for e in result.events {
            let line: String
            switch e.decision {
            case .placed(let p): counts.placed += 1; line = "назначено  \(e.id): \(format(p))"
            case .moved(let from, let to): counts.moved += 1; line = "перенесено \(e.id): \(format(from)) → \(format(to))"
            case .kept(let p): counts.kept += 1; line = "без изменений \(e.id): \(format(p))"
            case .pinned(let p): counts.kept += 1; line = "закреплено \(e.id): \(format(p))"
            case .fixed(let p): line = "не трогаем \(e.id)" + (p.map { ": \(format($0))" } ?? "")
            case .unplaced: counts.unplaced += 1; line = "НЕ НАЗНАЧЕНО \(e.id): нет подходящего дня"
            }
            if explain || e.decision == .unplaced || isNew(e.decision) { lines.append(line) }
            if explain || e.decision == .unplaced { lines += e.explanation.lines.map { "    " + $0 } }
        }
        lines += result.orderWarnings.map { "внимание: " + $0 }
        for set in result.conflicts { lines += set.lines }
        if result.completeness == .undecided {
            lines.append("не удалось доказать, что расписание невозможно: время поиска (--budget) истекло; назначено то, что нашлось")
        }
        lines.append("Итого: назначено \(counts.placed), перенесено \(counts.moved), без изменений \(counts.kept), "
                     + "не назначено \(counts.unplaced).")
        return lines.joined(separator: "\n")
    }

    private static func isNew(_ d: Decision) -> Bool {
        switch d {
        case .placed, .moved: true
        default: false
        }
    }

    static func format(_ p: Placement) -> String { "\(p.date.weekday.russianShort) \(p.date.russian) \(p.start)" }
}
