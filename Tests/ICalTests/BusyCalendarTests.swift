import Foundation
import ICal
import Planning
import Testing
import TestSupport

@Suite struct BusyCalendarTests {
    /// Reads `Tests/Fixtures/ical/<name>` for school 344 in Moscow time.
    func read(_ name: String, from: String = "2019-09-01", through: String = "2021-08-31") throws -> [BusyInterval] {
        let text = try String(contentsOf: Fixtures.url("ical/\(name)"), encoding: .utf8)
        return try readBusyCalendar(text: text, file: "busy/\(name)", school: "344", timezone: "Europe/Moscow",
                                    from: try #require(LocalDate(iso: from)), through: try #require(LocalDate(iso: through)))
    }

    /// `2019-10-01 15:00 - 2019-10-01 17:00 Педсовет`, to compare whole lists at a glance.
    func lines(_ intervals: [BusyInterval]) -> [String] {
        intervals.map { i in
            func time(_ minute: Int) -> String { "\(minute / 60 < 10 ? "0" : "")\(minute / 60):\(minute % 60 < 10 ? "0" : "")\(minute % 60)" }
            return "\(i.startDay) \(time(i.startMinute)) - \(i.endDay) \(time(i.endMinute)) \(i.reason ?? "-")"
        }
    }

    @Test func weeklyRecurrenceSkipsExdateUsesOverrideAndStopsAtTheRange() throws {
        let intervals = try read("busy-recurring.ics", through: "2019-10-25")
        #expect(lines(intervals) == [
            "2019-10-01 15:00 - 2019-10-01 17:00 Педсовет",
            "2019-10-08 15:00 - 2019-10-08 17:00 Педсовет",
            "2019-10-23 10:00 - 2019-10-23 12:00 Педсовет (перенесён)",
        ])
        #expect(intervals.allSatisfy { $0.school == "344" && $0.source == "busy/busy-recurring.ics" })
    }

    @Test func wholeRecurrenceWithinTheRange() throws {
        #expect(lines(try read("busy-recurring.ics")).map { String($0.prefix(10)) } ==
            ["2019-10-01", "2019-10-08", "2019-10-23", "2019-10-29"])
    }

    @Test func allDayItemsSpanWholeDaysUpToTheirExclusiveEnd() throws {
        #expect(lines(try read("busy-allday.ics")) == [
            "2019-09-01 00:00 - 2019-09-01 24:00 День знаний",
            "2020-02-10 00:00 - 2020-02-14 24:00 ВПР",
            "2020-03-01 00:00 - 2020-03-01 24:00 Субботник",
            "2020-09-01 00:00 - 2020-09-01 24:00 День знаний",
        ])
    }

    @Test func timedItemsAreConvertedToThePlansTimezone() throws {
        #expect(lines(try read("busy-timezones.ics")) == [
            "2020-01-20 10:00 - 2020-01-20 11:30 Совещание (Outlook)",
            "2020-01-21 17:00 - 2020-01-21 18:00 Вебинар из Нью-Йорка",
            "2020-01-22 10:00 - 2020-01-22 11:00 В UTC",
            "2020-01-23 14:00 - 2020-01-23 15:00 Плавающее время",
            "2020-01-24 23:00 - 2020-01-25 02:00 Через полночь",
        ])
    }

    @Test func transparentAndCancelledEventsAreNotBusy() throws {
        #expect(lines(try read("busy-transparent.ics")) == ["2020-02-07 09:00 - 2020-02-07 13:00 Пробный ОГЭ"])
    }

    @Test func freeBusyPeriodsExceptFreeOnes() throws {
        #expect(lines(try read("busy-freebusy.ics")) == [
            "2020-03-02 09:00 - 2020-03-02 12:00 -",
            "2020-03-04 09:00 - 2020-03-04 11:00 -",
            "2020-03-05 09:00 - 2020-03-05 10:00 -",
            "2020-03-06 15:00 - 2020-03-06 16:00 -",
        ])
    }

    @Test(arguments: [
        ("busy-malformed-value.ics", 6, "libical: "),
        ("busy-malformed-structure.ics", 12, "ожидалось END:VEVENT, а встретилось END:VCALENDAR"),
        ("busy-malformed-line.ics", 9, "строка не похожа на свойство iCalendar: «ЭТО НЕ СВОЙСТВО»"),
        ("busy-unknown-tzid.ics", 6, "неизвестный часовой пояс TZID=Europe/Atlantis"),
    ])
    func brokenFilesNameTheirLine(file: String, line: Int, message: String) throws {
        do {
            _ = try read(file)
            Issue.record("\(file) was accepted")
        } catch let error as BusyCalendarError {
            guard case .malformed(let errorFile, let errorLine, let errorMessage) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(errorFile == "busy/\(file)")
            #expect(errorLine == line)
            #expect(errorMessage.hasPrefix(message))
            #expect(error.description.hasPrefix("busy/\(file): line \(line): \(message)"))
        }
    }

    @Test(arguments: ["", "просто текст", "BEGIN:VEVENT\r\nEND:VEVENT\r\n", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"])
    func textThatIsNotACalendarIsAnError(text: String) {
        #expect(throws: BusyCalendarError.self) {
            try readBusyCalendar(text: text, file: "x.ics", school: nil, timezone: "Europe/Moscow",
                                 from: LocalDate(daysSinceEpoch: 0), through: LocalDate(daysSinceEpoch: 20_000))
        }
    }

    @Test func unknownPlanTimezoneIsAnError() {
        #expect(throws: BusyCalendarError.unknownTimezone(file: "x.ics", name: "Mars/Olympus")) {
            try readBusyCalendar(text: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", file: "x.ics", school: nil,
                                 timezone: "Mars/Olympus", from: LocalDate(daysSinceEpoch: 0),
                                 through: LocalDate(daysSinceEpoch: 1))
        }
    }

    @Test func exportedFeedReadsBackAsBusyTimes() throws {
        let feed = try makeFeed(try Seed003.snapshot(), scope: .school("498"))
        let intervals = try readBusyCalendar(text: feed.text, file: "498.ics", school: "498", timezone: "Europe/Moscow",
                                             from: try #require(LocalDate(iso: "2020-01-01")),
                                             through: try #require(LocalDate(iso: "2020-06-30")))
        #expect(lines(intervals) == [
            "2020-02-13 15:00 - 2020-02-13 17:00 Семинар: \(try Seed003.event(3).title)",
            "2020-04-16 15:00 - 2020-04-16 17:00 Круглый стол: \(try Seed003.event(4).title)",
        ])
    }
}
