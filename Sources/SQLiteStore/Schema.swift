import GRDB

/// The one migrator. Shipped migrations are never edited: add a new one instead.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "meta") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.create(table: "school") { t in
                t.primaryKey("id", .text)
                t.column("position", .integer).notNull()
                t.column("name", .text).notNull()
                t.column("district", .text)
                t.column("kind", .text).notNull()
                t.column("address", .text)
                t.column("contingent", .text)
            }
            try db.create(table: "cluster") { t in
                t.primaryKey("id", .text)
                t.column("position", .integer).notNull()
                t.column("title", .text).notNull()
                t.column("district", .text)
                t.column("profile", .text)
                t.column("lead", .text).notNull().references("school")
                t.column("coordinatorName", .text)
                t.column("coordinatorEmail", .text)
                t.column("hasPlan", .boolean).notNull()
                t.column("planYears", .text).notNull()
                t.column("theme", .text)
                t.column("goal", .text).notNull()
            }
            try db.create(table: "clusterMember") { t in
                t.column("cluster", .text).notNull().references("cluster", onDelete: .cascade)
                t.column("school", .text).notNull().references("school")
                t.column("position", .integer).notNull()
                t.primaryKey(["cluster", "school"])
            }
            try db.create(table: "planTask") { t in
                t.column("cluster", .text).notNull().references("cluster", onDelete: .cascade)
                t.column("id", .text).notNull()
                t.column("position", .integer).notNull()
                t.column("text", .text).notNull()
                t.primaryKey(["cluster", "id"])
            }
            try db.create(table: "direction") { t in
                t.column("cluster", .text).notNull().references("cluster", onDelete: .cascade)
                t.column("id", .text).notNull()
                t.column("position", .integer).notNull()
                t.column("title", .text).notNull()
                t.column("items", .jsonText).notNull()
                t.primaryKey(["cluster", "id"])
            }
            try db.create(table: "indicator") { t in
                t.column("cluster", .text).notNull().references("cluster", onDelete: .cascade)
                t.column("id", .text).notNull()
                t.column("position", .integer).notNull()
                t.column("title", .text).notNull()
                t.column("target", .double)
                t.column("unit", .text)
                t.primaryKey(["cluster", "id"])
            }
            // Events outlive their plan rows: a removed event (or one of a removed cluster) is kept
            // with its last plan data so feeds can show it cancelled; hence no foreign keys here.
            try db.create(table: "event") { t in
                t.column("cluster", .text).notNull()
                t.column("number", .integer).notNull()
                t.primaryKey(["cluster", "number"])
                t.column("year", .text).notNull()
                t.column("format", .text).notNull()
                t.column("title", .text).notNull()
                t.column("purpose", .text)
                t.column("timingKind", .text).notNull().check { ["month", "window", "pinned"].contains($0) }
                t.column("timingFrom", .text).notNull()
                t.column("timingTo", .text).notNull()
                t.column("plannedStart", .text)
                t.column("durationMinutes", .integer).notNull()
                t.column("host", .text).notNull()
                t.column("participants", .jsonText).notNull()
                t.column("tasks", .jsonText).notNull()
                // State.
                t.column("postponedTo", .text)
                t.column("date", .text)
                t.column("startTime", .text)
                t.column("sequence", .integer).notNull().check { $0 >= 0 }
                t.column("lastModified", .integer).notNull()
                t.column("status", .text).notNull()
                // Outcome.
                t.column("heldOn", .text)
                t.column("participantCount", .integer).check { $0 == nil || $0 >= 0 }
                t.column("outcomeSchools", .jsonText).notNull()
                t.column("note", .text)
                t.column("products", .text)
                t.column("cancellationReason", .text)
            }
            try db.create(table: "vacation") { t in
                t.autoIncrementedPrimaryKey("rowid")
                t.column("title", .text).notNull()
                t.column("fromDate", .text).notNull()
                t.column("toDate", .text).notNull()
                t.column("district", .text)
            }
            try db.create(table: "holiday") { t in
                t.primaryKey("date", .text)
            }
            // The built-in public holidays in force when the plan was imported, so that a schedule
            // made from the store sees the same days off as the plan files did.
            try db.create(table: "publicHoliday") { t in
                t.primaryKey("date", .text)
                t.column("kind", .text).notNull().check { ["holiday", "dayOff", "workingDay"].contains($0) }
                t.column("name", .text)
            }
            try db.create(table: "busyPeriod") { t in
                t.autoIncrementedPrimaryKey("rowid")
                t.column("school", .text)
                t.column("fromDate", .text)
                t.column("toDate", .text)
                t.column("reason", .text)
                t.column("icsPath", .text)
            }
            try db.create(table: "course") { t in
                t.primaryKey("id", .text)
                t.column("position", .integer).notNull()
                t.column("title", .text).notNull()
                t.column("provider", .text)
            }
            try db.create(table: "enrolment") { t in
                t.autoIncrementedPrimaryKey("rowid")
                t.column("course", .text).notNull().references("course", onDelete: .cascade)
                t.column("year", .text).notNull()
                t.column("school", .text).notNull()
                t.column("teams", .integer).notNull()
                t.column("listeners", .integer).notNull()
            }
            try db.create(table: "courseTarget") { t in
                t.autoIncrementedPrimaryKey("rowid")
                t.column("course", .text).notNull().references("course", onDelete: .cascade)
                t.column("year", .text).notNull()
                t.column("listeners", .integer).notNull()
                t.column("schools", .integer).notNull()
                t.column("cluster", .text)
            }
            try db.create(table: "indicatorValue") { t in
                t.column("cluster", .text).notNull()
                t.column("indicator", .text).notNull()
                t.column("year", .text).notNull()
                t.column("value", .double).notNull()
                t.primaryKey(["cluster", "indicator", "year"])
            }
        }
        // Codes of status and kind columns are checked by SQLite itself, so a hand edit or a
        // second writer cannot store a value the domain does not know.
        migrator.registerMigration("v2-checks") { db in
            try addChecks(db, table: "event", [
                "status IN ('planned', 'scheduled', 'held', 'postponed', 'cancelled', 'removed')",
                "format IN ('conference', 'seminar', 'round-table', 'working-meeting', 'master-class', 'open-lesson', "
                    + "'consultation', 'webinar', 'training')",
            ])
            try addChecks(db, table: "school", [
                "kind IN ('school', 'gymnasium', 'lyceum', 'boarding', 'college', 'kindergarten', 'other')",
                "contingent IS NULL OR contingent IN ('complex', 'favourable')",
            ])
        }
        // Busy calendars are read once, at import: `schedule` uses these rows and never opens the files.
        migrator.registerMigration("v3-busy-intervals") { db in
            try db.create(table: "busyInterval") { t in
                t.autoIncrementedPrimaryKey("rowid")
                t.column("school", .text)
                t.column("startDay", .text).notNull()
                t.column("startMinute", .integer).notNull()
                t.column("endDay", .text).notNull()
                t.column("endMinute", .integer).notNull()
                t.column("reason", .text)
                t.column("source", .text).notNull()
            }
        }
        // Plan-file `privacy:` per cluster (contract v2); the methodical centre lives in `meta`.
        migrator.registerMigration("v4-privacy") { db in
            try db.alter(table: "cluster") { t in
                t.add(column: "contactPrivate", .boolean).notNull().defaults(to: false)
                t.add(column: "notesPrivate", .boolean).notNull().defaults(to: false)
            }
        }
        // Workspace sign-in: only bcrypt hashes and SHA-256 digests of secrets are stored.
        migrator.registerMigration("v5-accounts") { db in
            try db.create(table: "account") { t in
                t.primaryKey("login", .text)
                t.column("role", .text).notNull().check { ["methodist", "coordinator", "school"].contains($0) }
                t.column("school", .text)
                t.column("disabled", .boolean).notNull()
                t.column("mustChangePassword", .boolean).notNull()
                t.column("passwordHash", .text).notNull()
                t.column("created", .integer).notNull()
            }
            // Cluster ids are not foreign keys: a coordinator keeps their clusters across a re-import.
            try db.create(table: "accountCluster") { t in
                t.column("login", .text).notNull().references("account", onDelete: .cascade)
                t.column("cluster", .text).notNull()
                t.column("position", .integer).notNull()
                t.primaryKey(["login", "cluster"])
            }
            try db.create(table: "session") { t in
                t.primaryKey("digest", .text)
                t.column("login", .text).notNull().indexed().references("account", onDelete: .cascade)
                t.column("expires", .integer).notNull()
            }
            try db.create(table: "apiToken") { t in
                t.primaryKey("digest", .text)
                t.column("login", .text).notNull().unique().references("account", onDelete: .cascade)
                t.column("created", .integer).notNull()
            }
            // Unknown logins count too, so the limit does not tell which logins exist.
            try db.create(table: "signInFailure") { t in
                t.autoIncrementedPrimaryKey("rowid")
                t.column("login", .text).notNull().indexed()
                t.column("at", .integer).notNull()
            }
        }
        // The workspace (issue 15): pending time-and-place values waiting for publish, a revision
        // per event for stale forms, per-year indicator targets, the audit log and schedule versions.
        migrator.registerMigration("v6-edits") { db in
            try db.alter(table: "event") { t in
                t.add(column: "revision", .integer).notNull().defaults(to: 0)
                t.add(column: "pendingYear", .text)
                t.add(column: "pendingTimingKind", .text)
                t.add(column: "pendingTimingFrom", .text)
                t.add(column: "pendingTimingTo", .text)
                t.add(column: "pendingStart", .text)
                t.add(column: "pendingDuration", .integer)
                t.add(column: "pendingHost", .text)
            }
            try db.alter(table: "indicator") { t in
                t.add(column: "targets", .jsonText).notNull().defaults(to: "[]")
            }
            try db.create(table: "audit") { t in
                t.autoIncrementedPrimaryKey("rowid")
                t.column("at", .integer).notNull()
                t.column("login", .text).notNull()
                t.column("source", .text).notNull().check { ["web", "api", "import", "cli"].contains($0) }
                t.column("cluster", .text).notNull().indexed()
                t.column("event", .integer)
                t.column("field", .text).notNull()
                t.column("oldValue", .text)
                t.column("newValue", .text)
            }
            try db.create(table: "scheduleVersion") { t in
                t.column("cluster", .text).notNull()
                t.column("number", .integer).notNull()
                t.primaryKey(["cluster", "number"])
                t.column("at", .integer).notNull()
                t.column("login", .text).notNull()
            }
            try db.create(table: "scheduleMove") { t in
                t.autoIncrementedPrimaryKey("rowid")
                t.column("cluster", .text).notNull()
                t.column("version", .integer).notNull()
                t.foreignKey(["cluster", "version"], references: "scheduleVersion", onDelete: .cascade)
                t.column("event", .integer).notNull()
                t.column("oldDate", .text)
                t.column("oldStart", .text)
                t.column("newDate", .text)
                t.column("newStart", .text)
            }
        }
        // Partner venues and online events' links (contract v2: `venues:`, `host: online`, `link:`).
        migrator.registerMigration("v7-venues") { db in
            try db.create(table: "venue") { t in
                t.primaryKey("id", .text)
                t.column("position", .integer).notNull()
                t.column("name", .text).notNull()
                t.column("address", .text)
                t.column("district", .text)
            }
            try db.alter(table: "event") { t in t.add(column: "link", .text) }
        }
        // Files attached to events (the workspace's materials); the bytes stay out of every snapshot read.
        migrator.registerMigration("v8-materials") { db in
            try db.create(table: "material") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("cluster", .text).notNull()
                t.column("number", .integer).notNull()
                t.column("fileName", .text).notNull()
                t.column("title", .text).notNull()
                t.column("contentType", .text).notNull()
                t.column("size", .integer).notNull()
                t.column("uploadedAt", .integer).notNull()
                t.column("content", .blob).notNull()
                t.foreignKey(["cluster", "number"], references: "event", onDelete: .cascade)
            }
            try db.create(index: "materialByEvent", on: "material", columns: ["cluster", "number"])
        }
        SQLiteStore.registerRegistrations(&migrator)
        SQLiteStore.registerOutbox(&migrator)
        registerSupport(&migrator)
        // A CHECK with `x IN ('a', 'b', …)` makes SQLite build a temporary index of the list each
        // time a statement runs, once per inserted or updated row: about 5 µs a row and list, over
        // a second of a country import (BENCHMARKS.md, round 7). The same checks as comparisons.
        migrator.registerMigration("v12-checks-as-comparisons") { db in
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '% IN (''%'") {
                try rebuild(db, table: table, comparisons)
            }
        }
        return migrator
    }

    /// `x IN ('a', 'b')` written as `(x = 'a' OR x = 'b')`: the same truth, NULL included.
    static func comparisons(_ sql: String) -> String {
        sql.replacing(#/("?\w+"?) IN \(('[^']*'(?:, *'[^']*')*)\)/#) { match in
            let column = match.output.1
            return "(" + match.output.2.matches(of: #/'[^']*'/#).map { "\(column) = \($0.output)" }.joined(separator: " OR ") + ")"
        }
    }

    /// SQLite cannot add a CHECK to a table: the table is rebuilt with the same columns and
    /// constraints plus the checks.
    private static func addChecks(_ db: Database, table: String, _ checks: [String]) throws {
        try rebuild(db, table: table) { sql in
            guard let close = sql.lastIndex(of: ")") else { return sql }
            return String(sql[..<close]) + ", " + checks.map { "CHECK (\($0))" }.joined(separator: ", ") + ")"
        }
    }

    /// Rebuilds `table` from its `CREATE TABLE` statement changed by `change`: rows copied, the new
    /// table takes the old name, its indexes made again (GRDB runs migrations with foreign keys
    /// checked only at the end).
    private static func rebuild(_ db: Database, table: String, _ change: (String) -> String) throws {
        guard let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                                            arguments: [table]),
              let open = sql.firstIndex(of: "(") else {
            throw DatabaseError(message: "no table \(table)")
        }
        let indexes = try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
                                          arguments: [table])
        try db.execute(sql: change("CREATE TABLE \"\(table)_new\" " + sql[open...]))
        try db.execute(sql: "INSERT INTO \"\(table)_new\" SELECT * FROM \"\(table)\"")
        try db.execute(sql: "DROP TABLE \"\(table)\"")
        try db.execute(sql: "ALTER TABLE \"\(table)_new\" RENAME TO \"\(table)\"")
        for index in indexes { try db.execute(sql: index) }
    }
}
