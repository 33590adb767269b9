import Foundation
@testable import ICal
import Planning
import Testing
import TestSupport

/// Issue 14: what a hostile tester put into busy calendars and feeds.
@Suite struct HostileCalendarTests {
    @Test func aSecondlyRecurrenceIsRefusedAtItsRuleLineQuickly() throws {
        let text = try String(contentsOf: Fixtures.url("ical/busy-secondly.ics"), encoding: .utf8)
        let clock = ContinuousClock()
        var error: BusyCalendarError?
        let elapsed = clock.measure {
            do {
                _ = try readBusyCalendar(text: text, file: "busy/storm.ics", school: "344", timezone: "Europe/Moscow",
                                         from: LocalDate(year: 2019, month: 9, day: 1)!, through: LocalDate(year: 2021, month: 8, day: 31)!)
            } catch let e as BusyCalendarError { error = e } catch {}
        }
        guard case .malformed(let file, let line, let message) = error else {
            Issue.record("expected a located error, got \(String(describing: error))")
            return
        }
        #expect(file == "busy/storm.ics")
        #expect(line == 9)
        #expect(message.hasPrefix("повторение RRULE даёт больше 20000 повторов за годы плана"))
        #expect(elapsed < .seconds(10))
    }

    @Test func aDailyRuleOverTheWholePlanStillExpands() throws {
        let text = try String(contentsOf: Fixtures.url("ical/busy-secondly.ics"), encoding: .utf8)
            .replacingOccurrences(of: "FREQ=SECONDLY", with: "FREQ=DAILY")
        let intervals = try readBusyCalendar(text: text, file: "b.ics", school: "344", timezone: "Europe/Moscow",
                                             from: LocalDate(year: 2019, month: 9, day: 1)!,
                                             through: LocalDate(year: 2021, month: 8, day: 31)!)
        #expect(intervals.count == 731)
    }

    /// A snapshot of seed 003 whose coordinator, cluster id and a title carry what must not reach a feed raw.
    func hostileFeed(email: String, clusterID: String, title: String) throws -> String {
        var snapshot = try Seed003.snapshot()
        let old = Seed003.clusterID
        for i in snapshot.district.clusters.indices where snapshot.district.clusters[i].id == old {
            snapshot.district.clusters[i].coordinator = Coordinator(name: "Иванова\r\nX", email: email)
            snapshot.district.clusters[i].id = clusterID
        }
        for i in snapshot.events.indices {
            snapshot.events[i].event.id = EventID(cluster: clusterID, number: snapshot.events[i].event.number)
            snapshot.events[i].event.title = title
        }
        return try makeFeed(snapshot, scope: .district, options: FeedOptions(baseURL: "https://plan.example.ru")).text
    }

    @Test func crlfInEmailOrClusterIdAddsNoEvent() throws {
        let text = try hostileFeed(email: "a@b.ru\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:ВЗЛОМ",
                                   clusterID: "c\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:ВЗЛОМ", title: "Семинар")
        let events = try Seed003.snapshot().events.count
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == events)
        #expect(!lines.contains { $0.hasPrefix("SUMMARY:ВЗЛОМ") })
        #expect(!text.contains("ORGANIZER"))
        let parsed = try ParsedCalendar(text: text)
        #expect(parsed.errors == [])
        let urls = parsed.root.components("VEVENT").compactMap { $0.value("URL") }
        #expect(urls.count == events)
        #expect(urls.allSatisfy { $0.hasPrefix("https://plan.example.ru/events/c%0D%0AEND:VEVENT%0D%0ABEGIN:VEVENT%0D%0ASUMMARY:") })
    }

    @Test func terminalEscapesAndBidiControlsAreDroppedFromFeedText() throws {
        let text = try hostileFeed(email: "a@b.ru", clusterID: "c1", title: "Сем\u{1B}[31mинар\u{202E}\u{7}")
        #expect(text.contains(": Сем[31mинар\r\n"))
        #expect(!text.contains("\u{1B}") && !text.contains("\u{202E}") && !text.contains("\u{7}"))
        #expect(text.contains("ORGANIZER;CN=Иванова X:mailto:a@b.ru\r\n"))
    }
}

/// Every busy calendar of `Tests/Fixtures/fuzz/busy-ics/` is read or refused in bounded time.
@Suite struct FuzzInputReplayTests {
    @Test func everyHostileBusyCalendarIsRefusedQuickly() throws {
        let files = try FuzzInputs.files("busy-ics")
        #expect(!files.isEmpty)
        let clock = ContinuousClock()
        for (name, data) in files {
            var refused = false
            let elapsed = clock.measure {
                refused = (try? readBusyCalendar(text: String(decoding: data, as: UTF8.self), file: name, school: "344",
                                                 timezone: "Europe/Moscow", from: LocalDate(year: 2019, month: 9, day: 1)!,
                                                 through: LocalDate(year: 2021, month: 8, day: 31)!)) == nil
            }
            #expect(refused, "\(name)")
            #expect(elapsed < .seconds(20), "\(name)")
        }
    }
}
