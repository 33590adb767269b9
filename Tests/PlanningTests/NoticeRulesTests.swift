import Planning
import PlanFiles
import TestSupport
import Testing

/// Who gets what mail: change notices within a week, invitations, reminders two working days before,
/// and the certificates' register numbers.
@Suite struct NoticeRulesTests {
    let district: District
    let item: EventSnapshot
    let anna = Recipient(name: "Анна", email: "anna@example.ru")
    let piotr = Recipient(name: "Пётр", email: "piotr@example.ru")

    init() throws {
        district = try PlanLoader.load(paths: [Fixtures.plansDirectory.path])
        let first = try #require(district.cluster("nevsky-exact")?.plan?.events.first)
        // Thursday 17 October 2019, seen by subscribers once already.
        item = EventSnapshot(event: first, state: EventState(date: LocalDate(iso: "2019-10-17"), start: TimeOfDay(hour: 15, minute: 0),
                                                              sequence: 1, lastModified: 100, status: .scheduled))
    }

    func moved(to day: String, sequence: Int = 2, status: EventStatus = .scheduled) -> EventSnapshot {
        var next = item
        next.state.date = LocalDate(iso: day)
        next.state.sequence = sequence
        next.state.status = status
        return next
    }

    func day(_ text: String) throws -> LocalDate { try #require(LocalDate(iso: text)) }

    @Test func aMoveWithinSevenDaysNotifiesEachRegistrantOnce() throws {
        let notices = NoticeRules.changes(before: item, after: moved(to: "2019-10-24"), registrants: [anna, piotr, anna],
                                          today: try day("2019-10-12"))
        #expect(notices.map(\.recipient) == [anna, piotr])
        #expect(notices.allSatisfy { $0.kind == .change && $0.sequence == 2 })
        #expect(notices.first?.key == "change:\(item.id):2:anna@example.ru")
        // Into the week from further away counts too: the new day is near.
        let far = moved(to: "2019-12-01")
        let back = NoticeRules.changes(before: far, after: { var b = moved(to: "2019-11-20", sequence: 3); b.state.status = .postponed; return b }(),
                                       registrants: [anna], today: try day("2019-11-15"))
        #expect(back.map(\.kind) == [.change])
    }

    @Test func aMoveFurtherAheadOrUnseenSendsNothing() throws {
        #expect(NoticeRules.changes(before: item, after: moved(to: "2019-11-20"), registrants: [anna], today: try day("2019-10-09")).isEmpty)
        // SEQUENCE unchanged: subscribers see nothing new, so no mail.
        #expect(NoticeRules.changes(before: item, after: moved(to: "2019-10-17", sequence: 1), registrants: [anna],
                                    today: try day("2019-10-15")).isEmpty)
        // Recorded as held: no notice.
        #expect(NoticeRules.changes(before: item, after: moved(to: "2019-10-18", status: .held), registrants: [anna],
                                    today: try day("2019-10-15")).isEmpty)
    }

    @Test func aCancellationWithinTheWeekIsACancel() throws {
        let notices = NoticeRules.changes(before: item, after: moved(to: "2019-10-17", status: .cancelled), registrants: [anna],
                                          today: try day("2019-10-16"))
        #expect(notices.map(\.kind) == [.cancellation])
        #expect(notices.first?.cancels == true)
    }

    @Test func invitationsOnlyForEventsWithADay() {
        #expect(NoticeRules.invitation(item, to: anna)?.kind == .invitation)
        var undated = item
        undated.state.date = nil
        #expect(NoticeRules.invitation(undated, to: anna) == nil)
    }

    @Test(arguments: [
        // Thursday -> Tuesday; Monday -> the Thursday before; Tuesday after the 4 November holiday -> Thursday 31 October.
        ("2019-10-17", "2019-10-15"), ("2019-10-21", "2019-10-17"), ("2019-11-05", "2019-10-31"),
    ])
    func remindersGoTwoWorkingDaysBefore(event: String, reminder: String) throws {
        #expect(NoticeRules.reminderDay(before: try day(event), calendar: district.calendar) == (try day(reminder)))
    }

    @Test func remindersAreDueFromTheirDayUntilTheEvent() throws {
        let calendar = district.calendar
        #expect(!NoticeRules.reminderDue(item, calendar: calendar, today: try day("2019-10-14")))
        #expect(NoticeRules.reminderDue(item, calendar: calendar, today: try day("2019-10-15")))
        #expect(NoticeRules.reminderDue(item, calendar: calendar, today: try day("2019-10-16")))
        #expect(!NoticeRules.reminderDue(item, calendar: calendar, today: try day("2019-10-17")))
        let notices = NoticeRules.reminders([item], calendar: calendar, today: try day("2019-10-15")) { _ in [anna, piotr] }
        #expect(notices.map(\.recipient) == [anna, piotr] && notices.allSatisfy { $0.kind == .reminder })
    }

    @Test func certificatesAreNumberedInAlphabeticalOrder() throws {
        let entries = try #require(CertificateEntry.entries(
            for: item, attendees: [Attendee(name: "Яковлева Ольга", school: "ГБОУ № 498"), Attendee(name: "Андреев Иван", school: "ГБОУ № 344")],
            district: district))
        #expect(entries.map(\.name) == ["Андреев Иван", "Яковлева Ольга"])
        #expect(entries.map(\.registerNumber) == ["\(item.id)-001", "\(item.id)-002"])
        #expect(entries.first?.date == (try day("2019-10-17")))
        #expect(CertificateEntry(name: "", school: "", eventTitle: "", date: try day("2019-10-17"), host: "", minutes: 90,
                                 registerNumber: "").hours == "1,5 ч")
        #expect(entries.first?.minutes == item.event.durationMinutes)
    }
}
