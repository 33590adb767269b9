import Foundation
import TestSupport
import Testing

@Suite struct ScheduleAndExportTests {
    let database: String

    init() throws {
        database = try Fixtures.temporaryDirectory().appendingPathComponent("test.sqlite").path
    }

    private func run(_ arguments: String...) throws -> CommandLineRun {
        try CommandLineRun.clusterplan(arguments, database: database)
    }

    @Test func infeasibleEventExitsThreeAndNamesTheConstraints() throws {
        _ = try run("import", "Tests/Fixtures/schedule/infeasible")
        let result = try run("schedule", "--explain")
        #expect(result.status == 3)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("НЕ НАЗНАЧЕНО tight/1: нет подходящего дня"))
        #expect(lines.contains("    1 день — каникулы (Осенние каникулы), а календарь запрещает мероприятия в каникулы"))
        #expect(lines.contains("    12 дней — школа 1 занята (ремонт, 05.11.2019–20.11.2019)"))
        #expect(lines.contains("    7 дней — школа 2 занята (Tests/Fixtures/schedule/infeasible/busy-2.ics: Олимпиада)"))
        #expect(lines.contains("назначено  tight/2: вт 17.12.2019 15:00"))
        #expect(lines.last == "Записано изменений: 1.")
        #expect(lines.contains("tight/1: школы 1 и 2 заняты во все рабочие дни окна ноябрь 2019, кроме каникул (Осенние каникулы), "
            + "в которые календарь запрещает мероприятия"))
    }

    @Test func aRepairNeedsItsBudgetElseExitsFour() throws {
        _ = try run("import", "Tests/Fixtures/schedule/repair")
        let short = try run("schedule", "--dry-run", "--budget", "0")
        #expect(short.status == 4)
        #expect(short.stdout.contains("не удалось доказать, что расписание невозможно"))
        #expect(short.stdout.contains("НЕ НАЗНАЧЕНО b/1: нет подходящего дня"))
        let full = try run("schedule")
        #expect(full.status == 0)
        #expect(full.stdout.hasPrefix("назначено  a/1: вт 15.10.2019 15:00\nназначено  b/1: ср 16.10.2019 15:00\n"))
        #expect(try run("schedule", "--budget=-1").stderr.contains("--budget: нужно неотрицательное число секунд"))
    }

    @Test func dryRunWritesNothingAndAScheduleIsStable() throws {
        _ = try run("import", "plans/nevsky")
        let dry = try run("schedule", "--dry-run")
        #expect(dry.status == 0)
        #expect(dry.stdout.hasSuffix("Пробный запуск (--dry-run): база не изменена.\n"))
        let before = try run("events", "--format", "csv")
        #expect(!before.stdout.contains("назначено"))
        let real = try run("schedule")
        #expect(real.stdout.hasSuffix("Итого: назначено 8, перенесено 0, без изменений 0, не назначено 0.\nЗаписано изменений: 8.\n"))
        let again = try run("schedule", "--today", "2019-09-01")
        #expect(again.stdout == "Итого: назначено 0, перенесено 0, без изменений 8, не назначено 0.\nБаза не изменилась.\n")
        // Today every date of the plan is past: nothing may move.
        let later = try run("schedule")
        #expect(later.stdout == "Итого: назначено 0, перенесено 0, без изменений 0, не назначено 0.\nБаза не изменилась.\n")
    }

    @Test func exportIsByteIdenticalAndSaysWhatWasLeftOut() throws {
        _ = try run("import", "plans/nevsky")
        let undated = try run("export", "ics", "--cluster", "nevsky-exact")
        #expect(undated.status == 0)
        #expect(undated.stderr == "без даты, не выгружено: 8 — nevsky-exact/1, nevsky-exact/2, nevsky-exact/3, nevsky-exact/4, "
                + "nevsky-exact/6, nevsky-exact/7, nevsky-exact/8, nevsky-exact/9\n")
        _ = try run("schedule")
        let first = try run("export", "ics", "--cluster", "nevsky-exact")
        let second = try run("export", "ics", "--cluster", "nevsky-exact")
        #expect(first.stderr.isEmpty)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.components(separatedBy: "BEGIN:VEVENT").count == 9)
        #expect(first.stdout.contains("DTSTART;TZID=Europe/Moscow:20191016T150000\r\n"))

        // --out writes the same bytes, over an existing file too, and leaves nothing else behind.
        let folder = try Fixtures.temporaryDirectory()
        let out = folder.appendingPathComponent("nevsky.ics")
        for _ in 0..<2 {
            #expect(try run("export", "ics", "--cluster", "nevsky-exact", "--out", out.path).status == 0)
            #expect(try String(contentsOf: out, encoding: .utf8) == first.stdout)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["nevsky.ics"])
        let unwritable = try run("export", "ics", "--district", "--out", folder.appendingPathComponent("no/such/dir.ics").path)
        #expect(unwritable.status == 1)
        #expect(unwritable.stderr.hasPrefix("ошибка: "))
    }

    @Test(arguments: [
        (["export", "ics", "--cluster", "nope"], "ошибка: нет кластера «nope»\n"),
        (["export", "ics", "--school", "nope"], "ошибка: нет школы «nope»\n"),
    ])
    func exportRefusesUnknownIDs(arguments: [String], message: String) throws {
        _ = try run("import", "plans/nevsky")
        let result = try CommandLineRun.clusterplan(arguments, database: database)
        #expect(result.status == 1)
        #expect(result.stderr == message)
    }

    @Test func reportIsWrittenToAFile() throws {
        _ = try run("import", "plans")
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("report.docx").path
        let result = try run("report", "--year", "2019/2020", "--format", "docx", "--out", out)
        #expect(result.status == 0)
        let bytes = try #require(FileManager.default.contents(atPath: out))
        #expect(bytes.prefix(2) == Data("PK".utf8))
        let unknown = try run("report", "--year", "2019/2020", "--cluster", "nope", "--format", "md")
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "ошибка: неизвестный кластер «nope» (есть: kirov-1, kirov-2, kirov-3, kirov-4, "
                + "millerovo-tochka-rosta, nevsky-exact)\n")
    }

    @Test func aYearOutsideEveryPlanIsAnError() throws {
        _ = try run("import", "plans/nevsky")
        for arguments in [["report", "--year", "2023/2024", "--format", "md"], ["events", "--year", "2023/2024"]] {
            let result = try CommandLineRun.clusterplan(arguments, database: database)
            #expect(result.status == 1)
            #expect(result.stderr == "ошибка: учебный год вне всех планов: «2023/2024» (есть: 2019/2020, 2020/2021)\n")
        }
    }
}

