import Foundation
import ICal
import Operations
import Planning
import Site
import SQLiteStore
import Store
import Testing
import TestSupport

/// Change notices end to end: a write through Operations queues mail in the store's outbox, a fake
/// `sendmail` (a shell command writing each message to a file) takes it, and python's `email` and
/// `icalendar` read the iTIP part back, to compare with the feed.
@Suite struct MailTests {
    static let registrants = [Recipient(name: "Иванова Анна Петровна", email: "anna@school344.example.ru"),
                              Recipient(name: "Петров Пётр", email: "petrov@school498.example.ru")]
    static let from = "no-reply@plan.example.ru"

    static func notifier() -> Notifier {
        Notifier(from: from, options: SiteOptions(baseURL: "https://plan.example.ru"), registrants: { _ in registrants })
    }

    /// The first dated event of nevsky-exact, and the store it is in.
    static func site() async throws -> (TestSite, EventSnapshot) {
        let site = try await TestSite()
        let item = try #require(try await site.snapshot().events(inCluster: "nevsky-exact").first { $0.state.date != nil })
        return (site, item)
    }

    static func postpone(_ item: EventSnapshot, in site: TestSite, today: LocalDate, now: Int64) async throws {
        let day = try #require(item.state.date)
        _ = try await EventEditing.record(.postponed(to: day.adding(days: 1)), for: item.id, confirm: true,
                                          by: Author(login: "coordinator", source: .web), in: site.database, now: now,
                                          today: today, notifier: notifier())
    }

    @Test(.enabled(if: MailReader.available, "python3 with icalendar is not installed (`make test` installs it)"))
    func aMoveWithinAWeekMailsEachRegistrantOneInvitationMatchingTheFeed() async throws {
        let (site, item) = try await Self.site()
        let day = try #require(item.state.date)
        let now: Int64 = 1_800_000_000
        try await Self.postpone(item, in: site, today: day.adding(days: -3), now: now)

        let queued = try await site.database.outbox(event: item.id)
        #expect(queued.map(\.mail.recipient).sorted() == Self.registrants.map(\.email).sorted())

        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sendmail = Sendmail(command: "cat > '\(dir.path)'/\"$CLUSTERPLAN_RECIPIENT\".eml")
        let result = try await MailDelivery.sendDue(store: site.database, sendmail: sendmail, now: now)
        #expect(result.sent == 2 && result.failed == 0)
        #expect(try await site.database.dueMail(now: now + 86_400, limit: 10).isEmpty)
        // Sent once: the same change queued again (a second publish) sends nothing more.
        #expect(try await site.database.enqueue(queued.map(\.mail), now: now + 1) == 0)

        let snapshot = try await site.snapshot()
        let stored = try #require(snapshot.events.first { $0.id == item.id })
        #expect(stored.state.sequence == item.state.sequence + 1)
        let feedFile = dir.appendingPathComponent("feed.ics")
        let content = SiteContent(snapshot: snapshot, options: SiteOptions(baseURL: "https://plan.example.ru"), pages: try PageRenderer())
        try content.feed(.cluster("nevsky-exact")).text.write(to: feedFile, atomically: true, encoding: .utf8)

        for registrant in Self.registrants {
            let mail = try MailReader.read(dir.appendingPathComponent("\(registrant.email).eml"), feed: feedFile)
            #expect(mail.to.contains(registrant.email))
            #expect(mail.contentType == "text/calendar" && mail.methodParameter == "REQUEST")
            #expect(mail.method == "REQUEST")
            #expect(mail.attendee == "mailto:\(registrant.email)")
            #expect(mail.attendeeName == registrant.name)
            // The seed's cluster names no coordinator address: the no-reply sender organises.
            #expect(mail.organizer == "mailto:\(Self.from)")
            #expect(mail.uid == uid(for: item.id, district: snapshot.district.clusters.first { $0.id == "nevsky-exact" }?.district))
            #expect(mail.feedSequence[mail.uid] == mail.sequence)
            #expect(mail.sequence == stored.state.sequence)
            #expect(mail.start.hasPrefix(day.adding(days: 1).description))
            #expect(mail.subject.hasPrefix("Изменение: "))
        }
    }

