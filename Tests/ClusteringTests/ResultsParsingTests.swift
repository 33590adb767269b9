import Clustering
import Foundation
import Planning
import Testing
import TestSupport

func fixture(_ name: String) throws -> String {
    try String(contentsOf: Fixtures.url("clustering/\(name)"), encoding: .utf8)
}

@Suite struct ResultsParsingTests {
    @Test func kirovFixtureParsesWithSchoolProfiles() throws {
        let rows = try parseResults(csv: try fixture("kirov-2019.csv"), file: "kirov-2019.csv")
        #expect(rows.count == 86)
        let boarding = try #require(rows.first { $0.school.id == "int-2" })
        #expect(boarding.school.kind == .boarding)
        #expect(boarding.school.contingent == .complex)
        #expect(boarding.school.name == "ГБОУ школа-интернат № 2 Кировского района")
        #expect(boarding.measure == Measure(assessment: "ВПР", subject: "математика", grade: 5, year: AcademicYear(startYear: 2019)))
        #expect(rows[0].line == 2)
    }

    @Test func everyBadRowIsReportedWithItsLineAndNothingIsImported() throws {
        let error = try #require(throws: ResultsError.self) {
            try parseResults(csv: try fixture("bad-rows.csv"), file: "bad-rows.csv")
        }
        #expect(error.diagnostics.map(\.line) == [3, 4, 5, 5, 6])
        #expect(error.diagnostics[0].description == "bad-rows.csv:3: «grade»: ожидалось целое от 1 до 11, а не «13»")
        #expect(error.diagnostics[1].description == "bad-rows.csv:4: «year»: ожидался учебный год вида 2019/2020, а не «2019»")
        #expect(error.diagnostics[4].description
            == "bad-rows.csv:6: повтор: результат школы «101» (ВПР, математика, 5 кл., 2019/2020) уже есть в строке 2")
    }

    @Test(arguments: [
        ("school,assessment,subject,grade,year,students,mean,colour\n", "t.csv:1: неизвестный столбец «colour»; допустимы: school, name, kind, assessment, subject, grade, year, students, mean, sd, success, contingent, special_needs, non_native, social_risk"),
        ("school,assessment,subject,grade,year,mean\n", "t.csv:1: нет обязательного столбца «students»"),
        ("school,assessment,subject,grade,year,students\n", "t.csv:1: нужен столбец «mean» (средний балл) или «success» (доля успешных)"),
        ("school,assessment,subject,grade,year,students,success\n1,ОГЭ,физика,9,2020/2021,30,120%\n",
         "t.csv:2: «success»: доля должна быть от 0 до 1 (или в процентах: 85%), а не «120%»"),
        ("school,assessment,subject,grade,year,students,mean,success\n1,ОГЭ,физика,9,2020/2021,30,4,0.5\n",
         "t.csv:2: заполнены и «mean», и «success»: оставьте одно"),
        ("school,assessment,subject,grade,year,students,mean,contingent\n1,ОГЭ,физика,9,2020/2021,30,4,трудный\n",
         "t.csv:2: «contingent»: «трудный» — допустимы complex/сложный, favourable/благополучный"),
        ("school,assessment,subject,grade,year,students,mean\n1,ОГЭ,физика,9,2020/2021,30,4,5\n",
         "t.csv:2: полей 8, а столбцов в заголовке 7"),
        ("school,name,assessment,subject,grade,year,students,mean\n1,А,ОГЭ,физика,9,2020/2021,30,4\n1,Б,ОГЭ,химия,9,2020/2021,30,4\n",
         "t.csv:3: сведения о школе «1» (название, вид, контингент) расходятся со строкой 2"),
    ])
    func badInputGivesOneClearLine(csv: String, message: String) throws {
        let error = try #require(throws: ResultsError.self) { try parseResults(csv: csv, file: "t.csv") }
        #expect(error.description == message)
    }

    @Test func decimalCommasPercentsAndQuotedLineBreaks() throws {
        let csv = """
        school;name;assessment;subject;grade;year;students;success;social_risk
        7;"Школа
        № 7";ЕГЭ;русский язык;11;2020-2021;25;85%;0,3
        8;Школа № 8;ЕГЭ;русский язык;11;2020/2021;25;0,5;

        """
        let rows = try parseResults(csv: csv, file: "q.csv")
        #expect(rows.map(\.line) == [2, 4])
        #expect(rows[0].score == .successShare(0.85))
        #expect(rows[0].school.markers.socialRisk == 0.3)
        #expect(rows[1].school.markers.isEmpty)
        #expect(rows[1].measure.year == AcademicYear(startYear: 2020))
    }
}

/// Issue 14: the results reader is one pass over the bytes.
@Suite struct LargeResultsTests {
    @Test func oneHundredFiftyThousandRowsAreReadInOnePass() throws {
        var csv = "school,assessment,subject,grade,year,students,mean,sd\n"
        for i in 0..<150_000 { csv += "\(i),ВПР,математика,5,2019/2020,50,\(i % 20),4\n" }
        let clock = ContinuousClock()
        var rows: [ResultRow] = []
        let elapsed = try clock.measure { rows = try parseResults(csv: csv, file: "big.csv") }
        #expect(rows.count == 150_000)
        #expect(rows.last?.line == 150_001)
        // Not a speed target (that is `make bench`): the quadratic reader did not finish in 30 s.
        #expect(elapsed < .seconds(30))
    }

    @Test func anUnclosedQuoteIsReportedAtItsLine() throws {
        let csv = "school,assessment,subject,grade,year,students,mean\n1,ВПР,\"математика,5,2019/2020,30,4\n2,x\n"
        let error = try #require(throws: ResultsError.self) { try parseResults(csv: csv, file: "q.csv") }
        #expect(error.description == "q.csv:2: кавычка не закрыта до конца файла")
    }
}

/// Every results file of `Tests/Fixtures/fuzz/results-csv/` is refused with short lines.
@Suite struct FuzzInputReplayTests {
    @Test func everyHostileResultsFileIsRefusedWithShortLines() throws {
        let files = try FuzzInputs.files("results-csv")
        #expect(files.count >= 2)
        for (name, data) in files {
            let error = try #require(throws: ResultsError.self) { try parseResults(csv: String(decoding: data, as: UTF8.self), file: name) }
            #expect(error.diagnostics.allSatisfy { $0.description.count < 400 && !$0.description.contains("\u{1B}") }, "\(name)")
        }
    }
}
