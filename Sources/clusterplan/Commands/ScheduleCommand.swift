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
        Код выхода 3: не для всех мероприятий нашёлся день (см. --explain).
        """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Только этот кластер; даты остальных не меняются.") var cluster: String?
    @Flag(help: "Показать результат, ничего не записывая.") var dryRun = false
    @Flag(help: "Объяснить выбор дня для каждого мероприятия.") var explain = false

    func run() throws {
        try reportingFailures {
            let (database, snapshot) = try store.snapshot()
            if let cluster, snapshot.district.cluster(cluster) == nil { throw Failure("неизвестный кластер «\(cluster)»") }
            let result = schedule(try request(snapshot, pins: try database.postponements()))
            print(ScheduleReport.text(result, snapshot: snapshot, explain: explain))
            if !dryRun {
                let changed = try database.applySchedule(changes(result, snapshot: snapshot), now: currentTime())
                print(changed.isEmpty ? "База не изменилась." : "Записано изменений: \(changed.count).")
            } else {
                print("Пробный запуск (--dry-run): база не изменена.")
            }
            if !result.isFeasible { throw ExitCode(3) }
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
        return ScheduleRequest(district: snapshot.district, previous: previous, pinned: pins,
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