    @Test func registeringSendsTheInvitationAndAMoveReachesEveryRegistrant() async throws {
        let (site, item) = try await Self.site()
        let day = try #require(item.state.date)
        // Ten days before the event, registration open.
        let now = Int64(day.daysSinceEpoch - 10) * 86_400
        let store = site.database
        _ = try await Registering.configure(item.id, open: true, capacity: 1, deadline: nil, by: Author(login: "coordinator", source: .web),
                                            in: store, now: now)
        let notifier = Notifier(from: Self.from, options: SiteOptions(baseURL: "https://plan.example.ru"),
                                registrants: Roster(store: store).registrants)
        let first = Registrant(name: "Иванова Анна", school: "344", position: "учитель математики", email: "anna@school344.example.ru",
                               consent: true)
        let second = Registrant(name: "Петров Пётр", school: "498", position: "учитель физики", email: "petrov@school498.example.ru",
                                consent: true)
        let (_, token) = try await Registering.register(first, for: item.id, in: store, now: now, notifier: notifier)
        // Over capacity: waitlisted, so no invitation yet.
        _ = try await Registering.register(second, for: item.id, in: store, now: now + 1, notifier: notifier)
        #expect(try await store.outbox(event: item.id).map(\.mail.key) == ["invitation:\(item.id):\(item.state.sequence):anna@school344.example.ru"])
        // The first cancels: the second is promoted and invited.
        _ = try await Registering.cancel(token: token, in: store, now: now + 2, notifier: notifier)
        #expect(try await store.outbox(event: item.id).map(\.mail.recipient) == ["anna@school344.example.ru", "petrov@school498.example.ru"])
        // Moved within the week: the one registered now gets the change.
        _ = try await EventEditing.record(.postponed(to: day.adding(days: 1)), for: item.id, confirm: true,
                                          by: Author(login: "coordinator", source: .web), in: store, now: now + 3,
                                          today: day.adding(days: -5), notifier: notifier)
        let keys = try await store.outbox(event: item.id).map(\.mail.key)
        #expect(keys.last == "change:\(item.id):\(item.state.sequence + 1):petrov@school498.example.ru")
        #expect(keys.count == 3)
        // `privacy delete` takes their mail out of the outbox too.
        _ = try await PrivacyRequests.delete(email: "petrov@school498.example.ru", in: store)
        #expect(try await store.outbox(event: item.id).map(\.mail.recipient) == ["anna@school344.example.ru"])
    }

    @Test func aMoveLaterThanAWeekSendsNothing() async throws {
        let (site, item) = try await Self.site()
        let day = try #require(item.state.date)
        try await Self.postpone(item, in: site, today: day.adding(days: -8), now: 1_800_000_000)
        #expect(try await site.database.outbox(event: item.id).isEmpty)
    }

    @Test(.enabled(if: MailReader.available, "python3 with icalendar is not installed (`make test` installs it)"))
    func aCancellationWithinAWeekSendsMethodCancel() async throws {
        let (site, item) = try await Self.site()
        let day = try #require(item.state.date)
        _ = try await EventEditing.record(.cancelled(reason: "карантин"), for: item.id, confirm: true,
                                          by: Author(login: "coordinator", source: .web), in: site.database, now: 1_800_000_000,
                                          today: day.adding(days: -1), notifier: Self.notifier())
        let queued = try await site.database.outbox(event: item.id)
        #expect(queued.count == 2)
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("cancel.eml")
        try queued[0].mail.message.write(to: file, atomically: true, encoding: .utf8)
        let mail = try MailReader.read(file, feed: nil)
        #expect(mail.methodParameter == "CANCEL" && mail.method == "CANCEL")
        #expect(mail.status == "CANCELLED")
        #expect(mail.subject.hasPrefix("Отменено: "))
    }

