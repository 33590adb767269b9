import Foundation
import TestSupport
import Testing

/// `convert` and `workplan` as a coordinator runs them.
@Suite struct WordCommandTests {
    let directory: URL
    let database: String

    init() throws {
        directory = try Fixtures.temporaryDirectory()
        database = directory.appendingPathComponent("test.sqlite").path
    }

    private func run(_ arguments: String...) throws -> CommandLineRun {
        try CommandLineRun.clusterplan(arguments, database: database)
    }

    @Test func convertWritesAPlanFileThatValidateAccepts() throws {
        let out = directory.appendingPathComponent("nevsky.yaml").path
        let result = try run("convert", Fixtures.url("word/seed003.docx").path, "--id", "nevsky-exact",
                             "--schools", "plans/nevsky", "--out", out)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "План записан: \(out)\n")
        let check = try run("validate", out, "plans/nevsky/calendar-spb.yaml")
        #expect(check.stdout == "Ошибок нет: школ 7, кластеров 1, мероприятий 8.\n")
    }

    @Test func convertWithUnknownSchoolsNamesTheNewOnes() throws {
        let result = try run("convert", Fixtures.url("word/variants.docx").path, "--schools", "plans/nevsky")
        #expect(result.status == 0)
        #expect(result.stderr == "Новая школа 146: «ГБОУ СОШ № 146» — проверьте название и тип.\n")
        #expect(result.stdout.contains("- id: \"146\"\n  name: \"ГБОУ СОШ № 146\"\n  kind: school\n"))
        #expect(result.stdout.contains("- id: \"variants\"\n"))   // the cluster id from the file name
        #expect(result.stdout.contains("      from: 2019-09-01\n      to: 2019-12-31\n"))  // «I полугодие»
    }

    @Test func badRowsExitOneWithEveryProblemAndNoFile() throws {
        let out = directory.appendingPathComponent("bad.yaml").path
        let docx = Fixtures.url("word/bad-rows.docx").path
        let result = try run("convert", docx, "--out", out)
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").map(String.init) == [
            "\(docx): строка 4, «Время проведения»: сентябрь 2021 не входит в 2019/2020 учебный год",
            "\(docx): строка 5, «Название мероприятия»: по названию не понять формат (конференция, семинар, круглый стол, рабочая встреча, мастер-класс, открытый урок, консультация, вебинар, курсы)",
            "\(docx): строка 6, «Площадка»: не указана площадка",
            "Найдено ошибок: 3",
        ])
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func workplanDocxConvertsBackThroughTheCommandLine() throws {
        #expect(try run("import", "plans/nevsky").status == 0)
        let docx = directory.appendingPathComponent("plan.docx").path
        let written = try run("workplan", "--cluster", "nevsky-exact", "--format", "docx", "--out", docx)
        #expect(written.status == 0)
        // Schools come from the store this time.
        let back = try run("convert", docx, "--id", "nevsky-exact")
        #expect(back.status == 0, "\(back.stderr)")
        #expect(back.stdout.components(separatedBy: "\n    - number: ").count == 9)
        #expect(back.stdout.contains("    - number: 7\n      year: 2020/2021\n      format: working-meeting\n"))
        let unknown = try run("workplan", "--cluster", "nowhere", "--format", "md")
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "ошибка: неизвестный кластер «nowhere»\n")
    }

    @Test func reportCSVIsForARussianExcelUnlessAskedOtherwise() throws {
        #expect(try run("import", "plans/nevsky").status == 0)
        let excel = try run("report", "--year", "2019/2020", "--format", "csv")
        #expect(excel.stdout.hasPrefix("\u{FEFF}кластер;номер;"))
        let plain = try run("report", "--year", "2019/2020", "--format", "csv", "--csv-dialect", "rfc4180")
        #expect(plain.stdout.hasPrefix("кластер,номер,"))
    }
}
