import Clustering
import Planning

/// 40,000 schools x 10 subjects: classify (both methods) and pair support sites; the target is
/// <= 2 s for clustering plus pairing. Parsing the same data as CSV is timed separately.
func clusteringBench() {
    let schools = 40_000
    let subjects = (1...10).map { "предмет \($0)" }
    let year = AcademicYear(startYear: 2023)
    // A fixed linear congruential sequence: the same synthetic district on every run.
    var state: UInt64 = 0x2545F4914F6CDD1D
    func next() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 53)
    }
    var rows: [ResultRow] = []
    rows.reserveCapacity(schools * subjects.count)
    for s in 0..<schools {
        let markers = ContingentMarkers(specialNeeds: next() * 0.3, nonNative: next() * 0.4, socialRisk: next() * 0.5)
        // A tenth of the schools carry the district's explicit flag; the rest are judged by markers.
        let flag: Contingent? = s % 10 == 0 ? (next() < 0.5 ? .complex : .favourable) : nil
        let profile = SchoolProfile(id: "s\(s)", contingent: flag, markers: markers)
        let strength = next() * 6 - 3
        for subject in subjects {
            let score = Score.mean(15 + strength + next() * 4, standardDeviation: 3 + next() * 2)
            rows.append(ResultRow(school: profile, measure: Measure(assessment: "ВПР", subject: subject, grade: 7, year: year),
                                  students: 5 + Int(next() * 120), score: score))
        }
    }

    func best(_ label: String, _ body: () -> String) {
        var detail = ""
        let ms = bestOf { detail = body() } / .milliseconds(1)
        print("| clustering | \(label) | \(Int(ms.rounded())) ms | \(detail) |")
    }

    print("| suite | case (\(schools) schools x \(subjects.count) subjects, \(rows.count) rows) | best of 3 | result |")
    print("|---|---|---|---|")
    best("classify ci") {
        let groups = classifyByConfidenceInterval(rows)
        return "below \(groups.count { $0.group == .below }), above \(groups.count { $0.group == .above })"
    }
    let twoByTwo = classify2x2(rows)
    best("classify 2x2") { "cluster 1: \(classify2x2(rows).count { $0.group == .complexLow })" }
    best("pair support sites (2x2, capacity 3)") {
        let pairing = pairSupportSites(twoByTwo, capacity: 3)
        return "\(pairing.pairs.count) pairs, \(pairing.unpaired.count) unpaired"
    }
    best("report: classify 2x2 + pair + clusters") {
        let report = ClusteringReport(district: "bench", method: .twoByTwo, scope: "bench", rows: rows)
        return "\(report.clusters.count) clusters, \(report.pairing.pairs.count) pairs"
    }
    best("report: classify ci + pair + clusters") {
        let report = ClusteringReport(district: "bench", method: .ci, scope: "bench", rows: rows)
        return "\(report.clusters.count) clusters, \(report.pairing.pairs.count) pairs"
    }

    var csv = "school,assessment,subject,grade,year,students,mean,sd,social_risk\n"
    for row in rows {
        guard case .mean(let mean, let sd?) = row.score else { continue }
        csv += "\(row.school.id),ВПР,\(row.measure.subject),7,2023/2024,\(row.students),\(mean),\(sd),\(row.school.markers.socialRisk ?? 0)\n"
    }
    best("parse results CSV (\(csv.utf8.count / 1_000_000) MB)") {
        ((try? parseResults(csv: csv, file: "bench.csv"))?.count).map { "\($0) rows" } ?? "parse error"
    }
}
