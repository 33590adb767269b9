import Foundation
import Operations
import Planning
import SQLiteStore
import TestSupport
import Testing

@Suite struct CommandLineTests {
    let database: String

    init() throws {
        database = try Fixtures.temporaryDirectory().appendingPathComponent("test.sqlite").path
    }

    private func run(_ arguments: String...) throws -> CommandLineRun {
        try CommandLineRun.clusterplan(arguments, database: database)
    }

    @Test func materialAddAttachesAFileAndRefusesWhatMayNotBeServed() throws {
        #expect(try run("import", "plans/nevsky").status == 0)
        let folder = try Fixtures.temporaryDirectory()
        let pdf = folder.appendingPathComponent("программа.pdf"), html = folder.appendingPathComponent("page.html")
        try Data("%PDF-1.4".utf8).write(to: pdf)
        try Data("<script>".utf8).write(to: html)
        let added = try run("material", "add", "nevsky-exact/1", pdf.path, "--title", "Программа семинара")
        #expect(added.status == 0)
        #expect(added.stdout == "Прикреплён материал 1 к nevsky-exact/1: Программа семинара (8 байт)\n")
        let refused = try run("material", "add", "nevsky-exact/1", html.path)
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("ошибка: page.html: файлы такого вида не принимаются"))
        let unknown = try run("material", "add", "nevsky-exact/5", pdf.path)
        #expect(unknown.status == 1)
        #expect(try run("material", "remove", "1").stdout == "Удалён материал 1\n")
        #expect(try run("material", "remove", "1").stderr == "ошибка: нет материала с номером 1\n")
    }

    /// The executable allocates through jemalloc (Package.swift says why): asked to, jemalloc prints
    /// its statistics at exit; glibc's malloc would print nothing.
    @Test func theExecutableAllocatesThroughJemalloc() throws {
        let result = try CommandLineRun.clusterplan(["--help"], environment: ["MALLOC_CONF": "stats_print:true"])
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("___ Begin jemalloc statistics ___\n"))
    }

    @Test func validateExitsOneAndPrintsEveryError() throws {
        let result = try run("validate", Fixtures.url("planfiles/broken.yaml").path)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 14)
        #expect(lines.last == "Найдено ошибок: 13")
        #expect(lines.first?.hasSuffix("broken.yaml:3:11: timezone: неизвестный часовой пояс «Europe/Moskva»") == true)
    }

    @Test func validateAcceptsTheSeedPlans() throws {
        let result = try run("validate", "plans")
        #expect(result.status == 0)
        #expect(result.stdout == "Ошибок нет: школ 63, кластеров 6, мероприятий 11.\n")
    }

    @Test func importIsIdempotentAndABrokenImportWritesNothing() throws {
        let first = try run("import", "plans")
        #expect(first.status == 0)
        #expect(first.stdout.contains("Школы добавлены: 63\n"))
        let second = try run("import", "plans")
        #expect(second.stdout.hasSuffix("Без изменений: база уже совпадает с файлами плана.\n"))
        let broken = try run("import", "plans", Fixtures.url("planfiles/broken.yaml").path)
        #expect(broken.status == 1)
        let after = try run("import", "plans")
        #expect(after.stdout.hasSuffix("Без изменений: база уже совпадает с файлами плана.\n"))
    }

    @Test func dbFlagMayStandBeforeTheCommand() throws {
        let other = try Fixtures.temporaryDirectory().appendingPathComponent("other.sqlite").path
        let result = try CommandLineRun.clusterplan(["--db", other, "import", "plans/nevsky"])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: other))
    }

    @Test func eventsListFiltersAndFormats() throws {
        _ = try run("import", "plans")
        let csv = try run("events", "--school", "498", "--year", "2020/2021", "--format", "csv")
        #expect(csv.status == 0)
        #expect(csv.stdout.split(separator: "\r\n").map(String.init) == [
            "id,year,from,to,date,start,end,status,format,host,title,sequence",
            "nevsky-exact/6,2020/2021,2020-10-01,2020-10-31,,,,planned,conference,344,Внедрение модели использования результатов оценочных процедур в области точных и естественнонаучных дисциплин в работу кластера,0",
            "nevsky-exact/7,2020/2021,2020-12-01,2020-12-31,,,,planned,working-meeting,344,Реализация модели использования результатов оценочных процедур в области точных и естественнонаучных дисциплин. Проблемы. Пути решения. Эффективность,0",
            "nevsky-exact/8,2020/2021,2021-02-01,2021-02-28,,,,planned,round-table,498,Значение оценочных процедур в формировании метапредметных результатов освоения учебных программ точных и естественнонаучных дисциплин,0",
            "nevsky-exact/9,2020/2021,2021-04-01,2021-04-30,,,,planned,conference,344,Анализ работы кластера в сетевом взаимодействии по использованию результатов оценочных процедур в процессе реализации точных и естественнонаучных дисциплин,0",
        ])
        let unknown = try run("events", "--cluster", "nope")
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "ошибка: неизвестный кластер «nope» (есть: kirov-1, kirov-2, kirov-3, kirov-4, "
                + "millerovo-tochka-rosta, nevsky-exact)\n")
        let typo = try run("events", "--cluster", "nevsky-exakt")
        #expect(typo.stderr == "ошибка: неизвестный кластер «nevsky-exakt»; может быть, «nevsky-exact»?\n")
    }

    @Test func recordValidatesEverythingBeforeWriting() throws {
        _ = try run("import", "plans")
        let bad = try run("record", "nevsky-exact/1", "--held", "2019-10-17", "--participants=-3", "--schools", "344,221")
        #expect(bad.status == 1)
        #expect(bad.stderr == """
            ошибка: --participants -3: число участников не может быть отрицательным
            ошибка: --schools: школа «221» не из района «Невский район Санкт-Петербурга»

            """)
        let good = try run("record", "nevsky-exact/1", "--held", "2019-10-17", "--participants", "42", "--schools", "344,498")
        #expect(good.status == 0)
        #expect(good.stdout == "Записано: nevsky-exact/1 — проведено 17.10.2019, участников 42, школ 2\n")
        let json = try run("events", "--cluster", "nevsky-exact", "--format", "json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.first?["status"] as? String == "held")
        #expect(rows.first?["date"] as? String == "2019-10-17")
        let table = try run("events", "--cluster", "nevsky-exact")
        let row = try #require(table.stdout.split(separator: "\n").dropFirst(2).first)
        #expect(row.split(separator: " ", omittingEmptySubsequences: true).prefix(4) == ["nevsky-exact/1", "2019/2020", "чт", "17.10.2019"])
        #expect(table.stdout.contains("проведено"))
    }
}

@Suite struct BusyCalendarCommandTests {
    @Test func aBrokenBusyCalendarFailsValidateAndImport() throws {
        let folder = try Fixtures.temporaryDirectory()
        let fm = FileManager.default
        try fm.copyItem(at: Fixtures.url("schedule/infeasible/plan.yaml"), to: folder.appendingPathComponent("plan.yaml"))
        try fm.copyItem(at: Fixtures.url("ical/busy-malformed-line.ics"), to: folder.appendingPathComponent("busy-2.ics"))
        let database = folder.appendingPathComponent("db.sqlite").path
        let validate = try CommandLineRun.clusterplan(["validate", folder.path])
        #expect(validate.status == 1)
        #expect(validate.stderr == "ошибка: \(folder.path)/busy-2.ics: line 9: строка не похожа на свойство iCalendar: «ЭТО НЕ СВОЙСТВО»\n"
                + "Найдено ошибок: 1\n")
        let imported = try CommandLineRun.clusterplan(["import", folder.path], database: database)
        #expect(imported.status == 1)
        let events = try CommandLineRun.clusterplan(["events"], database: database)
        #expect(events.stderr.hasPrefix("ошибка: база"), "nothing was imported")
    }
}

@Suite struct ValidateCommandTests {
    @Test func planErrorsAndBusyCalendarErrorsComeInOneRun() throws {
        let folder = try Fixtures.temporaryDirectory()
        let fm = FileManager.default
        try fm.copyItem(at: Fixtures.url("schedule/infeasible/plan.yaml"), to: folder.appendingPathComponent("plan.yaml"))
        try fm.copyItem(at: Fixtures.url("ical/busy-malformed-line.ics"), to: folder.appendingPathComponent("busy-2.ics"))
        try "version: 1\nschools:\n  - {id: \"9\", name: Девятая, kind: castle}\n".write(
            to: folder.appendingPathComponent("more.yaml"), atomically: true, encoding: .utf8)
        let validate = try CommandLineRun.clusterplan(["validate", folder.path])
        #expect(validate.status == 1)
        let lines = validate.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(lines)")
        #expect(lines.first?.hasPrefix("\(folder.path)/more.yaml:3:") == true)
        #expect(lines.dropFirst().first?.hasSuffix("busy-2.ics: line 9: строка не похожа на свойство iCalendar: «ЭТО НЕ СВОЙСТВО»") == true)
        #expect(lines.last == "Найдено ошибок: 2")
    }
}

/// Import next to the workspace: other files' clusters stay; a cluster edited on the site since
/// its last import is replaced only with --force, after the edits are listed.
@Suite struct ImportBesideWorkspaceTests {
    let database: String
    init() throws { database = try Fixtures.temporaryDirectory().appendingPathComponent("test.sqlite").path }

    private func run(_ arguments: String...) throws -> CommandLineRun {
        try CommandLineRun.clusterplan(arguments, database: database)
    }

    @Test func importingOneDistrictKeepsTheOthers() throws {
        #expect(try run("import", "plans/nevsky").status == 0)
        #expect(try run("import", "plans/kirov").status == 0)
        let events = try run("events", "--format", "csv")
        #expect(events.stdout.contains("nevsky-exact/1"))
        #expect(!events.stdout.contains("исключено"))
    }

    @Test func aClusterEditedOnTheSiteNeedsForce() async throws {
        #expect(try run("import", "plans/nevsky").status == 0)
        let store = try SQLiteStore.open(path: database)
        _ = try await EventEditing.edit(EventID(cluster: "nevsky-exact", number: 1), EventFields(title: "Правка на сайте"),
                                        expecting: nil, by: Author(login: "coord", source: .web), in: store, now: 2_000)
        let refused = try run("import", "plans/nevsky")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("nevsky-exact/1 title: «Кластерный подход"))
        #expect(refused.stderr.contains("«Правка на сайте» (coord, сайт)"))
        #expect(refused.stderr.contains("--force"))
        #expect(try await store.snapshot().events.first?.event.title == "Правка на сайте", "nothing imported")
        let forced = try run("import", "--force", "plans/nevsky")
        #expect(forced.status == 0)
        #expect(try await store.snapshot().events.first?.event.title.hasPrefix("Кластерный подход") == true)
        #expect(try await store.auditLog(cluster: "nevsky-exact").first?.source == .import)
        #expect(try run("import", "plans/nevsky").status == 0, "nothing edited since the forced import")
    }
}
