import Clustering
import Foundation
import Planning
import PlanFiles
import Testing
import TestSupport
import Yams

func seedRecommendations() throws -> Recommendations { try RecommendationsLoader.builtIn() }

@Suite struct PlanFileTests {
    func kirovReport() throws -> ClusteringReport {
        let rows = try parseResults(csv: try fixture("kirov-2019.csv"), file: "kirov-2019.csv")
        return ClusteringReport(district: "Кировский район Санкт-Петербурга", method: .twoByTwo,
                                scope: "ВПР, 5 кл., 2019/2020", rows: rows)
    }

    @Test func theWrittenPlanFileLoadsWithThePlanLoader() throws {
        let report = try kirovReport()
        let text = report.planFile(recommendations: try seedRecommendations())
        let district = try PlanLoader.load(text: text, file: "clusters.yaml")
        #expect(district.name == "Кировский район Санкт-Петербурга")
        #expect(district.schools.count == 43)
        #expect(district.school("int-2")?.kind == .boarding)
        #expect(district.school("221")?.contingent == .complex)
        #expect(district.clusters.map(\.members) == TwoByTwoTests.seedClusters)
        #expect(district.clusters.map(\.lead) == report.clusters.map(\.lead))
        let profile = try #require(district.clusters.first?.profile)
        #expect(profile.hasPrefix("ВПР, 5 кл., 2019/2020. Контингент сложный"))
    }

    @Test func thePlanFileUsesOnlyContractKeysAndCarriesTheRestAsComments() throws {
        let text = try kirovReport().planFile(recommendations: try seedRecommendations())
        let yaml = try #require(try Yams.load(yaml: text) as? [String: Any])
        #expect(Set(yaml.keys) == ["version", "district", "schools", "clusters"])
        let clusters = try #require(yaml["clusters"] as? [[String: Any]])
        #expect(clusters.allSatisfy { Set($0.keys) == ["id", "title", "profile", "lead", "members"] })
        #expect(text.contains("  # Учителям-предметникам:\n"))
        #expect(text.contains("#   - освоить педагогические технологии работы с обучающимися"))
        #expect(text.contains("# Опорные площадки (не более 3 ОО на площадку, пары по схожести контингента):"))
    }

    @Test func textWithQuotesAndLineBreaksStaysValidYAML() throws {
        let rows = [row("1\"a", 50, .mean(10, standardDeviation: 2), contingent: .complex)]
        let report = ClusteringReport(district: "Район \\ «Север»\nи юг", method: .twoByTwo, scope: "x", rows: rows)
        let yaml = try #require(try Yams.load(yaml: report.planFile()) as? [String: Any])
        #expect(yaml["district"] as? String == "Район \\ «Север»\nи юг")
    }

    @Test func tableHasOneRowPerSchoolAndCSVQuotesCommas() throws {
        let table = try kirovReport().table()
        #expect(table.rows.count == 43)
        #expect(table.keys.first == "school")
        let int2 = try #require(table.rows.first { $0[0] == "int-2" })
        #expect(int2[5] == "кластер 2")
        #expect(int2[7].hasPrefix("ведёт: ") || int2[7].isEmpty)
        let csv = ReportTable(keys: ["a", "b"], titles: ["A", "B"], rows: [["x,y", "z\"q"]]).csv()
        #expect(csv == "a,b\n\"x,y\",\"z\"\"q\"\n")
    }
}

@Suite struct RecommendationTests {
    @Test func theDistrictFilesCoverEveryGroupOfBothMethods() throws {
        let recommendations = try seedRecommendations()
        for group in ClusteringMethod.ci.groups + ClusteringMethod.twoByTwo.groups {
            #expect(recommendations.groups[group]?.isEmpty == false, "\(group)")
            #expect(recommendations.items(for: group).map(\.role) == Role.allCases, "\(group)")
        }
        let teachers = recommendations.items(for: .below).first { $0.role == .subjectTeachers }?.items ?? []
        #expect(teachers.first == "активнее участвовать в разных формах обмена опытом, регулярно повышать профессиональную квалификацию")
    }

    @Test(arguments: [
        ("groups:\n  middle:\n    leaders: [x]\n", "неизвестный ключ «middle»"),
        ("all:\n  teachers: [x]\n", "неизвестный ключ «teachers»"),
        ("rules: []\n", "неизвестный ключ «rules»"),
    ])
    func unknownKeysAreErrors(yaml: String, message: String) {
        #expect {
            try YAMLDecoder().decode(Recommendations.self, from: yaml)
        } throws: { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return false }
            return context.debugDescription.hasPrefix(message)
        }
    }
}
