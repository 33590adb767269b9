import Foundation
import ICal
import Planning
import Testing
import TestSupport

/// A second, independent parser (python `icalendar`) must accept every feed.
@Suite struct PythonICalendarTests {
    /// Prints, as JSON, what python `icalendar` understood: its parse errors, the zones and each event.
    static let reader = """
        import json, sys
        import icalendar
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        errors = [[c.name, str(e)] for c in cal.walk() for e in c.errors]
        events = [{"uid": str(e["UID"]), "summary": str(e["SUMMARY"]), "status": str(e["STATUS"]),
                   "start": e.decoded("DTSTART").isoformat(), "end": e.decoded("DTEND").isoformat()}
                  for e in cal.walk("VEVENT")]
        print(json.dumps({"name": str(cal.get("X-WR-CALNAME")), "errors": errors,
                          "zones": [str(z["TZID"]) for z in cal.walk("VTIMEZONE")], "events": events}))
        """

    static let available: Bool = (try? python(["-c", "import icalendar"]).status) == 0

    struct Reading: Decodable {
        struct Event: Decodable { var uid, summary, status, start, end: String }
        var name: String
        var errors: [[String]]
        var zones: [String]
        var events: [Event]
    }

    static func python(_ arguments: [String]) throws -> (status: Int32, output: Data) { try ToolRun.python(arguments) }

    @Test(.enabled(if: available, "python3 with icalendar is not installed (python3 -m pip install icalendar; `make test` does it)"),
          arguments: [FeedScope.district, .cluster("nevsky-exact"), .school("344"), .school("498")])
    func pythonIcalendarAcceptsEveryFeed(scope: FeedScope) throws {
        let snapshot = try Seed003.snapshot(changing: 8) { $0.status = .cancelled }
        let feed = try makeFeed(snapshot, scope: scope, options: FeedOptions(baseURL: "https://plan.example.ru"))
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("feed.ics")
        try Data(feed.text.utf8).write(to: file)

        let (status, output) = try Self.python(["-c", Self.reader, file.path])
        try #require(status == 0)
        let reading = try JSONDecoder().decode(Reading.self, from: output)
        #expect(reading.errors.isEmpty)
        #expect(reading.zones == ["Europe/Moscow"])
        let libical = try ParsedCalendar(text: feed.text).root
        #expect(reading.name == libical.value("X-WR-CALNAME"))
        #expect(reading.events.map(\.uid) == libical.components("VEVENT").compactMap { $0.value("UID") })
        #expect(reading.events.map(\.summary) == libical.components("VEVENT").compactMap { $0.value("SUMMARY") })
        let first = try #require(reading.events.first { $0.uid.hasPrefix("nevsky-exact-3.") })
        #expect(first.start == "2020-02-13T15:00:00+03:00")
        #expect(first.end == "2020-02-13T17:00:00+03:00")
        let cancelled = try #require(reading.events.first { $0.uid.hasPrefix("nevsky-exact-8.") })
        #expect(cancelled.status == "CANCELLED")
    }
}
