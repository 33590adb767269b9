import Clustering
import Logging
import Planning
import PostgresNIO
import Store

/// A result's key: school, assessment, subject, grade and year.
private struct ResultKey: Hashable {
    var school, assessment, subject: String
    var grade: Int
    var year: String

    init(_ row: ResultRow) {
        school = row.school.id
        assessment = row.measure.assessment
        subject = row.measure.subject
        grade = row.measure.grade
        year = row.measure.year.description
    }
}

// `SupportStore`'s results part: one row per result, compared with what is stored in memory, so
// an import is a few statements whatever its size.
extension PostgresStore {
    public func importResults(_ rows: [ResultRow]) async throws(StoreError) -> ResultsImportSummary {
        try await writing { connection in
            var summary = ResultsImportSummary(added: 0, changed: 0, unchanged: 0)
            var stored: [ResultKey: (position: Int, row: ResultRow)] = [:]
            var position = 0
            for (storedPosition, row) in try await Self.storedResults(connection, logger) {
                stored[ResultKey(row)] = (storedPosition, row)
                position = max(position, storedPosition)
            }
            // Keys to write, in the order first met, with their final rows.
            var written: [ResultKey] = []
            var seen: Set<ResultKey> = []
            for row in rows {
                let key = ResultKey(row)
                var plain = row
                plain.line = 0
                if let (storedPosition, storedRow) = stored[key] {
                    if storedRow == plain { summary.unchanged += 1; continue }
                    stored[key] = (storedPosition, plain)
                    summary.changed += 1
                } else {
                    position += 1
                    stored[key] = (position, plain)
                    summary.added += 1
                }
                if seen.insert(key).inserted { written.append(key) }
            }
            guard summary.added + summary.changed > 0 else { return summary }
            try await connection.query("""
                DELETE FROM assessmentResult WHERE (school, assessment, subject, grade, year) IN
                  (SELECT * FROM unnest(\(written.map(\.school)), \(written.map(\.assessment)), \(written.map(\.subject)),
                                        \(written.map(\.grade)), \(written.map(\.year))))
                """, logger: logger)
            let columns = ["school", "assessment", "subject", "grade", "year", "position", "students", "scoreKind", "value", "sd",
                           "name", "kind", "contingent", "specialNeeds", "nonNative", "socialRisk"]
            try await connection.insertAll(into: "assessmentResult", columns, written.compactMap { stored[$0] }, logger: logger) { item, binds in
                let row = item.row
                let (kind, value, sd): (String, Double, Double?) = switch row.score {
                case .mean(let m, let s): ("mean", m, s)
                case .successShare(let s): ("success", s, nil)
                }
                binds.append(row.school.id)
                binds.append(row.measure.assessment)
                binds.append(row.measure.subject)
                binds.append(row.measure.grade)
                binds.append(row.measure.year.description)
                binds.append(item.position)
                binds.append(row.students)
                binds.append(kind)
                binds.append(value)
                binds.append(sd)
                binds.append(row.school.name)
                binds.append(row.school.kind?.rawValue)
                binds.append(row.school.contingent?.rawValue)
                binds.append(row.school.markers.specialNeeds)
                binds.append(row.school.markers.nonNative)
                binds.append(row.school.markers.socialRisk)
            }
            try await Self.bumpRevision(connection, logger)
            return summary
        }
    }

    public func results() async throws(StoreError) -> [ResultRow] {
        try await reading { connection in try await Self.storedResults(connection, logger).map(\.row) }
    }

    /// Every stored result with its position, in the order first imported.
    private static func storedResults(_ connection: PostgresConnection, _ logger: Logger) async throws -> [(position: Int, row: ResultRow)] {
        var results: [(position: Int, row: ResultRow)] = []
        let rows = try await connection.query("""
            SELECT school, assessment, subject, grade, year, position, students, scoreKind, value, sd, name, kind, contingent,
                   specialNeeds, nonNative, socialRisk
            FROM assessmentResult ORDER BY position, school
            """, logger: logger)
        for try await (school, assessment, subject, grade, yearText, position, students, scoreKind, value, sd, name, kind, contingent,
                       specialNeeds, nonNative, socialRisk)
            in rows.decode((String, String, String, Int, String, Int, Int, String, Double, Double?, String?, String?, String?,
                            Double?, Double?, Double?).self)
        {
            guard let year = AcademicYear(yearText) else { throw StoreError.corrupt("assessmentResult.year «\(yearText)»") }
            let score: Score = scoreKind == "mean" ? .mean(value, standardDeviation: sd) : .successShare(value)
            let profile = SchoolProfile(id: school, name: name, kind: kind.flatMap(SchoolKind.init(rawValue:)),
                                        contingent: contingent.flatMap(Contingent.init(rawValue:)),
                                        markers: ContingentMarkers(specialNeeds: specialNeeds, nonNative: nonNative, socialRisk: socialRisk))
            results.append((position, ResultRow(school: profile, measure: Measure(assessment: assessment, subject: subject, grade: grade,
                                                                                  year: year),
                                                students: students, score: score)))
        }
        return results
    }
}
