import Planning
import PlanFiles
import TestSupport
import Testing

/// The district calendar edited in the workspace: the plan-file checks as `{field, message}`,
/// who may change what, and the audit line of each change.
@Suite struct CalendarEditTests {
    let district: District

    init() throws { district = try PlanLoader.load(paths: [Fixtures.plansDirectory.path]) }

    func problems(_ change: CalendarChange) -> [FieldProblem] {
        do {
            _ = try district.calendar.applying(change, in: district)
            return []
        } catch { return error.problems }
    }

    @Test func aVacationIsAddedInDateOrderAndRemovedByItsDays() throws {
        let (added, audit) = try district.calendar.applying(.addVacation(title: " Дополнительные каникулы ", from: "2020-02-17",
                                                                          to: "2020-02-21"), in: district)
        #expect(audit == FieldChange(field: "calendar.vacations", old: nil, new: "Дополнительные каникулы: 2020-02-17 – 2020-02-21"))
        let index = try #require(added.vacations.firstIndex { $0.title == "Дополнительные каникулы" })
        #expect(added.vacations[index - 1].title == "Зимние каникулы" && added.vacations[index + 1].title == "Весенние каникулы")
        #expect(added.vacation(on: LocalDate(iso: "2020-02-19")!)?.title == "Дополнительные каникулы")

        var edited = district
        edited.calendar = added
        let (removed, removal) = try added.applying(.removeVacation(from: "2020-02-17", to: "2020-02-21"), in: edited)
        #expect(removed.vacations == district.calendar.vacations)
        #expect(removal.old == "Дополнительные каникулы: 2020-02-17 – 2020-02-21" && removal.new == nil)
    }

    @Test(arguments: [
        (CalendarChange.addVacation(title: "", from: "2020-02-17", to: "2020-02-21"), "title", "заполните поле"),
        (.addVacation(title: "Ещё", from: "2020-02-17", to: "2020-02-10"), "to", "«по» раньше «с»"),
        (.addVacation(title: "Ещё", from: "17.02.2020", to: "2020-02-21"), "from", "«17.02.2020» — не дата ГГГГ-ММ-ДД"),
        (.addVacation(title: "Ещё", from: "2019-11-01", to: "2019-11-10"), "from", "пересекается с другими каникулами"),
        (.addVacation(title: "Ещё", from: "2020-01-01", to: "2021-06-01"), "to", "период длиннее года"),
        (.addHoliday(date: ""), "date", "заполните поле"),
        (.addBusy(school: "3444", from: "2020-04-14", to: "2020-04-16", reason: "ВПР"), "school", "неизвестная школа «3444»"),
    ])
    func badChangesSayWhichFieldIsWrong(change: CalendarChange, field: String, message: String) {
        #expect(problems(change) == [FieldProblem(field: field, message)])
    }

