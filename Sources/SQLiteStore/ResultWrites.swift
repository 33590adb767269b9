import Clustering
import GRDB
import Planning
import Store

// Assessment results and support programmes (issue 17): plain tables, one row per result, per
// grouped school, per road map and per action.
extension Schema {
    static func registerSupport(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v11-support") { db in
            try db.create(table: "assessmentResult") { t in
                t.column("school", .text).notNull()
                t.column("assessment", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("grade", .integer).notNull()
                t.column("year", .text).notNull()
                t.primaryKey(["school", "assessment", "subject", "grade", "year"])
                t.column("position", .integer).notNull()
                t.column("students", .integer).notNull()
                t.column("scoreKind", .text).notNull().check { ["mean", "success"].contains($0) }
                t.column("value", .double).notNull()
                t.column("sd", .double)
                t.column("name", .text)
                t.column("kind", .text)
                t.column("contingent", .text)
                t.column("specialNeeds", .double)
                t.column("nonNative", .double)
                t.column("socialRisk", .double)
            }
            try db.create(table: "grouping") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("method", .text).notNull()
                t.column("year", .text).notNull()
                t.column("subject", .text)
                t.column("capacity", .integer).notNull()
                t.column("minStudents", .integer).notNull()
                t.column("z", .double).notNull()
                t.column("resultThreshold", .double).notNull()
                t.column("contingentThreshold", .double).notNull()
                t.column("createdAt", .integer).notNull()
                t.column("login", .text).notNull()
            }
            try db.create(table: "groupingSchool") { t in
                t.column("grouping", .integer).notNull().references("grouping", onDelete: .cascade)
                t.column("school", .text).notNull()
                t.primaryKey(["grouping", "school"])
                t.column("position", .integer).notNull()
                t.column("name", .text)
                t.column("contingent", .text)
                t.column("relativeResult", .double)
                t.column("groupKey", .text).notNull()
                t.column("site", .text)
                t.column("reason", .text)
            }
            try db.create(table: "roadMap") { t in
                t.column("grouping", .integer).notNull().references("grouping", onDelete: .cascade)
                t.column("school", .text).notNull()
                t.primaryKey(["grouping", "school"])
                t.column("text", .text).notNull()
            }
            try db.create(table: "supportAction") { t in
                t.column("grouping", .integer).notNull()
                t.column("school", .text).notNull()
                t.column("number", .integer).notNull()
                t.primaryKey(["grouping", "school", "number"])
                t.foreignKey(["grouping", "school"], references: "roadMap", onDelete: .cascade)
                t.column("level", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("title", .text).notNull()
                t.column("responsible", .text).notNull()
                t.column("fromMonth", .text).notNull()
                t.column("toMonth", .text).notNull()
                t.column("event", .integer)
            }
        }
    }
}

// `SupportStore`'s results part.
extension SQLiteStore {
    public func importResults(_ rows: [ResultRow]) async throws(StoreError) -> ResultsImportSummary {
        try await writing { db in
            var summary = ResultsImportSummary(added: 0, changed: 0, unchanged: 0)
            var position = try Int.fetchOne(db, sql: "SELECT MAX(position) FROM assessmentResult") ?? 0
            for row in rows {
                let key: StatementArguments = [row.school.id, row.measure.assessment, row.measure.subject, row.measure.grade,
                                               row.measure.year.description]
                let stored = try Row.fetchOne(db, sql: "SELECT * FROM assessmentResult WHERE school = ? AND assessment = ? AND subject = ? "
                                              + "AND grade = ? AND year = ?", arguments: key)
                let storedPosition: Int? = stored?["position"]
                var plain = row
                plain.line = 0
                if let stored {
                    if try Self.resultRow(stored) == plain { summary.unchanged += 1; continue }
                    try db.execute(sql: "DELETE FROM assessmentResult WHERE school = ? AND assessment = ? AND subject = ? AND grade = ? "
                                   + "AND year = ?", arguments: key)
                    summary.changed += 1
                } else {
                    position += 1
                    summary.added += 1
                }
                let (kind, value, sd): (String, Double, Double?) = switch row.score {
                case .mean(let m, let s): ("mean", m, s)
                case .successShare(let s): ("success", s, nil)
                }
                try db.execute(sql: """
                    INSERT INTO assessmentResult (school, assessment, subject, grade, year, position, students, scoreKind, value, sd,
                                                  name, kind, contingent, specialNeeds, nonNative, socialRisk)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: key + [storedPosition ?? position, row.students, kind, value, sd, row.school.name,
                                           row.school.kind?.rawValue, row.school.contingent?.rawValue, row.school.markers.specialNeeds,
                                           row.school.markers.nonNative, row.school.markers.socialRisk])
            }
            if summary.added + summary.changed > 0 { try Self.bumpRevision(db) }
            return summary
        }
    }

    public func results() async throws(StoreError) -> [ResultRow] {
        try await reading { db in
            try Row.fetchAll(db, sql: "SELECT * FROM assessmentResult ORDER BY position, school").map(Self.resultRow)
        }
    }

    static func resultRow(_ row: Row) throws -> ResultRow {
        let yearText: String = row["year"]
        guard let year = AcademicYear(yearText) else { throw StoreError.corrupt("assessmentResult.year «\(yearText)»") }
        let value: Double = row["value"]
        let score: Score = (row["scoreKind"] as String) == "mean" ? .mean(value, standardDeviation: row["sd"]) : .successShare(value)
        let profile = SchoolProfile(id: row["school"], name: row["name"], kind: (row["kind"] as String?).flatMap(SchoolKind.init(rawValue:)),
                                    contingent: (row["contingent"] as String?).flatMap(Contingent.init(rawValue:)),
                                    markers: ContingentMarkers(specialNeeds: row["specialNeeds"], nonNative: row["nonNative"],
                                                               socialRisk: row["socialRisk"]))
        return ResultRow(school: profile, measure: Measure(assessment: row["assessment"], subject: row["subject"], grade: row["grade"],
                                                           year: year),
                         students: row["students"], score: score)
    }
}
