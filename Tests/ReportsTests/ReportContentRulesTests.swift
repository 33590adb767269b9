import Foundation
import Planning
import PlanFiles
import Testing
@testable import Reports

/// What a report fit to submit must say, on seed 003 (`plans/nevsky`) with its recorded outcomes.
@Suite struct ReportContentRulesTests {
    private let endOfSecondYear = Seeds.date("2021-06-30")

    private func events(_ report: ActivityReport) throws -> [Int: EventRow] {
        let rows = try #require(report.clusters.first).events
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.id.number, $0) })
    }

    private func markdown(_ report: ActivityReport) -> String { renderMarkdown(report, language: .ru) }

    @Test func productsAndParticipatingSchoolsAppearBesideTheEvent() throws {
        var snapshot = try Seeds.nevskySnapshot()
        let i = try #require(snapshot.events.firstIndex { $0.id.number == 4 })
        snapshot.events[i].state.outcome?.products = "Модель использования результатов оценочных процедур"
        let report = try buildReport(snapshot, year: Seeds.y2019, today: Seeds.date("2020-06-30"))
        let row = try #require(try events(report)[4])
        #expect(row.products == "Модель использования результатов оценочных процедур")
        #expect(row.schoolNames == ["ГБОУ лицей № 344 Невского района", "ГБОУ гимназия № 498 Невского района",
                                    "ГБОУ СОШ № 512 Невского района"])
        let md = markdown(report)
        #expect(md.contains("| Участвовали: ГБОУ лицей № 344 Невского района, ГБОУ гимназия № 498 Невского района, ГБОУ СОШ № 512 Невского района Продукты: Модель использования результатов оценочных процедур |"))
    }

    @Test func cancelledEventsHaveNoDate() throws {
        var snapshot = try Seeds.nevskySnapshot()
        // A cancelled event that had been scheduled keeps its old day in the store; the report drops it.
        let i = try #require(snapshot.events.firstIndex { $0.id.number == 3 })
        snapshot.events[i].state.date = Seeds.date("2020-02-13")
        let report = try buildReport(snapshot, year: Seeds.y2019, today: Seeds.date("2020-06-30"))
        let row = try #require(try events(report)[3])
        #expect(row.date == nil)
        #expect(markdown(report).contains("| 3 | Семинар. Подходы к разработке инструментария по оценке метапредметных результатов обучения | февраль 2020 |  | отменено | ГБОУ гимназия № 498 Невского района |  | Причина отмены: Карантин |"))
    }

    @Test func postponedSaysFromWhenAndPastEventsWithoutRecordSayNoRecord() throws {
        let report = try buildReport(Seeds.nevskySnapshot(), year: Seeds.y2020, today: endOfSecondYear)
        let rows = try events(report)
        let l = Labels(language: .ru)
        #expect(l.status(try #require(rows[7])) == "перенесено с декабря 2020")
        // № 8 was scheduled for 18.02.2021 and № 9 planned for April 2021: past, nothing recorded.
        #expect(l.status(try #require(rows[8])) == "нет сведений")
        #expect(l.status(try #require(rows[9])) == "нет сведений")
        // Before its day, a scheduled event is still «назначено».
        let earlier = try buildReport(Seeds.nevskySnapshot(), year: Seeds.y2020, today: Seeds.date("2021-02-01"))
        #expect(l.status(try #require(try events(earlier)[8])) == "назначено")
    }

    @Test func wholePlanTargetIsJudgedAfterItsLastYearOnBothYears() throws {
        let report = try buildReport(Seeds.nevskySnapshot(), year: Seeds.y2020, today: endOfSecondYear)
        let row = try #require(report.clusters.first?.indicators.first { $0.id == "events-held" })
        // Held: № 1, 2, 4 in 2019/2020 and № 6 in 2020/2021 — 4 of the plan's 8.
        #expect(row.scope == .wholePlan)
        #expect(row.actual == 4)
        #expect(row.met == false)
    }

    @Test func yearTargetsAreJudgedOnTheirOwnYear() throws {
        var snapshot = try Seeds.nevskySnapshot()
        let c = try #require(snapshot.district.clusters.firstIndex { $0.id == "nevsky-exact" })
        let plan = try PlanLoader.load(text: """
            version: 1
            district: Тест
            schools: [{id: "1", name: Школа № 1}]
            clusters:
              - id: x
                title: X
                lead: "1"
                members: ["1"]
                plan:
                  years: [2019/2020, 2020/2021]
                  goal: Цель
                  indicators:
                    - {id: events-held, title: Проведено мероприятий, targets: {2019/2020: 3, 2020/2021: 4}}
            """)
        snapshot.district.clusters[c].plan?.indicators = try #require(plan.clusters.first?.plan?.indicators)
        let first = try #require(try buildReport(snapshot, year: Seeds.y2019, today: endOfSecondYear).clusters.first?.indicators.first)
        #expect(first.target == 3)
        #expect(first.actual == 3)
        #expect(first.met == true)
        let second = try #require(try buildReport(snapshot, year: Seeds.y2020, today: endOfSecondYear).clusters.first?.indicators.first)
        #expect(second.target == 4)
        #expect(second.actual == 1)
        #expect(second.met == false)
    }

    @Test func targetsForAYearOutsideThePlanAreAPlanFileError() {
        #expect(throws: PlanLoadError.self) {
            try PlanLoader.load(text: """
                version: 1
                district: Тест
                schools: [{id: "1", name: Школа № 1}]
                clusters:
                  - {id: x, title: X, lead: "1", members: ["1"], plan: {years: [2019/2020], goal: Цель,
                     indicators: [{id: a, title: A, targets: {2021/2022: 3}}]}}
                """)
        }
    }

    @Test func clustersWithoutAPlanInTheYearAreLeftOut() throws {
        var snapshot = try Seeds.nevskySnapshot()
        snapshot.district.clusters.append(Cluster(id: "later", title: "Позже", lead: "344", members: ["344"],
                                                  plan: WorkPlan(years: [AcademicYear(startYear: 2021)], goal: "Цель")))
        let report = try buildReport(snapshot, year: Seeds.y2019, today: Seeds.date("2020-06-30"))
        #expect(report.clusters.map(\.id) == ["nevsky-exact"])
        #expect(report.summary.clusters == 1)
    }

    @Test func aYearWithNeitherPlanNorCourseIsAnError() {
        #expect(throws: ReportError.nothingInYear(AcademicYear(startYear: 2022))) {
            try buildReport(try Seeds.nevskySnapshot(), year: AcademicYear(startYear: 2022), today: endOfSecondYear)
        }
    }

    @Test func csvForARussianExcelHasABOMAndSemicolons() throws {
        let report = try buildReport(Seeds.nevskySnapshot(), year: Seeds.y2019, today: Seeds.date("2020-06-30"))
        let excel = try render(report, as: .csv, language: .ru)
        #expect(Array(excel.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: excel.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("кластер;номер;учебный год;формат;название;по плану;дата;статус;"))
        // The schools list holds `;` itself, so that field is quoted; commas need no quotes here.
        #expect(text.contains(";\"344;498;329;572;331;512;625\";"))
        #expect(text.contains(";\"Модели ОКО, \"\"черновик\"\", сборник материалов\";"))
        let plain = try render(report, as: .csv, language: .ru, csvDialect: .rfc4180)
        #expect(String(decoding: plain, as: UTF8.self).hasPrefix("кластер,номер,учебный год,"))
    }
}
