import Foundation
import TestSupport
import Testing

/// `cluster-schools` run from a directory that holds nothing of the repository.
@Suite struct ClusterSchoolsCommandTests {
    let results = Fixtures.url("clustering/kirov-2019.csv").path

    func contents(_ folder: URL) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder.path) }

    @Test func jsonFromAnEmptyDirectoryWritesNothingAndStatesItsThresholds() throws {
        let empty = try Fixtures.temporaryDirectory()
        let run = try CommandLineRun.clusterplan(["cluster-schools", "--results", results, "--method", "2x2", "--format", "json"],
                                                 directory: empty)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "")
        #expect(try contents(empty) == [])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object.keys.sorted() == ["method", "pairs", "schools", "thresholds", "unpaired"])
        #expect(object["method"] as? String == "2x2")
        let thresholds = try #require(object["thresholds"] as? [String: Any])
        #expect(thresholds["minStudents"] as? Int == 10)
        #expect(thresholds["resultThreshold"] as? Double == 1.0)
        #expect(thresholds["contingentThreshold"] as? Double == 0.2)
        #expect(thresholds["capacity"] as? Int == 3)
        let schools = try #require(object["schools"] as? [[String: Any]])
        let school221 = try #require(schools.first { $0["id"] as? String == "221" })
        #expect(school221["group"] as? String == "complex-low")
        #expect(school221["cluster"] as? String == "cluster-1")
        #expect(school221["relativeResult"] is Double)
        #expect(school221["contingent"] as? String == "complex")
        let pairs = try #require(object["pairs"] as? [[String: Any]])
        #expect(pairs.allSatisfy { $0["distance"] is Double && $0["mentee"] is String && $0["site"] is String })
    }

    @Test func outWritesThePlanWithTheBuiltInRecommendationsAndRefusesToOverwrite() throws {
        let empty = try Fixtures.temporaryDirectory()
        let arguments = ["cluster-schools", "--results", results, "--method", "2x2", "--out", "clusters.yaml"]
        let first = try CommandLineRun.clusterplan(arguments, directory: empty)
        #expect(first.status == 0, "\(first.stderr)")
        let plan = try String(contentsOf: empty.appendingPathComponent("clusters.yaml"), encoding: .utf8)
        #expect(plan.contains("пройти обучение управленческой командой по программе «Внутришкольная система оценки качества образования»"))

        let again = try CommandLineRun.clusterplan(arguments, directory: empty)
        #expect(again.status == 1)
        #expect(again.stderr == "ошибка: clusters.yaml уже существует: укажите --force, чтобы перезаписать\n")
        #expect(try CommandLineRun.clusterplan(arguments + ["--force"], directory: empty).status == 0)
    }

    @Test func ownRecommendationsReplaceTheBuiltInOnes() throws {
        let folder = try Fixtures.temporaryDirectory()
        let own = folder.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
        try "groups:\n  complex-low:\n    leaders:\n      - своя рекомендация района\n".write(
            to: own.appendingPathComponent("own.yaml"), atomically: true, encoding: .utf8)
        let run = try CommandLineRun.clusterplan(["cluster-schools", "--results", results, "--method", "2x2", "--out", "p.yaml",
                                                  "--recommendations", own.path], directory: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let plan = try String(contentsOf: folder.appendingPathComponent("p.yaml"), encoding: .utf8)
        #expect(plan.contains("своя рекомендация района"))
        #expect(!plan.contains("Внутришкольная система оценки качества образования"))
    }
}
