import CLibical
import Foundation
@testable import ICal
import Planning
import PlanFiles
import TestSupport
import Testing

@Suite struct FeedTests {
    let options = FeedOptions(baseURL: "https://plan.example.ru/")
    static let nevskyHash = "2197331b"  // FNV-1a of "Невский район Санкт-Петербурга"

    func parsedCluster(_ snapshot: DistrictSnapshot? = nil, options: FeedOptions = FeedOptions()) throws -> ParsedComponent {
        let feed = try makeFeed(snapshot ?? Seed003.snapshot(), scope: .cluster(Seed003.clusterID), options: options)
        let parsed = try ParsedCalendar(text: feed.text)
        #expect(parsed.errors == [])
        return parsed.root
    }

    func event(_ number: Int, in calendar: ParsedComponent) throws -> ParsedComponent {
        let id = uid(for: EventID(cluster: Seed003.clusterID, number: number), district: Seed003.districtName)
        return try #require(calendar.components("VEVENT").first { $0.value("UID") == id })
    }

    @Test func calendarPropertiesAreExact() throws {
        let calendar = try parsedCluster()
        #expect(calendar.name == "VCALENDAR")
        #expect(calendar.value("VERSION") == "2.0")
        #expect(calendar.value("PRODID") == "-//ClusterPlan//ClusterPlan//RU")
        #expect(calendar.value("CALSCALE") == "GREGORIAN")
        #expect(calendar.value("METHOD") == "PUBLISH")
        let title = "Использование результатов оценочных процедур в процессе реализации точных и естественнонаучных дисциплин"
        #expect(calendar.value("NAME") == title)
        #expect(calendar.value("X-WR-CALNAME") == title)
        let refresh = try #require(calendar.property("REFRESH-INTERVAL"))
        #expect(refresh.value == "PT4H")
        #expect(refresh.parameters == ["VALUE": "DURATION"])
        #expect(calendar.value("X-PUBLISHED-TTL") == "PT4H")
    }

