import Planning
import PlanFiles
import TestSupport
import Testing

@Suite struct OutcomeValidationTests {
    let snapshot: DistrictSnapshot
    let today = LocalDate(iso: "2020-06-01")!
    let first = EventID(cluster: "nevsky-exact", number: 1)

    init() throws {
        let district = try PlanLoader.load(paths: [Fixtures.plansDirectory.path])
        snapshot = DistrictSnapshot(district: district, events: district.events.map {
            EventSnapshot(event: $0, state: EventState(lastModified: 0))
        })
    }

    @Test func aPlausibleHeldEventHasNoProblems() {
        let entry = OutcomeEntry.held(on: LocalDate(iso: "2019-10-17")!, participants: 42, schools: ["344", "498"],
                                      note: nil, products: nil)
        #expect(entry.problems(for: first, in: snapshot, today: today).isEmpty)
    }

    @Test func everyProblemIsListed() {
        let entry = OutcomeEntry.held(on: LocalDate(iso: "2020-09-03")!, participants: -5, schools: ["344", "221", "0", "344"],
                                      note: nil, products: nil)
        #expect(entry.problems(for: first, in: snapshot, today: today) == [
            "--held 2020-09-03: вне учебного года 2019/2020 мероприятия nevsky-exact/1",
            "--held 2020-09-03: дата ещё не наступила (сегодня 2020-06-01)",
            "--participants -5: число участников не может быть отрицательным",
            "--schools: школа «221» не из района «Невский район Санкт-Петербурга»",
            "--schools: неизвестная школа «0»",
            "--schools: школа «344» указана дважды",
        ])
    }

    @Test(arguments: [
        (OutcomeEntry.postponed(to: LocalDate(iso: "2020-01-01")!), "--postponed 2020-01-01: праздник (Новогодние каникулы)"),
        (.postponed(to: LocalDate(iso: "2019-11-09")!), "--postponed 2019-11-09: выходной день"),
        (.cancelled(reason: "  "), "--cancelled: укажите причину отмены"),
    ])
    func badEntriesAreRefused(entry: OutcomeEntry, message: String) {
        #expect(entry.problems(for: first, in: snapshot, today: today) == [message])
    }

    @Test func unknownEventIsOneProblem() {
        let entry = OutcomeEntry.cancelled(reason: "нет")
        #expect(entry.problems(for: EventID(cluster: "nevsky-exact", number: 5), in: snapshot, today: today)
                == ["неизвестное мероприятие «nevsky-exact/5» (есть: nevsky-exact/1, nevsky-exact/2, nevsky-exact/3, "
                    + "nevsky-exact/4, nevsky-exact/6, nevsky-exact/7, nevsky-exact/8, nevsky-exact/9)"])
        #expect(entry.problems(for: EventID(cluster: "nevsky-exakt", number: 1), in: snapshot, today: today)
                == ["неизвестное мероприятие «nevsky-exakt/1»; может быть, «nevsky-exact/1»?"])
    }
}
