import Clustering
import Foundation
import GRDB
import Planning
import Store

// `SupportStore`'s groupings and road maps.
extension SQLiteStore {
    public func addGrouping(_ grouping: SupportGrouping, audit: [AuditEntry]) async throws(StoreError) -> Int {
        try await writing { db in
            let s = grouping.settings
            try db.execute(sql: """
                INSERT INTO grouping (method, year, subject, capacity, minStudents, z, resultThreshold, contingentThreshold, createdAt, login)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [s.method.rawValue, s.year.description, s.subject, s.capacity, s.options.minStudents, s.options.z,
                                 s.options.resultThreshold, s.options.contingentThreshold, grouping.createdAt, grouping.login])
            let id = Int(db.lastInsertedRowID)
            try Self.insertSchools(grouping.schools, grouping: id, db)
            // The audit entries name the grouping by its new number.
            for entry in audit {
                var entry = entry
                entry.field = entry.field.replacingOccurrences(of: "grouping 0", with: "grouping \(id)")
                try AuditRecord(entry).insert(db)
            }
            try Self.bumpRevision(db)
            return id
        }
    }

    public func updateGrouping(_ grouping: SupportGrouping, audit: [AuditEntry]) async throws(StoreError) {
        try await writing { db in
            try db.execute(sql: "DELETE FROM groupingSchool WHERE grouping = ?", arguments: [grouping.id])
            try Self.insertSchools(grouping.schools, grouping: grouping.id, db)
            for entry in audit { try AuditRecord(entry).insert(db) }
            try Self.bumpRevision(db)
        }
    }

    public func groupings() async throws(StoreError) -> [SupportGrouping] {
        try await reading { db in
            var schools: [Int: [GroupedSchool]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM groupingSchool ORDER BY grouping, position") {
                let key: String = row["groupKey"]
                guard let group = Group(rawValue: key) else { throw StoreError.corrupt("groupingSchool.groupKey «\(key)»") }
                schools[row["grouping"], default: []].append(GroupedSchool(
                    school: row["school"], name: row["name"], contingent: (row["contingent"] as String?).flatMap(Contingent.init(rawValue:)),
                    relativeResult: row["relativeResult"], group: group, site: row["site"], reason: row["reason"]))
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM grouping ORDER BY id DESC").map { row in
                let method: String = row["method"], year: String = row["year"]
                guard let m = ClusteringMethod(rawValue: method), let y = AcademicYear(year) else {
                    throw StoreError.corrupt("grouping \(row["id"] as Int): «\(method)», «\(year)»")
                }
                let options = ClassificationOptions(minStudents: row["minStudents"], z: row["z"], resultThreshold: row["resultThreshold"],
                                                    contingentThreshold: row["contingentThreshold"])
                let id: Int = row["id"]
                return SupportGrouping(id: id, settings: GroupingSettings(method: m, year: y, subject: row["subject"], capacity: row["capacity"],
                                                                          options: options),
                                       createdAt: row["createdAt"], login: row["login"], schools: schools[id] ?? [])
            }
        }
    }

    public func roadMaps(grouping: Int) async throws(StoreError) -> [RoadMap] {
        try await reading { db in
            var actions: [String: [SupportAction]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM supportAction WHERE grouping = ? ORDER BY school, number", arguments: [grouping]) {
                let level: String = row["level"], kind: String = row["kind"], from: String = row["fromMonth"], to: String = row["toMonth"]
                guard let l = SupportLevel(rawValue: level), let k = SupportKind(rawValue: kind), let f = YearMonth(iso: from),
                      let t = YearMonth(iso: to) else { throw StoreError.corrupt("supportAction «\(level)», «\(kind)», «\(from)»") }
                actions[row["school"], default: []].append(SupportAction(number: row["number"], level: l, kind: k, title: row["title"],
                                                                         responsible: row["responsible"], from: f, to: t, event: row["event"]))
            }
            return try Row.fetchAll(db, sql: """
                SELECT roadMap.* FROM roadMap LEFT JOIN groupingSchool
                  ON groupingSchool.grouping = roadMap.grouping AND groupingSchool.school = roadMap.school
                WHERE roadMap.grouping = ? ORDER BY groupingSchool.position, roadMap.school
                """, arguments: [grouping]).map { row in
                RoadMap(grouping: grouping, school: row["school"], text: row["text"], actions: actions[row["school"]] ?? [])
            }
        }
    }

    public func saveRoadMap(_ map: RoadMap, audit: [AuditEntry]) async throws(StoreError) {
        try await writing { db in
            try db.execute(sql: "DELETE FROM roadMap WHERE grouping = ? AND school = ?", arguments: [map.grouping, map.school])
            try db.execute(sql: "INSERT INTO roadMap (grouping, school, text) VALUES (?, ?, ?)", arguments: [map.grouping, map.school, map.text])
            for a in map.actions {
                try db.execute(sql: """
                    INSERT INTO supportAction (grouping, school, number, level, kind, title, responsible, fromMonth, toMonth, event)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [map.grouping, map.school, a.number, a.level.rawValue, a.kind.rawValue, a.title, a.responsible,
                                     a.from.description, a.to.description, a.event])
            }
            for entry in audit { try AuditRecord(entry).insert(db) }
            try Self.bumpRevision(db)
        }
    }

    static func insertSchools(_ schools: [GroupedSchool], grouping: Int, _ db: Database) throws {
        for (position, s) in schools.enumerated() {
            try db.execute(sql: """
                INSERT INTO groupingSchool (grouping, school, position, name, contingent, relativeResult, groupKey, site, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [grouping, s.school, position, s.name, s.contingent?.rawValue, s.relativeResult, s.group.rawValue, s.site,
                                 s.reason])
        }
    }
}
