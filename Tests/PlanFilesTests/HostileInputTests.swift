import Foundation
import Planning
import PlanFiles
import TestSupport
import Testing

/// What a hostile tester fed the plan loader (issue 14): each must be one located line, never a
/// trap, a runaway or the input echoed back.
@Suite struct HostileInputTests {
    /// A one-cluster plan with `cluster` and `event` spliced into place.
    static func plan(clusterID: String = "c1", coordinator: String = "", indicator: String = "",
                     event: String = "", extra: String = "") -> String {
        """
        version: 1
        district: Тестовый район
        schools:
          - {id: "1", name: Школа 1}
          - {id: "2", name: Школа 2}
        clusters:
          - id: \(clusterID)
            title: Кластер
            lead: "1"
            members: ["1", "2"]
        \(coordinator)
            plan:
              years: [2019/2020]
              goal: Цель
        \(indicator)
              events:
                - {number: 1, year: 2019/2020, format: seminar, title: Семинар, month: 2019-10, host: "1"\(event)}
        \(extra)
        """
    }

    func diagnostics(_ text: String) -> [String] {
        do {
            _ = try PlanLoader.load(text: text)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func hugeIndicatorTargetIsRefusedAtItsLine() {
        let found = diagnostics(Self.plan(indicator: "      indicators: [{id: n, title: Число, target: 1e20}]"))
        #expect(found == ["plan.yaml:15:50: clusters.c1.plan.indicators.target: «1e20» — ожидается число от 0 до 1000000000"])
    }

    @Test(arguments: ["9223372036854775807", "-1", "1000001"])
    func courseListenersOutsideTheCountLimitAreRefused(listeners: String) {
        let courses = """
        courses:
          - id: k
            title: Курс
            enrolments: [{year: 2019/2020, school: "1", listeners: \(listeners)}]
        """
        let found = diagnostics(Self.plan(extra: courses))
        #expect(found == ["plan.yaml:21:60: courses.k.enrolments.listeners: «\(listeners)» — ожидается целое число от 0 до 1000000"])
    }

    @Test func eventNumberOutsideItsRangeIsRefused() {
        let text = Self.plan().replacingOccurrences(of: "number: 1,", with: "number: 9223372036854775807,")
        #expect(diagnostics(text).first?.contains("number: «9223372036854775807» — ожидается целое число от 1 до 100000") == true)
    }

    @Test(arguments: ["\"a@b.ru\\r\\nBEGIN:VEVENT\"", "\"a b@c.ru\"", "not-an-email", "\"a@b.ru;x=1\""])
    func coordinatorEmailMustBeAnAddress(email: String) {
        let found = diagnostics(Self.plan(coordinator: "    coordinator: {name: Иванова, email: \(email)}"))
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("plan.yaml:11:") == true)
        #expect(found.first?.contains("clusters.c1.coordinator.email") == true)
        #expect(found.first?.contains("\r") == false && found.first?.contains("\n") == false)
    }

    @Test(arguments: ["\"a/b\"", "\"..\"", "\"a..b\"", "\"c\\r\\nURL:x\"", "\"c\\u0007\"", "\"a b\""])
    func idsThatCannotBePartOfAPathOrLineAreRefused(id: String) {
        let found = diagnostics(Self.plan(clusterID: id))
        #expect(found.first?.hasPrefix("plan.yaml:7:9: cluster.id: «") == true)
    }

    @Test func yearsFromThreeThousandAreRefused() {
        let text = Self.plan().replacingOccurrences(of: "2019/2020", with: "3000/3001")
            .replacingOccurrences(of: "2019-10", with: "3000-10")
        let found = diagnostics(text)
        #expect(found.contains("plan.yaml:13:15: clusters.c1.plan.years: «3000/3001» — ожидается учебный год вида 2019/2020"))
        #expect(AcademicYear("2998/2999") != nil)
        #expect(AcademicYear("2999/3000") == nil)
    }

    @Test func aDuplicateKeyIsReportedAtItsLineWithoutTheFile() {
        let filler = String(repeating: "# filler line\n", count: 2000)
        let text = "version: 1\ndistrict: Р\n" + filler + "district: Р\n"
        let found = diagnostics(text)
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("plan.yaml:2:1: ошибка YAML: ключ «district» повторяется"))
        #expect(found[0].count < 200)
    }

    @Test func aRepeatedMemberIsReportedTenTimesThenCounted() {
        let members = Array(repeating: "\"2\"", count: 500).joined(separator: ", ")
        let text = Self.plan().replacingOccurrences(of: "members: [\"1\", \"2\"]", with: "members: [\"1\", \(members)]")
        let found = diagnostics(text)
        #expect(found.count == PlanLoadError.repeatsShown + 1)
        #expect(found.filter { $0.hasSuffix("школа 2 указана в members дважды") }.count == 10)
        #expect(found.contains { $0.hasSuffix(": … и ещё 489 таких же") })
    }

    @Test func aLongValueIsNeverEchoedWhole() {
        let long = String(repeating: "x", count: 100_000)
        let text = Self.plan().replacingOccurrences(of: "format: seminar", with: "format: \(long)")
        let found = diagnostics(text)
        #expect(found.count == 1)
        #expect(found[0].count < 300)
    }

    @Test func anAliasedLongTextIsRefusedNamingTheField() {
        let long = String(repeating: "я", count: InputLimits.textLength + 1)
        let text = Self.plan().replacingOccurrences(of: "goal: Цель", with: "goal: &big \(long)")
            .replacingOccurrences(of: "title: Семинар", with: "title: *big")
        let found = diagnostics(text)
        #expect(found.contains("plan.yaml:14:13: clusters.c1.plan.goal: текст длиннее 20000 символов"))
        #expect(found.contains { $0.hasSuffix("мероприятие c1/1.title: текст длиннее 20000 символов") })
    }

    @Test func aliasAmplificationPastTheDocumentLimitIsRefused() {
        // Nine levels of ten aliases each: 10^9 copies of a short string if written out.
        var lines = ["version: 1", "district: Р", "a0: &a0 [\"" + String(repeating: "x", count: 64) + "\"]"]
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(refs)]")
        }
        let clock = ContinuousClock()
        var found: [String] = []
        let elapsed = clock.measure { found = diagnostics(lines.joined(separator: "\n")) }
        #expect(found == ["plan.yaml:1:1: файл плана после раскрытия ссылок YAML (&якорь/*ссылка) больше 64 МБ"])
        #expect(elapsed < .seconds(20))
    }

    @Test func busyCalendarsOutsideThePlanFolderAreRefused() throws {
        let folder = try Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("plan/busy"), withIntermediateDirectories: true)
        let busy = """
            calendar:
              busy:
                - {school: "1", ics: busy/1.ics}
                - {school: "1", ics: ../outside.ics}
                - {school: "2", ics: /etc/hostname}
            """
        let file = folder.appendingPathComponent("plan/plan.yaml")
        try Self.plan(extra: busy).write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try PlanLoader.load(paths: [file.path])
            Issue.record("expected errors")
        } catch {
            let lines = error.diagnostics.map { $0.description.replacingOccurrences(of: file.path, with: "F") }
            #expect(lines.count == 2)
            #expect(lines[0].hasPrefix("F:21:26: calendar.busy.ics: «../outside.ics» — файл должен лежать в папке плана"))
            #expect(lines[1].hasPrefix("F:22:26: calendar.busy.ics: «/etc/hostname» — файл должен лежать в папке плана"))
        }
    }
}
