import Foundation
import TestSupport
import Testing

/// Issue 14: what a hostile tester typed, as the binary answers it.
@Suite struct HostileCommandLineTests {
    let work: URL
    let database: String

    init() throws {
        work = try Fixtures.temporaryDirectory()
        database = work.appendingPathComponent("test.sqlite").path
    }

    private func run(_ arguments: String...) throws -> CommandLineRun {
        try CommandLineRun.clusterplan(arguments, database: database)
    }

    private func imported() throws {
        #expect(try run("import", "plans").status == 0)
    }

    @Test func negativeParticipantsGetTheRealMessage() throws {
        try imported()
        let result = try run("record", "nevsky-exact/1", "--held", "2019-10-17", "--participants", "-5")
        #expect(result.status == 1)
        #expect(result.stderr == "ошибка: --participants -5: число участников не может быть отрицательным\n")
    }

    @Test func hugeParticipantsAreRefused() throws {
        try imported()
        let result = try run("record", "nevsky-exact/1", "--held", "2019-10-17", "--participants", "9223372036854775807")
        #expect(result.status == 1)
        #expect(result.stderr == "ошибка: --participants 9223372036854775807: больше 1000000 — проверьте число\n")
    }

    @Test func anEmptySchoolListIsRefused() throws {
        try imported()
        let result = try run("record", "nevsky-exact/1", "--held", "2019-10-17", "--participants", "5", "--schools", ",")
        #expect(result.status == 1)
        #expect(result.stderr == "ошибка: --schools «,»: пустое имя школы в списке (школы через запятую: 344,498)\n")
    }

    @Test func moreSchoolsThanParticipantsIsRefused() throws {
        try imported()
        let result = try run("record", "nevsky-exact/1", "--held", "2019-10-17", "--participants", "2", "--schools", "344,498,329")
        #expect(result.status == 1)
        #expect(result.stderr.contains("--schools: школ 3, а участников 2"))
    }

    @Test func aHugeIndicatorValueIsRefused() throws {
        try imported()
        let result = try run("indicator", "set", "nevsky-exact/events-held", "--year", "2019/2020", "--value", "1e20")
        #expect(result.status != 0)
        #expect(result.stderr.contains("--value: ожидается число от 0 до 1000000000"))
    }

    @Test func reportAndExportRefuseToOverwriteTheStore() throws {
        try imported()
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        for arguments in [["report", "--year", "2019/2020", "--format", "csv", "--out", database],
                          ["export", "ics", "--district", "--out", database + "-wal"]] {
            let result = try CommandLineRun.clusterplan(arguments, database: database)
            #expect(result.status == 1)
            #expect(result.stderr.contains("это файл базы данных; укажите другой файл"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
        #expect(try run("events").status == 0)
    }

    /// A plan folder with a busy calendar for school 344.
    private func planWithBusyCalendar() throws -> URL {
        let folder = work.appendingPathComponent("plan")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("busy"), withIntermediateDirectories: true)
        for file in ["nevsky-exact.yaml", "calendar-spb.yaml"] {
            var text = try String(contentsOf: Fixtures.plansDirectory.appendingPathComponent("nevsky/\(file)"), encoding: .utf8)
            text = text.replacingOccurrences(of: "busy: []", with: "busy: [{school: \"344\", ics: busy/344.ics}]")
            try text.write(to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        let daily = try String(contentsOf: Fixtures.url("ical/busy-secondly.ics"), encoding: .utf8)
            .replacingOccurrences(of: "FREQ=SECONDLY", with: "FREQ=MONTHLY")
        try daily.write(to: folder.appendingPathComponent("busy/344.ics"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func scheduleUsesTheBusyTimesReadAtImportNotTheFile() throws {
        let folder = try planWithBusyCalendar()
        #expect(try run("import", folder.path).status == 0)
        // Swapped after import for a calendar without end: schedule must not read it.
        try FileManager.default.copyItem(at: Fixtures.url("ical/busy-secondly.ics"), to: folder.appendingPathComponent("busy/storm.ics"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("busy/344.ics"))
        try FileManager.default.moveItem(at: folder.appendingPathComponent("busy/storm.ics"), to: folder.appendingPathComponent("busy/344.ics"))
        let scheduled = try run("schedule", "--explain")
        #expect(scheduled.status == 0)
        let validate = try run("validate", folder.path)
        #expect(validate.status == 1)
        #expect(validate.stderr.contains("344.ics: line 9: повторение RRULE даёт больше 20000 повторов"))
    }

    @Test func terminalEscapesInTitlesDoNotReachTheTerminal() throws {
        let folder = work.appendingPathComponent("esc")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in ["nevsky-exact.yaml", "calendar-spb.yaml"] {
            var text = try String(contentsOf: Fixtures.plansDirectory.appendingPathComponent("nevsky/\(file)"), encoding: .utf8)
            if file == "nevsky-exact.yaml" {
                text = text.replacingOccurrences(of: "title: \"Кластерный подход", with: "title: \"\\e[2J\\u202EКластерный подход")
            }
            try text.write(to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        #expect(try run("import", folder.path).status == 0)
        let table = try run("events")
        #expect(table.status == 0)
        #expect(!table.stdout.contains("\u{1B}") && !table.stdout.contains("\u{202E}"))
    }

    @Test func aMemberRepeatedFiveHundredTimesPrintsElevenLines() throws {
        var text = try String(contentsOf: Fixtures.plansDirectory.appendingPathComponent("nevsky/nevsky-exact.yaml"), encoding: .utf8)
        let members = Array(repeating: "\"498\"", count: 500).joined(separator: ", ")
        text = text.replacingOccurrences(of: "members: [", with: "members: [\(members), ")
        let folder = work.appendingPathComponent("repeated")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try text.write(to: folder.appendingPathComponent("nevsky-exact.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: Fixtures.plansDirectory.appendingPathComponent("nevsky/calendar-spb.yaml"),
                                         to: folder.appendingPathComponent("calendar-spb.yaml"))
        let result = try run("validate", folder.path)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count <= 13)
        #expect(lines.contains { $0.hasSuffix("… и ещё 490 таких же") })
    }

    @Test func serveHelpDocumentsTheLogLevel() throws {
        let help = try run("serve", "--help")
        #expect(help.stdout.contains("--log-level"))
        #expect(help.stdout.contains("debug — ещё строка на каждый запрос"))
    }
}
