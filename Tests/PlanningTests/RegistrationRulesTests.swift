import Planning
import Testing

@Suite struct RegistrationRulesTests {
    let event = EventID(cluster: "c1", number: 3)

    func stored(_ id: Int64, _ email: String, _ status: RegistrationStatus, attended: Bool = false, school: String = "344") -> Registration {
        Registration(id: id, event: event, registrant: Registrant(name: "Учитель \(id)", school: school, position: "учитель",
                                                                  email: email, consent: true),
                     status: status, attended: attended, createdAt: id, tokenDigest: "d\(id)")
    }

    func new(_ email: String, walkIn: Bool = false) -> NewRegistration {
        NewRegistration(Registrant(name: "Новый", school: "344", position: "", email: email, consent: true), tokenDigest: "x", walkIn: walkIn)
    }

    @Test func theFormNeedsNameSchoolEmailAndConsent() {
        let empty = Registrant(name: " ", school: "", position: "", email: "", consent: false)
        #expect(RegistrationRules.problems(empty, schools: ["344"]).map(\.field) == ["name", "school", "email", "consent"])
        let wrong = Registrant(name: "Петрова А. А.", school: "999", position: "учитель", email: "petrova@", consent: true)
        #expect(RegistrationRules.problems(wrong, schools: ["344"]) == [
            FieldProblem(field: "school", "нет школы «999» в списке района"),
            FieldProblem(field: "email", "ожидается адрес вида name@school.ru, а не «petrova@»"),
        ])
        let good = Registrant(name: "Петрова А. А.", school: "344", position: "учитель", email: "Petrova@School.ru ", consent: true)
        #expect(RegistrationRules.problems(good, schools: ["344"]).isEmpty)
        #expect(good.normalised.email == "petrova@school.ru")
        let walkIn = Registrant(name: "Иванов И. И.", school: "344", position: "", email: nil, consent: true)
        #expect(RegistrationRules.problems(walkIn, schools: ["344"], emailRequired: false).isEmpty)
    }

    @Test func registrationIsRefusedWhenClosedOrAfterTheDeadline() throws {
        let deadline = try #require(LocalMoment(iso: "2020-03-10T15:00"))
        let open = RegistrationSettings(event: event, open: true)
        let before = try #require(LocalMoment(iso: "2020-03-10T14:59"))
        let after = try #require(LocalMoment(iso: "2020-03-10T15:01"))
        #expect(RegistrationRules.refusal(open, deadline: deadline, now: before) == nil)
        #expect(RegistrationRules.refusal(open, deadline: deadline, now: after) == .deadlinePassed(deadline))
        #expect(RegistrationRules.refusal(nil, deadline: nil, now: before) == .closed)
        #expect(RegistrationRules.refusal(RegistrationSettings(event: event, open: false), deadline: nil, now: before) == .closed)
        #expect(LocalMoment(iso: "2020-03-10") == LocalMoment(date: LocalDate(iso: "2020-03-10")!, time: TimeOfDay(hour: 23, minute: 59)!))
        #expect(LocalMoment(iso: "2020-03-10T25:00") == nil)
    }

    @Test func theDeadlineDefaultsToTheEventsStart() throws {
        let planned = PlannedEvent(id: event, year: AcademicYear(startYear: 2019), format: .seminar, title: "Семинар",
                                   timing: .month(YearMonth(iso: "2020-03")!), host: "344", participants: ["344"])
        var item = EventSnapshot(event: planned, state: EventState(lastModified: 0))
        let settings = RegistrationSettings(event: event, open: true)
        #expect(settings.deadline(for: item, defaultStart: TimeOfDay(hour: 15, minute: 0)!) == nil, "no date yet")
        item.state.date = LocalDate(iso: "2020-03-12")
        item.state.start = TimeOfDay(hour: 14, minute: 30)
        #expect(settings.deadline(for: item, defaultStart: TimeOfDay(hour: 15, minute: 0)!) == LocalMoment(iso: "2020-03-12T14:30"))
    }

    @Test func duplicatesAreFoundWhateverTheCaseAndCancelledOnesDoNotCount() throws {
        let existing = [stored(1, "petrova@school.ru", .registered), stored(2, "old@school.ru", .cancelled)]
        #expect(throws: RegistrationRefusal.duplicate(email: "petrova@school.ru")) {
            try RegistrationRules.admit(new("PETROVA@school.ru"), existing: existing, capacity: nil)
        }
        #expect(try RegistrationRules.admit(new("old@school.ru"), existing: existing, capacity: nil) == .registered)
    }

    @Test func overCapacityGoesToTheWaitingListButWalkInsAlwaysGetAPlace() throws {
        let full = [stored(1, "a@s.ru", .registered), stored(2, "b@s.ru", .registered)]
        #expect(try RegistrationRules.admit(new("c@s.ru"), existing: full, capacity: 2) == .waitlisted)
        #expect(try RegistrationRules.admit(new("c@s.ru"), existing: full, capacity: 3) == .registered)
        #expect(try RegistrationRules.admit(new("c@s.ru", walkIn: true), existing: full, capacity: 2) == .registered)
    }

    @Test func aCancellationPromotesTheFirstWaiting() {
        let list = [stored(1, "a@s.ru", .registered), stored(2, "b@s.ru", .registered), stored(4, "d@s.ru", .waitlisted),
                    stored(3, "c@s.ru", .waitlisted)]
        #expect(RegistrationRules.cancelling(2, existing: list, capacity: 2) == [2: .cancelled, 3: .registered])
        #expect(RegistrationRules.cancelling(nil, existing: list, capacity: 4) == [3: .registered, 4: .registered])
        #expect(RegistrationRules.cancelling(nil, existing: list, capacity: nil) == [3: .registered, 4: .registered])
        #expect(RegistrationRules.cancelling(4, existing: list, capacity: 2) == [4: .cancelled])
    }

    @Test func attendanceGivesTheCountAndDistinctSchools() {
        let list = [stored(1, "a@s.ru", .registered, attended: true, school: "344"),
                    stored(2, "b@s.ru", .registered, attended: true, school: "498"),
                    stored(3, "c@s.ru", .registered, attended: true, school: "344"),
                    stored(4, "d@s.ru", .registered, attended: false, school: "572")]
        let figures = RegistrationRules.attendance(list)
        #expect(figures.participants == 3)
        #expect(figures.schools == ["344", "498"])
    }
}
