import Clustering
import Planning
import Testing

let year2019 = AcademicYear(startYear: 2019)
let math5 = Measure(assessment: "ВПР", subject: "математика", grade: 5, year: year2019)

func row(_ school: String, _ students: Int, _ score: Score, measure: Measure = math5,
         contingent: Contingent? = nil, markers: ContingentMarkers = ContingentMarkers()) -> ResultRow {
    ResultRow(school: SchoolProfile(id: school, contingent: contingent, markers: markers),
              measure: measure, students: students, score: score)
}

func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-9 } ?? false }

@Suite struct ConfidenceIntervalTests {
    // District value: (10·100 + 14·100 + 12·100 + 20·5 + 11·50) / 355 = 4250 / 355 ≈ 11.972.
    let rows = [
        row("S1", 100, .mean(10, standardDeviation: 5)),   // 10 ± 1.96·0.5 = [9.02, 10.98]
        row("S2", 100, .mean(14, standardDeviation: 5)),   // [13.02, 14.98]
        row("S3", 100, .mean(12, standardDeviation: 4)),   // 12 ± 0.784 = [11.216, 12.784]
        row("S4", 5, .mean(20, standardDeviation: 5)),     // too few students
        row("S5", 50, .mean(11, standardDeviation: nil)),  // no spread known
    ]

    @Test func schoolsLandBelowWithinOrAboveByTheirInterval() throws {
        let schools = classifyByConfidenceInterval(rows)
        #expect(schools.map(\.id) == ["S1", "S2", "S3", "S4", "S5"])
        #expect(schools.map(\.group) == [.below, .above, .within, .insufficient, .insufficient])
        let s1 = try #require(schools[0].measures.first)
        #expect(close(s1.districtValue, 4250.0 / 355.0))
        #expect(close(s1.interval?.lowerBound, 9.02) && close(s1.interval?.upperBound, 10.98))
        let s3 = try #require(schools[2].measures.first)
        #expect(close(s3.interval?.lowerBound, 11.216) && close(s3.interval?.upperBound, 12.784))
    }

    @Test func insufficientDataIsExplainedNotGuessed() {
        let schools = classifyByConfidenceInterval(rows)
        #expect(schools[3].reason == "меньше 10 участников в каждой работе")
        #expect(schools[3].combinedZ == nil)
        #expect(schools[4].reason == "нет стандартного отклонения (sd) для среднего балла")
    }

    @Test func minimumStudentsIsAnOption() {
        let schools = classifyByConfidenceInterval(rows, options: ClassificationOptions(minStudents: 5))
        #expect(schools[3].group == .above)   // 20 ± 4.38 is above 11.97
    }

    @Test func successSharesUseTheBinomialError() throws {
        // Two schools of 100: district 0.5; 0.6 ± 1.96·√(0.0024) = [0.504, 0.696] is above.
        let shares = [row("A", 100, .successShare(0.4)), row("B", 100, .successShare(0.6))]
        let schools = classifyByConfidenceInterval(shares)
        #expect(schools.map(\.group) == [.below, .above])
        let interval = try #require(schools[1].measures.first?.interval)
        #expect(close(interval.lowerBound, 0.6 - 1.96 * 0.0024.squareRoot()))
    }

    @Test func severalMeasuresCombineTheirZScores() {
        // District 10.95 in both subjects; S1 is 0.95 below it: z = -1.9 each (within), combined -3.8/√2 ≈ -2.69.
        let russian = Measure(assessment: "ВПР", subject: "русский язык", grade: 5, year: year2019)
        let rows = [math5, russian].flatMap { measure in
            [row("S1", 100, .mean(10, standardDeviation: 5), measure: measure),
             row("S2", 100, .mean(11.9, standardDeviation: 5), measure: measure)]
        }
        let s1 = classifyByConfidenceInterval(rows).first { $0.id == "S1" }
        #expect(s1?.measures.map(\.group) == [.within, .within])
        #expect(close(s1?.combinedZ, -3.8 / 2.0.squareRoot()))
        #expect(s1?.group == .below)
    }
}

@Suite struct TwoByTwoTests {
    static let seedClusters: [[String]] = [
        ["221", "240", "250", "251", "264", "277", "283", "377", "381", "501", "538", "608"],
        ["int-2", "249", "254", "269", "378", "386", "392", "551", "585"],
        ["282", "379", "388", "503", "658"],
        ["223", "244", "248", "261", "274", "284", "387", "384", "389", "393", "397", "481", "493", "504", "506", "539", "654"],
    ]

    @Test func kirovResultsReproduceTheSeedClusters() throws {
        let rows = try parseResults(csv: try fixture("kirov-2019.csv"), file: "kirov-2019.csv")
        let schools = classify2x2(rows)
        let clusters = makeClusters(schools, method: .twoByTwo)
        #expect(clusters.map(\.id) == ["cluster-1", "cluster-2", "cluster-3", "cluster-4"])
        #expect(clusters.map(\.members) == Self.seedClusters)
        #expect(clusters.map(\.members.count) == [12, 9, 5, 17])
        #expect(clusters[0].title == "Кластер №1: сложный контингент, низкие результаты")
        #expect(schools.allSatisfy { $0.reason == nil })
    }

    @Test func theLeadIsTheMemberWithTheBestResult() throws {
        let rows = try parseResults(csv: try fixture("kirov-2019.csv"), file: "kirov-2019.csv")
        let schools = classify2x2(rows)
        for cluster in makeClusters(schools, method: .twoByTwo) {
            let members = schools.filter { cluster.members.contains($0.id) }
            let best = members.compactMap(\.relativeResult).max()
            #expect(members.first { $0.id == cluster.lead }?.relativeResult == best)
        }
    }

    @Test(arguments: [
        (ContingentMarkers(specialNeeds: 0.1, nonNative: 0.3, socialRisk: 0.2), Contingent.complex),   // mean 0.2
        (ContingentMarkers(nonNative: 0.15), .favourable),
        (ContingentMarkers(), nil),
    ])
    func markersDecideTheContingentWithoutAFlag(markers: ContingentMarkers, expected: Contingent?) {
        #expect(effectiveContingent(SchoolProfile(id: "x", markers: markers), threshold: 0.2) == expected)
    }

    @Test func theFlagWinsOverMarkersAndUnknownContingentIsInsufficient() {
        let schools = classify2x2([
            row("A", 50, .mean(8, standardDeviation: nil), contingent: .favourable, markers: ContingentMarkers(socialRisk: 0.9)),
            row("B", 50, .mean(12, standardDeviation: nil)),
        ])
        #expect(schools[0].group == .favourableLow)
        #expect(schools[1].group == .insufficient)
        #expect(schools[1].reason == "нет сведений о контингенте (столбец contingent или маркеры)")
    }

    @Test func thresholdsAreStated() {
        let statement = ClassificationOptions(resultThreshold: 0.95).statement(for: .twoByTwo)
        #expect(statement.contains("не ниже 20%"))
        #expect(statement.contains("ниже 95% от значения района"))
    }
}
