import Planning
import PlanFiles
import TestSupport
import Testing

@Suite struct DiagnosticsTests {
    private func diagnostics(_ fixture: String) -> [String] {
        let path = Fixtures.url(fixture).path
        do {
            _ = try PlanLoader.load(paths: [path])
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: path, with: "F") }
        }
    }

    @Test func everyErrorIsReportedOnceSortedWithItsPlace() {
        #expect(diagnostics("planfiles/broken.yaml") == [
            "F:3:11: timezone: неизвестный часовой пояс «Europe/Moskva»",
            "F:6:36: school.kind: «academy» — допустимо: school, gymnasium, lyceum, boarding, college, kindergarten, other",
            "F:7:10: школа 1 уже описана в F:5",
            "F:11:11: кластер c1: ведущая школа 9 не входит в members",
            "F:12:25: кластер c1: неизвестная школа «7»",
            "F:18:74: мероприятие c1/1: срок 2020-09 вне учебного года 2019/2020",
            "F:19:20: кластер c1: мероприятие № 1 повторяется",
            "F:20:48: мероприятие c1/2.format: «party» — допустимо: conference, seminar, round-table, working-meeting, master-class, open-lesson, consultation, webinar, training",
            "F:20:72: мероприятие c1/2.month: «2019-13» — ожидается месяц ГГГГ-ММ",
            "F:21:73: мероприятие c1/3: дата 2019-11-04 — праздник (День народного единства)",
            "F:21:103: мероприятие c1/3.start: «25:00» — ожидается время ЧЧ:ММ",
            "F:21:112: мероприятие кластера c1: неизвестный ключ «durration» (может быть, «duration»?)",
            "F:23:14: calendar.holidays: «2019-02-30» — ожидается дата ГГГГ-ММ-ДД",
        ])
    }

    @Test func venuesAndOnlineHostsAreCheckedWhereTheyAreWritten() {
        #expect(diagnostics("planfiles/venues-broken.yaml") == [
            "F:7:10: площадка 1 уже описана в F:4",
            "F:8:10: venues: id «online» занят: так обозначаются онлайн-мероприятия (host: online)",
            "F:18:98: мероприятие c1/1: онлайн-мероприятию (host: online) нужна ссылка link: https://…",
            "F:19:115: мероприятие c1/2.link: «javascript:alert(1)» — ожидается адрес вида https://…",
            "F:20:108: мероприятие c1/3: host: неизвестная школа «library»",
        ])
    }

    @Test func yamlSyntaxErrorsCarryTheirPosition() {
        #expect(diagnostics("planfiles/syntax.yaml") == [
            "F:4:1: ошибка YAML: while parsing a flow sequence, did not find expected ',' or ']'",
        ])
    }

    @Test func missingPathIsAnError() {
        #expect(diagnostics("planfiles/nope.yaml") == ["F:1:1: нет такого файла или каталога"])
    }

    @Test(arguments: [
        ("version: 2\ndistrict: X\n", "plan.yaml:1:10: version: поддерживается только версия 1, а не 2"),
        ("district: X\n", "plan.yaml:1:1: файл плана: нет обязательного ключа «version»"),
        ("version: 1\ndistrict: X\nclusters:\n  - {id: a, title: T, lead: '1', members: ['1']}\n",
         "plan.yaml:4:44: кластер a: неизвестная школа «1»"),
        ("version: 1\ndistrict: X\nschools: {id: 1}\n", "plan.yaml:3:10: schools: ожидается список"),
    ])
    func inMemoryPlansReportTheirProblems(yaml: String, expected: String) {
        #expect(throws: PlanLoadError.self) { try PlanLoader.load(text: yaml) }
        do {
            _ = try PlanLoader.load(text: yaml)
        } catch {
            #expect(error.diagnostics.map(\.description) == [expected])
        }
    }

    @Test func filesInADirectoryAreMergedAndReferToEachOther() throws {
        let district = try PlanLoader.load(paths: [Fixtures.url("planfiles/split").path])
        #expect(district.name == "Тестовый район")
        let cluster = try #require(district.cluster("pair"))
        // Events are kept in number order whatever the file order.
        #expect(cluster.plan?.events.map(\.number) == [1, 2])
        let first = try #require(cluster.plan?.events.first)
        #expect(first.timing == .pinned(LocalDate(iso: "2020-10-15")!))
        #expect(first.start == TimeOfDay(hour: 14, minute: 30))
        #expect(first.durationMinutes == EventFormat.conference.defaultDurationMinutes)
        #expect(cluster.plan?.events.last?.durationMinutes == 90)
        #expect(district.calendar.defaultStart == TimeOfDay(hour: 16, minute: 0))
        #expect(district.calendar.preferences.minimumGapDays == 7)
        #expect(district.calendar.dayOff(LocalDate(iso: "2020-10-16")!) == .districtHoliday)
        #expect(district.school("10")?.contingent == .complex)
    }

    /// `schools` and `clusters` items are read on a second thread as they are composed; a list
    /// written as an alias is not composed there, and is read all the same, with the district.
    @Test func aListWrittenAsAnAliasIsRead() throws {
        let file = try Fixtures.temporaryDirectory().appendingPathComponent("plan.yaml")
        try """
            version: 1
            district: Р
            defaults: &schools
              - {id: s1, name: Школа 1}
            schools: *schools
            """.write(to: file, atomically: true, encoding: .utf8)
        let (district, diagnostics) = PlanLoader.check(paths: [file.path])
        #expect(district.schools.map(\.id) == ["s1"])
        #expect(district.schools.first?.district == "Р")
        #expect(diagnostics.map(\.message) == ["файл плана: неизвестный ключ «defaults»"])
    }
}