    @Test func refreshIntervalIsConfigurable() throws {
        let calendar = try parsedCluster(options: FeedOptions(refreshInterval: "P1D"))
        #expect(calendar.value("REFRESH-INTERVAL") == "P1D")
        #expect(calendar.value("X-PUBLISHED-TTL") == "P1D")
        let snapshot = try Seed003.snapshot()
        #expect(throws: FeedError.invalidRefreshInterval("4 часа")) {
            try makeFeed(snapshot, scope: .district, options: FeedOptions(refreshInterval: "4 часа"))
        }
    }

    @Test func vtimezoneIsMoscowTruncatedToTheFeedsYears() throws {
        let calendar = try parsedCluster()
        let zones = calendar.components("VTIMEZONE")
        try #require(zones.count == 1)
        #expect(zones[0].value("TZID") == "Europe/Moscow")
        #expect((1...5).contains(zones[0].components.count))
        #expect(zones[0].components.allSatisfy { $0.value("TZOFFSETTO") == "+0300" })
        for event in calendar.components("VEVENT") {
            #expect(event.property("DTSTART")?.parameters == ["TZID": "Europe/Moscow"])
            #expect(event.property("DTEND")?.parameters == ["TZID": "Europe/Moscow"])
        }
    }

    @Test func firstConferenceCarriesExactProperties() throws {
        let event = try event(1, in: try parsedCluster(options: options))
        #expect(event.value("UID") == "nevsky-exact-1.\(Self.nevskyHash)@clusterplan")
        #expect(event.value("DTSTART") == "20191017T150000")
        #expect(event.value("DTEND") == "20191017T180000")
        #expect(event.value("DTSTAMP") == "20190901T090000Z")
        #expect(event.value("LAST-MODIFIED") == "20190901T090000Z")
        #expect(event.value("SEQUENCE") == "0")
        #expect(event.value("SUMMARY") == "Конференция: Кластерный подход как основа сетевого взаимодействия образовательных организаций в процессе реализации программ точных и естественнонаучных дисциплин")
        #expect(event.value("DESCRIPTION") == """
            Знакомство участников кластерного взаимодействия, определение общих проблем на основе самообследования использования результатов оценочных процедур 2018-2019 уч. г., планирование работы кластера.
            Формат: Конференция
            Кластер: Использование результатов оценочных процедур в процессе реализации точных и естественнонаучных дисциплин
            Задачи:
            — Объединить педагогическое сообщество кластера для совместной аналитической и исследовательской деятельности для разработки эффективных технологий в области использования результатов оценочных процедур в процессе реализации точных и естественнонаучных дисциплин.
            """)
        #expect(event.value("LOCATION") == "ГБОУ лицей № 344 Невского района, Санкт-Петербург, ул. Тестовая, д. 1")
        #expect(event.values("CATEGORIES") == ["Конференция"])
        #expect(event.value("STATUS") == "CONFIRMED")
        let organizer = try #require(event.property("ORGANIZER"))
        #expect(organizer.value == "mailto:coordinator@example.org")
        #expect(organizer.parameters == ["CN": "Иванова Мария Петровна"])
        #expect(event.value("URL") == "https://plan.example.ru/events/nevsky-exact/1")
    }

    @Test(arguments: [
        (1, "20191017T150000", "20191017T180000", "Конференция", "ГБОУ лицей № 344 Невского района, Санкт-Петербург, ул. Тестовая, д. 1"),
        (2, "20191212T150000", "20191212T170000", "Семинар", "ГБОУ лицей № 344 Невского района, Санкт-Петербург, ул. Тестовая, д. 1"),
        (3, "20200213T150000", "20200213T170000", "Семинар", "ГБОУ гимназия № 498 Невского района"),
        (4, "20200416T150000", "20200416T170000", "Круглый стол", "ГБОУ лицей № 344 Невского района, Санкт-Петербург, ул. Тестовая, д. 1"),
        (6, "20201015T150000", "20201015T180000", "Конференция", "ГБОУ лицей № 344 Невского района, Санкт-Петербург, ул. Тестовая, д. 1"),
        (7, "20201210T150000", "20201210T163000", "Рабочая встреча", "ГБОУ лицей № 344 Невского района, Санкт-Петербург, ул. Тестовая, д. 1"),
        (8, "20210211T150000", "20210211T170000", "Круглый стол", "ГБОУ гимназия № 498 Невского района"),
        (9, "20210415T150000", "20210415T180000", "Конференция", "ГБОУ лицей № 344 Невского района, Санкт-Петербург, ул. Тестовая, д. 1"),
    ])
    func seedEventsHaveTheirDatesAndPlaces(number: Int, start: String, end: String, format: String, location: String) throws {
        let event = try event(number, in: try parsedCluster(options: options))
        let title = try Seed003.event(number).title
        #expect(event.value("UID") == "nevsky-exact-\(number).\(Self.nevskyHash)@clusterplan")
        #expect(event.value("DTSTART") == start)
        #expect(event.value("DTEND") == end)
        #expect(event.value("SUMMARY") == "\(format): \(title)")
        #expect(event.values("CATEGORIES") == [format])
        #expect(event.value("LOCATION") == location)
        #expect(event.value("URL") == "https://plan.example.ru/events/nevsky-exact/\(number)")
    }

    @Test func eventsAppearInIDOrderAndTheFeedHasEveryDatedEvent() throws {
        let calendar = try parsedCluster()
        #expect(calendar.components("VEVENT").compactMap { $0.value("UID") } ==
            [1, 2, 3, 4, 6, 7, 8, 9].map { "nevsky-exact-\($0).\(Self.nevskyHash)@clusterplan" })
        #expect(calendar.components.map(\.name) == ["VTIMEZONE"] + Array(repeating: "VEVENT", count: 8))
    }

    @Test(arguments: [EventStatus.cancelled, .removed])
    func cancelledEventsStayVisible(status: EventStatus) throws {
        let snapshot = try Seed003.snapshot(changing: 3) { $0.status = status; $0.sequence = 2 }
        let event = try event(3, in: try parsedCluster(snapshot))
        #expect(event.value("STATUS") == "CANCELLED")
        #expect(event.value("SUMMARY") == "ОТМЕНЕНО: Семинар: \(try Seed003.event(3).title)")
        #expect(event.value("SEQUENCE") == "2")
        #expect(event.value("DTSTART") == "20200213T150000")
    }

    @Test func undatedEventsAreLeftOutAndReported() throws {
        var snapshot = try Seed003.snapshot(changing: 9) { $0.date = nil; $0.status = .planned }
        snapshot.events[1].state.date = nil
        let feed = try makeFeed(snapshot, scope: .district)
        #expect(feed.undated == [EventID(cluster: "nevsky-exact", number: 2), EventID(cluster: "nevsky-exact", number: 9)])
        let uids = try ParsedCalendar(text: feed.text).root.components("VEVENT").compactMap { $0.value("UID") }
        #expect(uids == [1, 3, 4, 6, 7, 8].map { "nevsky-exact-\($0).\(Self.nevskyHash)@clusterplan" })
    }

    @Test func eventStartAndStateStartOverrideTheDefault() throws {
        var snapshot = try Seed003.snapshot(editing: 2) { $0.start = TimeOfDay(hour: 10, minute: 0); $0.durationMinutes = 900 }
        snapshot.events[2].state.start = TimeOfDay(hour: 16, minute: 30)
        let calendar = try parsedCluster(snapshot)
        // 10:00 + 15 h ends the next day.
        #expect(try event(2, in: calendar).value("DTEND") == "20191213T010000")
        #expect(try event(2, in: calendar).value("DTSTART") == "20191212T100000")
        #expect(try event(3, in: calendar).value("DTSTART") == "20200213T163000")
    }

    @Test func uidSurvivesRescheduleAndNewBaseURL() throws {
        let before = try event(4, in: try parsedCluster(options: options))
        let moved = try Seed003.snapshot(changing: 4) { $0.date = LocalDate(iso: "2020-04-23"); $0.sequence = 1 }
        let after = try event(4, in: try parsedCluster(moved, options: FeedOptions(baseURL: "http://localhost:8080")))
        #expect(before.value("UID") == after.value("UID"))
        #expect(after.value("DTSTART") == "20200423T150000")
        #expect(after.value("URL") == "http://localhost:8080/events/nevsky-exact/4")
    }

    @Test func uidDependsOnEventAndDistrictOnly() {
        let id = EventID(cluster: "nevsky-exact", number: 7)
        #expect(uid(for: id, district: Seed003.districtName) == "nevsky-exact-7.2197331b@clusterplan")
        #expect(uid(for: id, district: "Кировский район Санкт-Петербурга") == "nevsky-exact-7.fff9e944@clusterplan")
        #expect(uid(for: id, district: nil) == "nevsky-exact-7@clusterplan")
    }

    @Test func sequenceAndLastModifiedComeFromState() throws {
        // 2020-03-01T12:34:56Z
        let snapshot = try Seed003.snapshot(changing: 6) { $0.sequence = 5; $0.lastModified = 1_583_066_096 }
        let event = try event(6, in: try parsedCluster(snapshot))
        #expect(event.value("SEQUENCE") == "5")
        #expect(event.value("DTSTAMP") == "20200301T123456Z")
        #expect(event.value("LAST-MODIFIED") == "20200301T123456Z")
    }

    @Test(arguments: [FeedScope.district, .cluster("nevsky-exact"), .school("498")])
    func repeatedExportIsByteIdentical(scope: FeedScope) throws {
        let first = try makeFeed(try Seed003.snapshot(), scope: scope, options: options)
        let second = try makeFeed(try Seed003.snapshot(), scope: scope, options: options)
        #expect(first.bytes == second.bytes)
    }

    @Test func streamedFeedEqualsSerialisingTheWholeTree() throws {
        let feed = try makeFeed(try Seed003.snapshot(), scope: .district, options: options)
        let tree = try #require(Component(parsing: feed.text))
        #expect(tree.serialized == feed.text)
    }

    @Test func libicalRestrictionCheckAcceptsThePublishedFeed() throws {
        let feed = try makeFeed(try Seed003.snapshot(), scope: .district, options: options)
        let tree = try #require(Component(parsing: feed.text))
        #expect(icalrestriction_check(tree.pointer) == 1)
    }

    @Test func schoolFeedHasEventsTheSchoolHostsOrAttends() throws {
        var snapshot = try Seed003.snapshot()
        for index in snapshot.events.indices where snapshot.events[index].id.number != 3 {
            snapshot.events[index].event.participants = ["344"]
        }
        let feed = try makeFeed(snapshot, scope: .school("498"))
        let calendar = try ParsedCalendar(text: feed.text).root
        #expect(calendar.value("NAME") == "ГБОУ гимназия № 498 Невского района")
        #expect(calendar.components("VEVENT").compactMap { $0.value("UID") } ==
            [3, 8].map { "nevsky-exact-\($0).\(Self.nevskyHash)@clusterplan" })
    }

    @Test func districtFeedIsNamedAfterTheDistrict() throws {
        let calendar = try ParsedCalendar(text: makeFeed(try Seed003.snapshot(), scope: .district).text).root
        #expect(calendar.value("NAME") == Seed003.districtName)
        #expect(calendar.value("X-WR-CALNAME") == Seed003.districtName)
    }

    @Test func unknownScopesAreErrors() throws {
        var snapshot = try Seed003.snapshot()
        #expect(throws: FeedError.unknownCluster("nevsky-nope")) { try makeFeed(snapshot, scope: .cluster("nevsky-nope")) }
        #expect(throws: FeedError.unknownSchool("3444")) { try makeFeed(snapshot, scope: .school("3444")) }
        snapshot.district.timezone = "Europe/Atlantis"
        #expect(throws: FeedError.unknownTimezone("Europe/Atlantis")) { try makeFeed(snapshot, scope: .district) }
    }

    @Test func noOrganizerWithoutCoordinatorEmailAndNoURLWithoutBaseURL() throws {
        var snapshot = try Seed003.snapshot()
        snapshot.district.clusters[0].coordinator = Coordinator(name: "Иванова Мария Петровна")
        let event = try event(1, in: try parsedCluster(snapshot))
        #expect(event.property("ORGANIZER") == nil)
        #expect(event.property("URL") == nil)
    }
}

@Suite struct FeedTextTests {
    static let awkwardTitles = [
        "Круглый стол; итоги, планы\\выводы",
        "Строка 1\nСтрока 2\nСтрока 3",
        "«Кавычки», точка с запятой; двоеточие: и обратная косая \\n (не перевод строки)",
        String(repeating: "Оценочныепроцедуры", count: 12),
        String(repeating: "ж😀€a", count: 40),
    ]

    @Test(arguments: awkwardTitles)
    func textRoundTripsExactly(title: String) throws {
        let snapshot = try Seed003.snapshot(editing: 1) { $0.title = title; $0.purpose = title }
        let feed = try makeFeed(snapshot, scope: .cluster(Seed003.clusterID))
        let event = try #require(try ParsedCalendar(text: feed.text).root.components("VEVENT").first)
        #expect(event.value("SUMMARY") == "Конференция: \(title)")
        #expect(event.value("DESCRIPTION")?.hasPrefix("\(title)\nФормат: Конференция\n") == true)
    }

    @Test func calendarNameWithCommasRoundTrips() throws {
        var snapshot = try Seed003.snapshot()
        snapshot.district.clusters[0].title = "Кластер «Точные науки»; 2019, 2020\\2021"
        let calendar = try ParsedCalendar(text: makeFeed(snapshot, scope: .cluster(Seed003.clusterID)).text).root
        #expect(calendar.value("NAME") == "Кластер «Точные науки»; 2019, 2020\\2021")
        #expect(calendar.value("X-WR-CALNAME") == "Кластер «Точные науки»; 2019, 2020\\2021")
    }

    @Test(arguments: awkwardTitles)
    func linesAreCRLFAndFoldedAt75OctetsWithoutSplittingCharacters(title: String) throws {
        let snapshot = try Seed003.snapshot(editing: 1) { $0.title = title; $0.purpose = title }
        let bytes = Array(try makeFeed(snapshot, scope: .district).text.utf8)
        #expect(bytes.suffix(2) == [13, 10])
        var lineStart = 0
        for index in bytes.indices {
            if bytes[index] == 13 { #expect(index + 1 < bytes.count && bytes[index + 1] == 10) }
            guard bytes[index] == 10 else { continue }
            #expect(index > 0 && bytes[index - 1] == 13)
            let line = Array(bytes[lineStart..<(index - 1)])
            #expect(line.count <= 75)
            #expect(String(validating: line, as: UTF8.self) != nil, "line \(line) splits a character")
            lineStart = index + 1
        }
    }

    @Test(arguments: [
        "Семинар\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\r\nSUMMARY:чужое",
        "Семинар\nBEGIN:VEVENT\nUID:evil",
        "Семинар\rBEGIN:VEVENT\rUID:evil",
    ])
    func embeddedLineBreaksCannotCreateComponents(title: String) throws {
        let snapshot = try Seed003.snapshot(editing: 2) { $0.title = title }
        let feed = try makeFeed(snapshot, scope: .cluster(Seed003.clusterID))
        let calendar = try ParsedCalendar(text: feed.text).root
        #expect(calendar.components("VEVENT").count == 8)
        #expect(!calendar.components("VEVENT").contains { $0.value("UID") == "evil" })
        #expect(!feed.text.contains("\r\nBEGIN:VEVENT\r\nUID:evil"))
        #expect(!feed.text.contains("\nUID:evil"))
        let bytes = Array(feed.text.utf8)
        #expect(bytes.indices.allSatisfy { bytes[$0] != 13 || ($0 + 1 < bytes.count && bytes[$0 + 1] == 10) })
        #expect(bytes.indices.allSatisfy { bytes[$0] != 10 || ($0 > 0 && bytes[$0 - 1] == 13) })
    }
}

@Suite struct StreamedFeedTests {
    @Test(arguments: [1, 4_096, 1 << 20])
    func piecesJoinToTheBytesOfMakeFeed(chunkSize: Int) throws {
        let snapshot = try Seed003.snapshot()
        let whole = try makeFeed(snapshot, scope: .district)
        var pieces: [[UInt8]] = []
        let undated = try writeFeed(snapshot, scope: .district, chunkSize: chunkSize) { pieces.append($0) }
        #expect(pieces.flatMap { $0 } == whole.bytes)
        #expect(undated == whole.undated)
        #expect(pieces.dropLast().allSatisfy { $0.count >= chunkSize })
        if chunkSize == 1 << 20 { #expect(pieces.count == 1) }
    }
}

@Suite struct VenueFeedTests {
    @Test func aVenueIsTheLocationAndAnOnlineEventsLinkIsItsLocation() throws {
        let district = try PlanLoader.load(paths: [Fixtures.url("planfiles/venues.yaml").path])
        let events = district.events.map {
            EventSnapshot(event: $0, state: EventState(date: $0.timing.firstDay, lastModified: 1_570_000_000, status: .scheduled))
        }
        let feed = try makeFeed(DistrictSnapshot(district: district, events: events), scope: .district,
                                options: FeedOptions(baseURL: "https://plan.example.ru"))
        let vevents = try ParsedCalendar(text: feed.text).root.components("VEVENT")
        #expect(vevents.map { $0.value("LOCATION") } == [
            "ИМЦ Невского района, ул. Бабушкина, 42", "https://meet.example.org/c1-2", "https://meet.example.org/c1-3",
        ])
        #expect(vevents[1].value("DESCRIPTION")?.contains("Ссылка: https://meet.example.org/c1-2") == true)
        #expect(vevents[1].value("URL") == "https://plan.example.ru/events/c1/2")
    }
}