@Suite struct RescheduleTests {
    @Test func aNewBusyPeriodMovesOnlyTheAffectedEventAndRaisesOnlyItsSequence() throws {
        let folder = try Fixtures.temporaryDirectory()
        let fm = FileManager.default
        for file in ["nevsky-exact.yaml", "calendar-spb.yaml"] {
            try fm.copyItem(at: Fixtures.plansDirectory.appendingPathComponent("nevsky/\(file)"),
                            to: folder.appendingPathComponent(file))
        }
        let database = folder.appendingPathComponent("db.sqlite").path
        func run(_ arguments: String...) throws -> CommandLineRun { try CommandLineRun.clusterplan(arguments, database: database) }
        _ = try run("import", folder.path)
        _ = try run("schedule")
        let before = try run("export", "ics", "--cluster", "nevsky-exact").stdout

        // Gymnasium 498 hosts event 3 in February 2020 and now has ВПР on the chosen day.
        let calendar = folder.appendingPathComponent("calendar-spb.yaml")
        var text = try String(contentsOf: calendar, encoding: .utf8)
        text = text.replacingOccurrences(of: "busy: []", with: """
            busy:
                - {school: "498", from: 2020-02-10, to: 2020-02-14, reason: ВПР}
            """)
        try text.write(to: calendar, atomically: true, encoding: .utf8)
        let reimport = try run("import", folder.path)
        #expect(reimport.stdout.hasSuffix("Календарь обновлён.\n"))
        // As on 1 September 2019: every date is still ahead (past dates never move).
        let moved = try run("schedule", "--today", "2019-09-01")
        #expect(moved.stdout.hasPrefix("перенесено nevsky-exact/3: чт 13.02.2020 15:00 → вт 18.02.2020 15:00\n"))
        #expect(moved.stdout.contains("Итого: назначено 0, перенесено 1, без изменений 7, не назначено 0."))

        let csv = try run("events", "--format", "csv").stdout.split(separator: "\r\n").dropFirst()
        let sequences = csv.map { $0.split(separator: ",").last.map(String.init) ?? "" }
        #expect(sequences == ["0", "0", "1", "0", "0", "0", "0", "0"])
        let after = try run("export", "ics", "--cluster", "nevsky-exact").stdout
        #expect(before.contains("DTSTART;TZID=Europe/Moscow:20200213T150000"))
        #expect(after.contains("DTSTART;TZID=Europe/Moscow:20200218T150000"))
        #expect(!after.contains("20200213T150000"))
    }
}
