import Planning
import Testing

@Suite struct CalendarValueTests {
    @Test(arguments: [
        ("1970-01-01", 0, Weekday.thu),
        ("2019-10-17", 18186, .thu),
        ("2020-02-29", 18321, .sat),
        ("2021-04-20", 18737, .tue),
    ])
    func datesMapToDaysAndWeekdays(text: String, days: Int, weekday: Weekday) throws {
        let date = try #require(LocalDate(iso: text))
        #expect(date.daysSinceEpoch == days)
        #expect(date.weekday == weekday)
        #expect(date.description == text)
        #expect(LocalDate(daysSinceEpoch: days) == date)
    }

    @Test(arguments: ["2019-02-29", "2019-13-01", "2019-1-01", "19-01-01", "2019-04-31", ""])
    func impossibleDatesAreRejected(text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test func malformedTextIsRejectedByEveryValue() {
        for text in ["2019-10-1x", "2019-10-17-", "-2019-10-17", "2019--10-17", "2019-+1-17", "２０１９-10-17", "2019-10-17 "] {
            #expect(LocalDate(iso: text) == nil, "\(text)")
        }
        for text in ["2019-1", "2019-10-01", "2019/10", "20190-10"] { #expect(YearMonth(iso: text) == nil, "\(text)") }
        for text in ["2019/20", "2019-2020", "2019/2020/2021", "+2019/2020"] { #expect(AcademicYear(text) == nil, "\(text)") }
        for text in ["930", "9:3", "123:00", "9:30:00", ":30", "24:00", "9:60"] { #expect(TimeOfDay(text) == nil, "\(text)") }
        #expect(TimeOfDay("9:30")?.minutesSinceMidnight == 570)
        #expect(YearMonth(iso: "2019-10")?.description == "2019-10")
    }

    @Test func academicYearRunsFromSeptemberToAugust() throws {
        let year = try #require(AcademicYear("2019/2020"))
        #expect(year.firstDay.description == "2019-09-01")
        #expect(year.lastDay.description == "2020-08-31")
        #expect(AcademicYear(containing: try #require(LocalDate(iso: "2020-08-31"))) == year)
        #expect(AcademicYear(containing: try #require(LocalDate(iso: "2020-09-01"))) == year.next)
        #expect(AcademicYear("2019/2021") == nil)
        #expect(year.contains(try #require(YearMonth(iso: "2020-04"))))
    }

    @Test(arguments: [("2h", 120), ("90m", 90), ("1h30m", 90)])
    func durationsParse(text: String, minutes: Int) {
        #expect(parseDurationMinutes(text) == minutes)
    }

    @Test(arguments: ["", "2", "h", "2x", "0m"])
    func badDurationsAreRejected(text: String) {
        #expect(parseDurationMinutes(text) == nil)
    }

    @Test func eventIDsParseFromTheLastSlash() throws {
        let id = try #require(EventID("nevsky-exact/7"))
        #expect(id.cluster == "nevsky-exact")
        #expect(id.number == 7)
        #expect(EventID("nevsky-exact") == nil)
        #expect(EventID("/7") == nil)
    }

    @Test func busyIntervalOverlapIsHalfOpen() throws {
        let day = try #require(LocalDate(iso: "2019-10-17"))
        let busy = BusyInterval(school: "344", startDay: day, startMinute: 14 * 60, endDay: day, endMinute: 15 * 60,
                                source: "busy/344.ics")
        #expect(!busy.overlaps(day: day, startMinute: 15 * 60, durationMinutes: 120))
        #expect(busy.overlaps(day: day, startMinute: 14 * 60 + 30, durationMinutes: 120))
        #expect(!busy.overlaps(day: day.adding(days: 1), startMinute: 14 * 60, durationMinutes: 60))
    }
}