    @Test func aFailedSendIsKeptAndRetriedWithBackoff() async throws {
        let (site, item) = try await Self.site()
        let day = try #require(item.state.date)
        let now: Int64 = 1_800_000_000
        try await Self.postpone(item, in: site, today: day.adding(days: -2), now: now)
        let failing = Sendmail(command: "cat > /dev/null; echo 'relay refused' >&2; exit 75")
        let failed = try await MailDelivery.sendDue(store: site.database, sendmail: failing, now: now)
        #expect(failed.sent == 0 && failed.failed == 2)
        let kept = try await site.database.outbox(event: item.id)
        #expect(kept.map(\.attempts) == [1, 1])
        #expect(kept.allSatisfy { $0.lastError == "команда почты завершилась неудачно (код 75): relay refused" })
        #expect(try await site.database.dueMail(now: now + 59, limit: 10).isEmpty)
        #expect(try await site.database.dueMail(now: now + 60, limit: 10).count == 2)
        #expect(MailDelivery.retryDelay(attempts: 1) == 120)
        #expect(MailDelivery.retryDelay(attempts: 20) == 6 * 3600)
        let working = Sendmail(command: "cat > /dev/null")
        let retried = try await MailDelivery.sendDue(store: site.database, sendmail: working, now: now + 60)
        #expect(retried.sent == 2 && retried.failed == 0)
    }

    @Test func remindersGoTwoWorkingDaysBeforeOnce() async throws {
        let (site, item) = try await Self.site()
        let day = try #require(item.state.date)
        let snapshot = try await site.snapshot()
        let calendar = snapshot.district.calendar
        let reminderDay = NoticeRules.reminderDay(before: day, calendar: calendar)
        #expect(reminderDay < day && calendar.isWorkingDay(reminderDay))
        let notifier = Self.notifier()
        await notifier.remind(in: snapshot, store: site.database, now: 1, today: reminderDay.adding(days: -1))
        #expect(try await site.database.outbox(event: item.id).isEmpty)
        await notifier.remind(in: snapshot, store: site.database, now: 2, today: reminderDay)
        #expect(try await site.database.outbox(event: item.id).count == Self.registrants.count)
        // The scan runs every few minutes: nothing is queued twice.
        await notifier.remind(in: snapshot, store: site.database, now: 3, today: reminderDay)
        #expect(try await site.database.outbox(event: item.id).count == Self.registrants.count)
    }
}

/// Reads a mail with python's `email` and its iTIP part with `icalendar`, and a feed's UID -> SEQUENCE.
enum MailReader {
    static let script = """
        import email, json, sys
        from email import policy
        import icalendar
        msg = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=policy.default)
        part = next(p for p in msg.walk() if p.get_content_type() == 'text/calendar')
        cal = icalendar.Calendar.from_ical(part.get_content())
        ev = next(iter(cal.walk('VEVENT')))
        feed = {}
        if len(sys.argv) > 2:
            for e in icalendar.Calendar.from_ical(open(sys.argv[2], 'rb').read()).walk('VEVENT'):
                feed[str(e['UID'])] = int(e['SEQUENCE'])
        print(json.dumps({"to": str(msg['To']), "subject": str(msg['Subject']), "contentType": part.get_content_type(),
            "methodParameter": part.get_param('method'), "method": str(cal['METHOD']), "organizer": str(ev['ORGANIZER']),
            "attendee": str(ev['ATTENDEE']), "attendeeName": str(ev['ATTENDEE'].params.get('CN')), "uid": str(ev['UID']),
            "sequence": int(ev['SEQUENCE']), "status": str(ev.get('STATUS')), "start": ev.decoded('DTSTART').isoformat(),
            "feedSequence": feed}))
        """

    struct Mail: Decodable {
        var to, subject, contentType, methodParameter, method, organizer, attendee, attendeeName, uid, status, start: String
        var sequence: Int
        var feedSequence: [String: Int]
    }

    static let available: Bool = (try? ToolRun.python(["-c", "import icalendar"]).status) == 0

    static func read(_ file: URL, feed: URL?) throws -> Mail {
        let run = try ToolRun.python(["-c", script, file.path] + (feed.map { [$0.path] } ?? []))
        try #require(run.status == 0)
        return try JSONDecoder().decode(Mail.self, from: run.output)
    }
}
