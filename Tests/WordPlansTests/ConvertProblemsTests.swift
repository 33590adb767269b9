import Foundation
import Planning
import Testing
@testable import WordPlans

@Suite struct ConvertProblemsTests {
    @Test func districtWaysOfWritingMonthsAndSchools() throws {
        let plan = try WordFixtures.convert("variants.docx").get()
        let events = try #require(plan.district.clusters.first?.plan?.events)
        let d = { (iso: String) in LocalDate(iso: iso)! }
        #expect(events.map(\.timing) == [
            .month(YearMonth(year: 2020, month: 4)!),
            .window(from: d("2019-09-01"), to: d("2019-12-31")),
            .window(from: d("2019-11-01"), to: d("2019-12-31")),
            .month(YearMonth(year: 2020, month: 5)!),
        ])
        #expect(events.map(\.host) == ["498", "146", "512", "344"])
        #expect(events.map(\.format) == [.conference, .masterClass, .openLesson, .webinar])
        #expect(plan.newSchools == ["146"])
        #expect(plan.district.schools.first { $0.id == "146" }?.name == "ГБОУ СОШ № 146")
    }

    @Test func everyBadRowIsReportedWithItsRowAndColumn() throws {
        let result = try WordFixtures.convert("bad-rows.docx")
        guard case .failure(let error) = result else { Issue.record("bad rows converted"); return }
        #expect(error.diagnostics.map(\.description) == [
            "bad-rows.docx: строка 4, «Время проведения»: сентябрь 2021 не входит в 2019/2020 учебный год",
            "bad-rows.docx: строка 5, «Название мероприятия»: по названию не понять формат (конференция, семинар, круглый стол, рабочая встреча, мастер-класс, открытый урок, консультация, вебинар, курсы)",
            "bad-rows.docx: строка 6, «Площадка»: не указана площадка",
        ])
    }

    @Test func aFileThatIsNotWordIsOneClearLine() {
        let result = readWordPlan(Data("version: 1\n".utf8), options: WordPlanOptions(fileName: "plan.docx", clusterID: "x"))
        guard case .failure(let error) = result else { Issue.record("converted"); return }
        #expect(error.description == "plan.docx: это не документ Word (.docx): файл не читается как ZIP-архив")
    }

    @Test(arguments: [
        ("Октябрь 2019", "2019-10"), ("Декабрь\n2019", "2019-12"), ("Апрель 2020 г.", "2020-04"),
        ("апрель\n 2020", "2020-04"), ("Май", "2020-05"), ("в октябре", "2019-10"), ("Сентябрь 2019 года", "2019-09"),
    ])
    func monthsAsTheDistrictWritesThem(text: String, month: String) throws {
        let timing = try DistrictWords.timing(text, year: AcademicYear(startYear: 2019))
        #expect(timing == .month(YearMonth(iso: month)!))
    }

    @Test func secondHalfYearIsJanuaryToMay() throws {
        let timing = try DistrictWords.timing("II полугодие", year: AcademicYear(startYear: 2020))
        #expect(timing == .window(from: LocalDate(iso: "2021-01-01")!, to: LocalDate(iso: "2021-05-31")!))
    }
}
