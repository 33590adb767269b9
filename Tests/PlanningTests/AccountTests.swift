import Planning
import Testing

/// Who may do what: the pure permission functions every route asks.
@Suite struct AccountTests {
    let methodist = Account(login: "m", role: .methodist)
    let coordinator = Account(login: "c", role: .coordinator, clusters: ["nevsky-exact"])
    let school = Account(login: "s", role: .school, school: "344")

    func event(cluster: String = "nevsky-exact", host: String = "344") -> PlannedEvent {
        PlannedEvent(id: EventID(cluster: cluster, number: 1), year: AcademicYear(startYear: 2019), format: .seminar,
                     title: "Семинар", timing: .month(YearMonth(iso: "2019-10")!), host: host, participants: [host])
    }

    @Test func aMethodistEditsEveryClusterACoordinatorOnlyTheirOwnASchoolNone() {
        #expect(methodist.mayEdit(cluster: "anything"))
        #expect(coordinator.mayEdit(cluster: "nevsky-exact"))
        #expect(!coordinator.mayEdit(cluster: "nevsky-lang"))
        #expect(!school.mayEdit(cluster: "nevsky-exact"))
    }

    @Test func aSchoolRecordsOnlyTheEventsItHosts() {
        #expect(school.mayRecord(event(host: "344")))
        #expect(!school.mayRecord(event(host: "498")))
        #expect(coordinator.mayRecord(event(host: "498")), "a coordinator records any event of their cluster")
        #expect(!coordinator.mayRecord(event(cluster: "nevsky-lang")))
        #expect(methodist.mayRecord(event(cluster: "nevsky-lang", host: "1")))
    }

    @Test func onlyMethodistsManageUsers() {
        #expect(methodist.mayManageUsers)
        #expect(!coordinator.mayManageUsers)
        #expect(!school.mayManageUsers)
    }

    @Test(arguments: [Role.methodist, .coordinator, .school]) func aDisabledAccountMayDoNothing(_ role: Role) {
        let account = Account(login: "x", role: role, clusters: ["nevsky-exact"], school: "344", disabled: true)
        #expect(!account.mayEdit(cluster: "nevsky-exact"))
        #expect(!account.mayRecord(event()))
        #expect(!account.mayManageUsers)
    }

    @Test(arguments: [("ivanova", true), ("school.344", true), ("a_b-c", true), ("", false), ("иванова", false),
                      ("a b", false), ("../x", false), (String(repeating: "a", count: 65), false)])
    func loginsAreShortLatinWords(_ login: String, _ valid: Bool) {
        #expect((Account.loginProblem(login) == nil) == valid)
    }

    @Test func passwordsAreEightCharactersToSeventyTwoBytes() {
        #expect(Account.passwordProblem("1234567") != nil)
        #expect(Account.passwordProblem("12345678") == nil)
        #expect(Account.passwordProblem(String(repeating: "я", count: 37)) != nil, "74 bytes: bcrypt would ignore the end")
    }

    @Test func aCoordinatorNeedsAClusterAndASchoolAccountItsSchool() {
        #expect(Account(login: "c", role: .coordinator).scopeProblem != nil)
        #expect(Account(login: "s", role: .school).scopeProblem != nil)
        #expect(coordinator.scopeProblem == nil)
        #expect(methodist.scopeProblem == nil)
    }

    @Test func theSixthAttemptWithinFifteenMinutesWaitsForTheOldestFailureToExpire() {
        let limit = SignInLimit()
        let failures: [Int64] = [1_000, 1_060, 1_120, 1_180, 1_240]
        #expect(limit.wait(after: Array(failures.prefix(4)), now: 1_300) == nil, "four failures: a fifth try is allowed")
        let wait: Int64? = 1_000 + 900 - 1_300
        #expect(limit.wait(after: failures, now: 1_300) == wait, "until the first failure is 15 minutes old")
        #expect(limit.wait(after: failures, now: 1_900) == nil, "the first failure left the window")
    }

    static let waits: [(Int64, String)] = [
        (60, "1 минуту"), (120, "2 минуты"), (300, "5 минут"), (61, "2 минуты"), (1_260, "21 минуту"), (660, "11 минут"), (840, "14 минут"),
    ]

    @Test(arguments: waits)
    func theWaitIsSaidInWholeMinutes(_ seconds: Int64, _ words: String) {
        #expect(SignInLimit.waitMessage(seconds: seconds).hasSuffix("подождите \(words)"))
    }
}
