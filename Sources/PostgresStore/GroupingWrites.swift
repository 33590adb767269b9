import Clustering
import Foundation
import Logging
import Planning
import PostgresNIO
import Store

// `SupportStore`'s groupings and road maps.
extension PostgresStore {
    public func addGrouping(_ grouping: SupportGrouping, audit: [AuditEntry]) async throws(StoreError) -> Int {
        try await writing { connection in
            let s = grouping.settings
            let rows = try await connection.query("""
                INSERT INTO grouping (method, year, subject, capacity, minStudents, z, resultThreshold, contingentThreshold, createdAt, login)
                VALUES (\(s.method.rawValue), \(s.year.description), \(s.subject), \(s.capacity), \(s.options.minStudents), \(s.options.z),
                        \(s.options.resultThreshold), \(s.options.contingentThreshold), \(grouping.createdAt), \(grouping.login))
                RETURNING id
                """, logger: logger)
            guard let id = try await rows.collect().first?.decode(Int.self) else { throw StoreError.corrupt("группировка не записана") }
            try await Self.insertSchools(grouping.schools, grouping: id, connection, logger)
            // The audit entries name the grouping by its new number.
            try await Self.insertAudit(audit.map { entry in
                var entry = entry
                entry.field = entry.field.replacingOccurrences(of: "grouping 0", with: "grouping \(id)")
                return entry
            }, connection, logger)
            try await Self.bumpRevision(connection, logger)
            return id
        }
    }

    public func updateGrouping(_ grouping: SupportGrouping, audit: [AuditEntry]) async throws(StoreError) {
        try await writing { connection in
            try await connection.query("DELETE FROM groupingSchool WHERE grouping = \(grouping.id)", logger: logger)
            try await Self.insertSchools(grouping.schools, grouping: grouping.id, connection, logger)
            try await Self.insertAudit(audit, connection, logger)
            try await Self.bumpRevision(connection, logger)
        }
    }

    public func groupings() async throws(StoreError) -> [SupportGrouping] {
        try await reading { connection in
            var schools: [Int: [GroupedSchool]] = [:]
            let schoolRows = try await connection.query("""
                SELECT grouping, school, name, contingent, relativeResult, groupKey, site, reason
                FROM groupingSchool ORDER BY grouping, position
                """, logger: logger)
            for try await (grouping, school, name, contingent, relativeResult, key, site, reason)
                in schoolRows.decode((Int, String, String?, String?, Double?, String, String?, String?).self)
            {
                guard let group = Group(rawValue: key) else { throw StoreError.corrupt("groupingSchool.groupKey «\(key)»") }
                schools[grouping, default: []].append(GroupedSchool(
                    school: school, name: name, contingent: contingent.flatMap(Contingent.init(rawValue:)), relativeResult: relativeResult,
                    group: group, site: site, reason: reason))
            }
            var groupings: [SupportGrouping] = []
            let rows = try await connection.query("""
                SELECT id, method, year, subject, capacity, minStudents, z, resultThreshold, contingentThreshold, createdAt, login
                FROM grouping ORDER BY id DESC
                """, logger: logger)
            for try await (id, method, year, subject, capacity, minStudents, z, resultThreshold, contingentThreshold, createdAt, login)
                in rows.decode((Int, String, String, String?, Int, Int, Double, Double, Double, Int64, String).self)
            {
                guard let m = ClusteringMethod(rawValue: method), let y = AcademicYear(year) else {
                    throw StoreError.corrupt("grouping \(id): «\(method)», «\(year)»")
                }
                let options = ClassificationOptions(minStudents: minStudents, z: z, resultThreshold: resultThreshold,
                                                    contingentThreshold: contingentThreshold)
                groupings.append(SupportGrouping(id: id, settings: GroupingSettings(method: m, year: y, subject: subject, capacity: capacity,
                                                                                    options: options),
                                                 createdAt: createdAt, login: login, schools: schools[id] ?? []))
            }
            return groupings
        }
    }

    public func roadMaps(grouping: Int) async throws(StoreError) -> [RoadMap] {
        try await reading { connection in
            var actions: [String: [SupportAction]] = [:]
            let actionRows = try await connection.query("""
                SELECT school, number, level, kind, title, responsible, fromMonth, toMonth, event
                FROM supportAction WHERE grouping = \(grouping) ORDER BY school, number
                """, logger: logger)
            for try await (school, number, level, kind, title, responsible, from, to, event)
                in actionRows.decode((String, Int, String, String, String, String, String, String, Int?).self)
            {
                guard let l = SupportLevel(rawValue: level), let k = SupportKind(rawValue: kind), let f = YearMonth(iso: from),
                      let t = YearMonth(iso: to) else { throw StoreError.corrupt("supportAction «\(level)», «\(kind)», «\(from)»") }
                actions[school, default: []].append(SupportAction(number: number, level: l, kind: k, title: title, responsible: responsible,
                                                                  from: f, to: t, event: event))
            }
            var maps: [RoadMap] = []
            // NULLS FIRST: a road map of a school no longer in the grouping comes first, as SQLite orders NULL.
            let rows = try await connection.query("""
                SELECT roadMap.school, roadMap.text FROM roadMap LEFT JOIN groupingSchool
                  ON groupingSchool.grouping = roadMap.grouping AND groupingSchool.school = roadMap.school
                WHERE roadMap.grouping = \(grouping) ORDER BY groupingSchool.position NULLS FIRST, roadMap.school
                """, logger: logger)
            for try await (school, text) in rows.decode((String, String).self) {
                maps.append(RoadMap(grouping: grouping, school: school, text: text, actions: actions[school] ?? []))
            }
            return maps
        }
    }

    public func saveRoadMap(_ map: RoadMap, audit: [AuditEntry]) async throws(StoreError) {
        try await writing { connection in
            // Its actions go with it (ON DELETE CASCADE).
            try await connection.query("DELETE FROM roadMap WHERE grouping = \(map.grouping) AND school = \(map.school)", logger: logger)
            try await connection.query("INSERT INTO roadMap (grouping, school, text) VALUES (\(map.grouping), \(map.school), \(map.text))",
                                       logger: logger)
            try await connection.insertAll(into: "supportAction", ["grouping", "school", "number", "level", "kind", "title", "responsible",
                                                                   "fromMonth", "toMonth", "event"], map.actions, logger: logger) { a, binds in
                binds.append(map.grouping)
                binds.append(map.school)
                binds.append(a.number)
                binds.append(a.level.rawValue)
                binds.append(a.kind.rawValue)
                binds.append(a.title)
                binds.append(a.responsible)
                binds.append(a.from.description)
                binds.append(a.to.description)
                binds.append(a.event)
            }
            try await Self.insertAudit(audit, connection, logger)
            try await Self.bumpRevision(connection, logger)
        }
    }

    private static func insertSchools(_ schools: [GroupedSchool], grouping: Int, _ connection: PostgresConnection, _ logger: Logger)
        async throws {
        try await connection.insertAll(into: "groupingSchool", ["grouping", "school", "position", "name", "contingent", "relativeResult",
                                                                "groupKey", "site", "reason"], schools.enumerated(), logger: logger) { item, binds in
            let s = item.element
            binds.append(grouping)
            binds.append(s.school)
            binds.append(item.offset)
            binds.append(s.name)
            binds.append(s.contingent?.rawValue)
            binds.append(s.relativeResult)
            binds.append(s.group.rawValue)
            binds.append(s.site)
            binds.append(s.reason)
        }
    }
}
