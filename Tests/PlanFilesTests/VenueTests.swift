import Planning
import PlanFiles
import TestSupport
import Testing

/// Contract v2: `venues:` with id, name and address; a host that is a venue or `online` with a `link:`.
@Suite struct VenueTests {
    static func district() throws -> District { try PlanLoader.load(paths: [Fixtures.url("planfiles/venues.yaml").path]) }

    @Test func venuesAndOnlineEventsAreRead() throws {
        let d = try Self.district()
        #expect(d.venues == [Venue(id: "imc", name: "ИМЦ Невского района", address: "ул. Бабушкина, 42", district: "Невский район")])
        let events = d.events
        #expect(events.map(\.host) == ["imc", "online", "online"])
        #expect(events.map(\.link) == [nil, "https://meet.example.org/c1-2", "https://meet.example.org/c1-3"])
        #expect(d.place(of: events[0]) == .venue(d.venues[0]))
        #expect(d.place(of: events[0]).locationLine == "ИМЦ Невского района, ул. Бабушкина, 42")
        #expect(d.place(of: events[1]).locationLine == "https://meet.example.org/c1-2")
        #expect(d.place(of: events[1]).name == "онлайн")
    }

    @Test func thePlanWriterKeepsVenuesLinksAndPrivacy() throws {
        var d = try Self.district()
        d.clusters[0].privacy = ClusterPrivacy(contactPrivate: true, notesPrivate: false)
        let text = try PlanWriter.yaml(d)
        #expect(text.contains("privacy:\n    contact: private\n"))
        let back = try PlanLoader.load(text: text)
        #expect(back.venues == d.venues)
        #expect(back.clusters == d.clusters)
    }

    @Test(arguments: [
        ("https://meet.example.org/x", nil),
        ("HTTP://example.org", nil),
        ("ftp://example.org", "ожидается адрес вида https://…"),
        ("https://", "в адресе нет имени сайта"),
        ("https://user@evil.example", "в адресе нет имени сайта"),
        ("https://example.org/a b", "содержит пробел, перевод строки или недопустимый знак"),
        ("https://example.org/\"><script>", "содержит пробел, перевод строки или недопустимый знак"),
    ] as [(String, String?)])
    func linksAreHTTPAddressesWithAHost(link: String, problem: String?) {
        #expect(linkProblem(link) == problem)
    }
}
