import GRDB

extension Schema {
    /// A new store's schema at once: what running every migration in turn leaves (migrating a new
    /// file took 36–51 ms of the city's 80–130 ms import; BENCHMARKS.md, round 9). Each statement is
    /// one line of `sqlite_master`, wrapped here with `\#`. `SQLiteStoreTests` checks it is exactly
    /// the migrations' result and prints it anew when a migration is added.
    static let current = #"""
    CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
    CREATE TABLE "meta" ("key" TEXT PRIMARY KEY NOT NULL, "value" TEXT NOT NULL);
    CREATE TABLE "cluster" ("id" TEXT PRIMARY KEY NOT NULL, "position" INTEGER NOT NULL, "title" TEXT NOT NULL, \#
    "district" TEXT, "profile" TEXT, "lead" TEXT NOT NULL REFERENCES "school"("id"), "coordinatorName" TEXT, \#
    "coordinatorEmail" TEXT, "hasPlan" BOOLEAN NOT NULL, "planYears" TEXT NOT NULL, "theme" TEXT, \#
    "goal" TEXT NOT NULL, "contactPrivate" BOOLEAN NOT NULL DEFAULT 0, "notesPrivate" BOOLEAN NOT NULL DEFAULT 0);
    CREATE TABLE "clusterMember" ("cluster" TEXT NOT NULL REFERENCES "cluster"("id") ON DELETE CASCADE, \#
    "school" TEXT NOT NULL REFERENCES "school"("id"), "position" INTEGER NOT NULL, PRIMARY KEY ("cluster", \#
    "school"));
    CREATE TABLE "planTask" ("cluster" TEXT NOT NULL REFERENCES "cluster"("id") ON DELETE CASCADE, \#
    "id" TEXT NOT NULL, "position" INTEGER NOT NULL, "text" TEXT NOT NULL, PRIMARY KEY ("cluster", "id"));
    CREATE TABLE "direction" ("cluster" TEXT NOT NULL REFERENCES "cluster"("id") ON DELETE CASCADE, \#
    "id" TEXT NOT NULL, "position" INTEGER NOT NULL, "title" TEXT NOT NULL, "items" TEXT NOT NULL, \#
    PRIMARY KEY ("cluster", "id"));
    CREATE TABLE "indicator" ("cluster" TEXT NOT NULL REFERENCES "cluster"("id") ON DELETE CASCADE, \#
    "id" TEXT NOT NULL, "position" INTEGER NOT NULL, "title" TEXT NOT NULL, "target" DOUBLE, "unit" TEXT, \#
    "targets" TEXT NOT NULL DEFAULT '[]', PRIMARY KEY ("cluster", "id"));
    CREATE TABLE "vacation" ("rowid" INTEGER PRIMARY KEY AUTOINCREMENT, "title" TEXT NOT NULL, \#
    "fromDate" TEXT NOT NULL, "toDate" TEXT NOT NULL, "district" TEXT);
    CREATE TABLE "holiday" ("date" TEXT PRIMARY KEY NOT NULL);
    CREATE TABLE "busyPeriod" ("rowid" INTEGER PRIMARY KEY AUTOINCREMENT, "school" TEXT, "fromDate" TEXT, \#
    "toDate" TEXT, "reason" TEXT, "icsPath" TEXT);
    CREATE TABLE "course" ("id" TEXT PRIMARY KEY NOT NULL, "position" INTEGER NOT NULL, "title" TEXT NOT NULL, \#
    "provider" TEXT);
    CREATE TABLE "enrolment" ("rowid" INTEGER PRIMARY KEY AUTOINCREMENT, \#
    "course" TEXT NOT NULL REFERENCES "course"("id") ON DELETE CASCADE, "year" TEXT NOT NULL, \#
    "school" TEXT NOT NULL, "teams" INTEGER NOT NULL, "listeners" INTEGER NOT NULL);
    CREATE TABLE "courseTarget" ("rowid" INTEGER PRIMARY KEY AUTOINCREMENT, \#
    "course" TEXT NOT NULL REFERENCES "course"("id") ON DELETE CASCADE, "year" TEXT NOT NULL, \#
    "listeners" INTEGER NOT NULL, "schools" INTEGER NOT NULL, "cluster" TEXT);
    CREATE TABLE "indicatorValue" ("cluster" TEXT NOT NULL, "indicator" TEXT NOT NULL, "year" TEXT NOT NULL, \#
    "value" DOUBLE NOT NULL, PRIMARY KEY ("cluster", "indicator", "year"));
    CREATE TABLE "busyInterval" ("rowid" INTEGER PRIMARY KEY AUTOINCREMENT, "school" TEXT, \#
    "startDay" TEXT NOT NULL, "startMinute" INTEGER NOT NULL, "endDay" TEXT NOT NULL, "endMinute" INTEGER NOT NULL, \#
    "reason" TEXT, "source" TEXT NOT NULL);
    CREATE TABLE "accountCluster" ("login" TEXT NOT NULL REFERENCES "account"("login") ON DELETE CASCADE, \#
    "cluster" TEXT NOT NULL, "position" INTEGER NOT NULL, PRIMARY KEY ("login", "cluster"));
    CREATE TABLE "session" ("digest" TEXT PRIMARY KEY NOT NULL, \#
    "login" TEXT NOT NULL REFERENCES "account"("login") ON DELETE CASCADE, "expires" INTEGER NOT NULL);
    CREATE TABLE "apiToken" ("digest" TEXT PRIMARY KEY NOT NULL, \#
    "login" TEXT NOT NULL UNIQUE REFERENCES "account"("login") ON DELETE CASCADE, "created" INTEGER NOT NULL);
    CREATE TABLE "signInFailure" ("rowid" INTEGER PRIMARY KEY AUTOINCREMENT, "login" TEXT NOT NULL, \#
    "at" INTEGER NOT NULL);
    CREATE TABLE "scheduleVersion" ("cluster" TEXT NOT NULL, "number" INTEGER NOT NULL, "at" INTEGER NOT NULL, \#
    "login" TEXT NOT NULL, PRIMARY KEY ("cluster", "number"));
    CREATE TABLE "scheduleMove" ("rowid" INTEGER PRIMARY KEY AUTOINCREMENT, "cluster" TEXT NOT NULL, \#
    "version" INTEGER NOT NULL, "event" INTEGER NOT NULL, "oldDate" TEXT, "oldStart" TEXT, "newDate" TEXT, \#
    "newStart" TEXT, FOREIGN KEY ("cluster", "version") REFERENCES "scheduleVersion"("cluster", \#
    "number") ON DELETE CASCADE);
    CREATE TABLE "venue" ("id" TEXT PRIMARY KEY NOT NULL, "position" INTEGER NOT NULL, "name" TEXT NOT NULL, \#
    "address" TEXT, "district" TEXT);
    CREATE TABLE "material" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "cluster" TEXT NOT NULL, \#
    "number" INTEGER NOT NULL, "fileName" TEXT NOT NULL, "title" TEXT NOT NULL, "contentType" TEXT NOT NULL, \#
    "size" INTEGER NOT NULL, "uploadedAt" INTEGER NOT NULL, "content" BLOB NOT NULL, FOREIGN KEY ("cluster", \#
    "number") REFERENCES "event"("cluster", "number") ON DELETE CASCADE);
    CREATE TABLE "registrationSetting" ("cluster" TEXT NOT NULL, "number" INTEGER NOT NULL, \#
    "open" BOOLEAN NOT NULL, "capacity" INTEGER CHECK (("capacity" IS NULL) OR ("capacity" >= 0)), "deadline" TEXT, \#
    PRIMARY KEY ("cluster", "number"), FOREIGN KEY ("cluster", "number") REFERENCES "event"("cluster", \#
    "number") ON DELETE CASCADE);
    CREATE TABLE "courseEvent" ("course" TEXT NOT NULL REFERENCES "course"("id") ON DELETE CASCADE, \#
    "position" INTEGER NOT NULL, "cluster" TEXT NOT NULL, "number" INTEGER NOT NULL, PRIMARY KEY ("course", \#
    "cluster", "number"));
    CREATE TABLE "personalFeed" ("email" TEXT PRIMARY KEY NOT NULL, "digest" TEXT NOT NULL UNIQUE, \#
    "created" INTEGER NOT NULL);
    CREATE TABLE "outbox" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "key" TEXT NOT NULL UNIQUE, \#
    "cluster" TEXT NOT NULL, "number" INTEGER NOT NULL, "recipient" TEXT NOT NULL, "message" TEXT NOT NULL, \#
    "createdAt" INTEGER NOT NULL, "attempts" INTEGER NOT NULL DEFAULT 0, "nextAttemptAt" INTEGER NOT NULL, \#
    "sentAt" INTEGER, "lastError" TEXT);
    CREATE TABLE "feedCount" ("feed" TEXT NOT NULL, "day" TEXT NOT NULL, "client" TEXT NOT NULL, \#
    "subscribers" INTEGER NOT NULL, "lastFetch" INTEGER NOT NULL, PRIMARY KEY ("feed", "day", "client"));
    CREATE TABLE "grouping" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "method" TEXT NOT NULL, "year" TEXT NOT NULL, \#
    "subject" TEXT, "capacity" INTEGER NOT NULL, "minStudents" INTEGER NOT NULL, "z" DOUBLE NOT NULL, \#
    "resultThreshold" DOUBLE NOT NULL, "contingentThreshold" DOUBLE NOT NULL, "createdAt" INTEGER NOT NULL, \#
    "login" TEXT NOT NULL);
    CREATE TABLE "groupingSchool" ("grouping" INTEGER NOT NULL REFERENCES "grouping"("id") ON DELETE CASCADE, \#
    "school" TEXT NOT NULL, "position" INTEGER NOT NULL, "name" TEXT, "contingent" TEXT, "relativeResult" DOUBLE, \#
    "groupKey" TEXT NOT NULL, "site" TEXT, "reason" TEXT, PRIMARY KEY ("grouping", "school"));
    CREATE TABLE "roadMap" ("grouping" INTEGER NOT NULL REFERENCES "grouping"("id") ON DELETE CASCADE, \#
    "school" TEXT NOT NULL, "text" TEXT NOT NULL, PRIMARY KEY ("grouping", "school"));
    CREATE TABLE "supportAction" ("grouping" INTEGER NOT NULL, "school" TEXT NOT NULL, "number" INTEGER NOT NULL, \#
    "level" TEXT NOT NULL, "kind" TEXT NOT NULL, "title" TEXT NOT NULL, "responsible" TEXT NOT NULL, \#
    "fromMonth" TEXT NOT NULL, "toMonth" TEXT NOT NULL, "event" INTEGER, PRIMARY KEY ("grouping", "school", \#
    "number"), FOREIGN KEY ("grouping", "school") REFERENCES "roadMap"("grouping", "school") ON DELETE CASCADE);
    CREATE TABLE "publicHoliday" ("date" TEXT PRIMARY KEY NOT NULL, \#
    "kind" TEXT NOT NULL CHECK (("kind" = 'holiday' OR "kind" = 'dayOff' OR "kind" = 'workingDay')), "name" TEXT);
    CREATE TABLE "event" ("cluster" TEXT NOT NULL, "number" INTEGER NOT NULL, "year" TEXT NOT NULL, \#
    "format" TEXT NOT NULL, "title" TEXT NOT NULL, "purpose" TEXT, \#
    "timingKind" TEXT NOT NULL CHECK (("timingKind" = 'month' OR "timingKind" = 'window' OR \#
    "timingKind" = 'pinned')), \#
    "timingFrom" TEXT NOT NULL, "timingTo" TEXT NOT NULL, "plannedStart" TEXT, "durationMinutes" INTEGER NOT NULL, \#
    "host" TEXT NOT NULL, "participants" TEXT NOT NULL, "tasks" TEXT NOT NULL, "postponedTo" TEXT, "date" TEXT, \#
    "startTime" TEXT, "sequence" INTEGER NOT NULL CHECK ("sequence" >= 0), "lastModified" INTEGER NOT NULL, \#
    "status" TEXT NOT NULL, "heldOn" TEXT, \#
    "participantCount" INTEGER CHECK (("participantCount" IS NULL) OR ("participantCount" >= 0)), \#
    "outcomeSchools" TEXT NOT NULL, "note" TEXT, "products" TEXT, "cancellationReason" TEXT, \#
    "revision" INTEGER NOT NULL DEFAULT 0, "pendingYear" TEXT, "pendingTimingKind" TEXT, "pendingTimingFrom" TEXT, \#
    "pendingTimingTo" TEXT, "pendingStart" TEXT, "pendingDuration" INTEGER, "pendingHost" TEXT, "link" TEXT, \#
    PRIMARY KEY ("cluster", "number"), \#
    CHECK ((status = 'planned' OR status = 'scheduled' OR status = 'held' OR status = 'postponed' OR \#
    status = 'cancelled' OR status = 'removed')), \#
    CHECK ((format = 'conference' OR format = 'seminar' OR format = 'round-table' OR \#
    format = 'working-meeting' OR format = 'master-class' OR format = 'open-lesson' OR format = 'consultation' OR \#
    format = 'webinar' OR format = 'training')));
    CREATE TABLE "school" ("id" TEXT PRIMARY KEY NOT NULL, "position" INTEGER NOT NULL, "name" TEXT NOT NULL, \#
    "district" TEXT, "kind" TEXT NOT NULL, "address" TEXT, "contingent" TEXT, \#
    CHECK ((kind = 'school' OR kind = 'gymnasium' OR kind = 'lyceum' OR kind = 'boarding' OR kind = 'college' OR \#
    kind = 'kindergarten' OR kind = 'other')), \#
    CHECK (contingent IS NULL OR (contingent = 'complex' OR contingent = 'favourable')));
    CREATE TABLE "account" ("login" TEXT PRIMARY KEY NOT NULL, \#
    "role" TEXT NOT NULL CHECK (("role" = 'methodist' OR "role" = 'coordinator' OR "role" = 'school')), \#
    "school" TEXT, "disabled" BOOLEAN NOT NULL, "mustChangePassword" BOOLEAN NOT NULL, \#
    "passwordHash" TEXT NOT NULL, "created" INTEGER NOT NULL);
    CREATE TABLE "audit" ("rowid" INTEGER PRIMARY KEY AUTOINCREMENT, "at" INTEGER NOT NULL, "login" TEXT NOT NULL, \#
    "source" TEXT NOT NULL CHECK (("source" = 'web' OR "source" = 'api' OR "source" = 'import' OR \#
    "source" = 'cli')), \#
    "cluster" TEXT NOT NULL, "event" INTEGER, "field" TEXT NOT NULL, "oldValue" TEXT, "newValue" TEXT);
    CREATE TABLE "registration" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "cluster" TEXT NOT NULL, \#
    "number" INTEGER NOT NULL, "name" TEXT NOT NULL, "school" TEXT NOT NULL, "position" TEXT NOT NULL, \#
    "email" TEXT, "consent" BOOLEAN NOT NULL, \#
    "status" TEXT NOT NULL CHECK (("status" = 'registered' OR "status" = 'waitlisted' OR "status" = 'cancelled')), \#
    "attended" BOOLEAN NOT NULL, "walkIn" BOOLEAN NOT NULL, "createdAt" INTEGER NOT NULL, \#
    "tokenDigest" TEXT NOT NULL UNIQUE, FOREIGN KEY ("cluster", "number") REFERENCES "event"("cluster", \#
    "number") ON DELETE CASCADE);
    CREATE TABLE "assessmentResult" ("school" TEXT NOT NULL, "assessment" TEXT NOT NULL, "subject" TEXT NOT NULL, \#
    "grade" INTEGER NOT NULL, "year" TEXT NOT NULL, "position" INTEGER NOT NULL, "students" INTEGER NOT NULL, \#
    "scoreKind" TEXT NOT NULL CHECK (("scoreKind" = 'mean' OR "scoreKind" = 'success')), "value" DOUBLE NOT NULL, \#
    "sd" DOUBLE, "name" TEXT, "kind" TEXT, "contingent" TEXT, "specialNeeds" DOUBLE, "nonNative" DOUBLE, \#
    "socialRisk" DOUBLE, PRIMARY KEY ("school", "assessment", "subject", "grade", "year"));
    CREATE INDEX "session_on_login" ON "session"("login");
    CREATE INDEX "signInFailure_on_login" ON "signInFailure"("login");
    CREATE INDEX "materialByEvent" ON "material"("cluster", "number");
    CREATE INDEX "outboxDue" ON "outbox"("sentAt", "nextAttemptAt");
    CREATE INDEX "outboxByEvent" ON "outbox"("cluster", "number");
    CREATE INDEX "audit_on_cluster" ON "audit"("cluster");
    CREATE INDEX "registration_on_email" ON "registration"("email");
    CREATE INDEX "registrationByEvent" ON "registration"("cluster", "number");
    """#

    /// Makes `current` in a database without tables and records every migration as applied;
    /// does nothing to a database that has any table.
    static func createIfEmpty(_ db: Database) throws {
        guard try isEmpty(db) else { return }
        try db.execute(sql: current)
        for migration in migrator.migrations {
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration])
        }
    }

    /// No table, index or anything else yet: a new file.
    static func isEmpty(_ db: Database) throws -> Bool {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") == 0
    }
}
