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

/// What a fuzzer would send: every prefix-cut and byte-flipped copy of a real plan gives a plan or
/// diagnostics, never a trap.
@Suite struct DamagedDocxTests {
    @Test func truncatedAndFlippedDocumentsGiveDiagnosticsNotCrashes() throws {
        let original = try WordFixtures.data("bad-rows.docx")
        let options = WordPlanOptions(fileName: "damaged.docx", clusterID: "x")
        var failures = 0
        for cut in stride(from: 0, to: original.count, by: max(original.count / 40, 1)) {
            if case .failure(let error) = readWordPlan(original.prefix(cut), options: options) {
                failures += 1
                #expect(!error.diagnostics.isEmpty)
            }
        }
        #expect(failures == 40 || failures == 41)
        // Eight bytes flipped per copy, at places spread by two primes: the same copies every run.
        for copy in 0..<40 {
            var bytes = [UInt8](original)
            for k in 0..<8 { bytes[(copy * 7_919 + k * 104_729) % bytes.count] ^= UInt8(1 + (copy + k) % 255) }
            if case .failure(let error) = readWordPlan(Data(bytes), options: options) { #expect(!error.diagnostics.isEmpty) }
        }
    }
}