    @Test func removingWhatIsNotThereIsAProblemOfTheWholeForm() {
        #expect(problems(.removeHoliday(date: "2020-02-25")) == [FieldProblem(field: "date", "2020-02-25 нет среди выходных района")])
        #expect(problems(.removeBusy(school: "498", from: "2020-04-14", to: "2020-04-16"))
            == [FieldProblem(field: nil, "у школы 498 нет занятых дней 2020-04-14 – 2020-04-16")])
    }

    @Test func aBusyPeriodMakesTheSchoolBusyAndIsLoggedWithItsReason() throws {
        let (calendar, audit) = try district.calendar.applying(.addBusy(school: "498", from: "2020-04-14", to: "2020-04-16",
                                                                        reason: "ВПР"), in: district)
        #expect(calendar.busy.last == BusyPeriod(school: "498", from: LocalDate(iso: "2020-04-14")!, to: LocalDate(iso: "2020-04-16")!,
                                                 reason: "ВПР"))
        #expect(audit.new == "498: 2020-04-14 – 2020-04-16 (ВПР)")
        #expect(problems(.addHoliday(date: "2020-02-24")).isEmpty)
    }

    @Test func methodistsEditEverythingSchoolsOnlyTheirOwnBusyDays() {
        let methodist = Account(login: "m", role: .methodist)
        let school = Account(login: "s", role: .school, school: "498")
        let coordinator = Account(login: "c", role: .coordinator, clusters: ["nevsky-exact"])
        let own = CalendarChange.addBusy(school: "498", from: "2020-04-14", to: "2020-04-16", reason: "")
        let other = CalendarChange.addBusy(school: "344", from: "2020-04-14", to: "2020-04-16", reason: "")
        let vacation = CalendarChange.addVacation(title: "К", from: "2020-02-17", to: "2020-02-21")
        #expect(methodist.mayChange(own) && methodist.mayChange(other) && methodist.mayChange(vacation))
        #expect(school.mayChange(own) && !school.mayChange(other) && !school.mayChange(vacation))
        #expect(!coordinator.mayChange(own) && !coordinator.mayEditCalendar)
        #expect(school.mayEditCalendar && methodist.mayEditCalendar)
        var disabled = methodist
        disabled.disabled = true
        #expect(!disabled.mayChange(vacation) && !disabled.mayEditCalendar)
    }
}

/// The plan's lists as the workspace's text areas hold them.
@Suite struct PlanLinesTests {
    @Test func tasksDirectionsAndIndicatorsReadBackTheLinesTheyWrite() throws {
        let indicator = Indicator(id: "trained", title: "Обучено педагогов", target: 36, targets: [AcademicYear(startYear: 2019): 12],
                                  unit: "чел.")
        #expect(indicator.line == "trained: Обучено педагогов; 36 чел.; 2019/2020=12")
        #expect(try PlanLines.indicators(indicator.line + "\n\n  share: Доля школ; 2020/2021=0,5  ")
            == [indicator, Indicator(id: "share", title: "Доля школ", targets: [AcademicYear(startYear: 2020): 0.5])])
        let direction = Direction(id: "research", title: "Исследовательское", items: ["мониторинг", "анализ"])
        #expect(try PlanLines.directions(direction.line) == [direction])
        #expect(try PlanLines.tasks("T1: Провести мониторинг; сравнить\nT2: Обобщить")
            == [PlanTask(id: "T1", text: "Провести мониторинг; сравнить"), PlanTask(id: "T2", text: "Обобщить")])
    }

    @Test func everyLineThatDoesNotReadIsNamedByNumber() {
        #expect(throws: FieldProblems([FieldProblem(field: "tasks", "строка 2: нужно «id: текст»"),
                                       FieldProblem(field: "tasks", "строка 3: после «T3:» нужен текст")])) {
            try PlanLines.tasks("T1: да\nбез двоеточия\nT3:")
        }
        #expect(throws: FieldProblems([FieldProblem(field: "indicators", "строка 1: «двадцать»: ожидается цель числом («36 чел.») или «2019/2020=12»"),
                                       FieldProblem(field: "indicators", "строка 1: «2019=4»: ожидается «2019/2020=12»")])) {
            try PlanLines.indicators("n: Число; двадцать; 2019=4")
        }
    }

    @Test func theNewestWritesOfAnEventAreItsLastAuditGroups() {
        func entry(_ at: Int64, _ login: String, _ field: String) -> AuditEntry {
            AuditEntry(at: at, login: login, source: .web, cluster: "c", event: 1, field: field, old: nil, new: field)
        }
        let log = [entry(30, "b", "title"), entry(30, "b", "purpose"), entry(20, "a", "month"), entry(10, "a", "host")]
        #expect(AuditEntry.newest(writes: 1, of: log).map(\.field) == ["title", "purpose"])
        #expect(AuditEntry.newest(writes: 2, of: log).map(\.field) == ["title", "purpose", "month"])
        #expect(AuditEntry.newest(writes: 9, of: log).count == 4)
        #expect(AuditEntry.newest(writes: 0, of: log).isEmpty)
    }
}
