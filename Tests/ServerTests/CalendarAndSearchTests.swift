import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Planning
import Server
import Site
import TestSupport
import Testing

/// The year at a glance, the school search and the page layout rules (events first, plain labels,
/// one district name at a time).
@Suite struct CalendarAndSearchTests {
    /// Seed 003 as the scheduler places it (Tests/SchedulerTests/Seed003Tests.swift).
    static let seed003: [(Int, String)] = [
        (1, "2019-10-16"), (2, "2019-12-17"), (3, "2020-02-13"), (4, "2020-04-16"),
        (6, "2020-10-15"), (7, "2020-12-16"), (8, "2021-02-16"), (9, "2021-04-15"),
    ]

    @Test(arguments: ["2019-2020", "2020-2021"])
    func clusterCalendarShowsSeed003OnItsExactDays(year: String) async throws {
        let site = try await TestSite()
        let academic = try #require(AcademicYear(year.replacingOccurrences(of: "-", with: "/")))
        try await site.app.test(.router) { client in
            let response = try await client.execute(uri: "/clusters/nevsky-exact/calendar/\(year)", method: .get)
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("<h1>Календарь на \(academic) учебный год</h1>"))
            // Twelve month rows, September first.
            #expect(html.components(separatedBy: "<th scope=\"row\">").count - 1 == 12)
            #expect(html.contains("<th scope=\"row\">Сентябрь \(academic.startYear)</th>"))
            let inYear = Self.seed003.filter { LocalDate(iso: $0.1).map(academic.contains) ?? false }
            #expect(inYear.count == 4)
            for (number, date) in inYear {
                let day = try #require(cell(html, date), "no cell for \(date)")
                #expect(day.contains("<a class=\"ev\" href=\"/events/nevsky-exact/\(number)\""), "\(date): \(day)")
            }
            // Exactly the plan's events of that year, each once, and nothing on other days.
            #expect(html.components(separatedBy: "<a class=\"ev").count - 1 == 4)
        }
    }

    @Test func vacationsHolidaysAndWeekendsAreShaded() async throws {
        let site = try await TestSite()
        try await site.app.test(.router) { client in
            let html = try await client.execute(uri: "/clusters/nevsky-exact/calendar/2019-2020", method: .get).text
            let vacation = try #require(cell(html, "2019-10-30"))
            #expect(vacation.hasPrefix("<td class=\"day vacation\""))
            #expect(vacation.contains("title=\"среда, 30 октября 2019 — Осенние каникулы\""))
            let holiday = try #require(cell(html, "2020-05-01"))
            #expect(holiday.hasPrefix("<td class=\"day holiday\""))
            #expect(holiday.contains("Праздник Весны и Труда"))
            let transferred = try #require(cell(html, "2020-02-24"))
            #expect(transferred.hasPrefix("<td class=\"day holiday\""))
            #expect(transferred.contains("перенесённый выходной"))
            #expect(try #require(cell(html, "2019-09-07")).hasPrefix("<td class=\"day weekend\""))
            #expect(try #require(cell(html, "2019-09-10")).hasPrefix("<td class=\"day\" data-date"))
            // 2019-11-04 is both: the holiday's name and the vacation.
            let both = try #require(cell(html, "2019-11-04"))
            #expect(both.hasPrefix("<td class=\"day holiday vacation\""))
            #expect(both.contains("День народного единства, Осенние каникулы"))
            #expect(html.contains("<li class=\"vacation\">каникулы</li>"))
        }
    }

    @Test func aSchoolsBusyDaysAreShadedOnItsCalendarAndItsClusters() async throws {
        let site = try await TestSite(extra: [Fixtures.url("server/busy-498.yaml").path])
        try await site.app.test(.router) { client in
            for uri in ["/schools/498/calendar/2019-2020", "/clusters/nevsky-exact/calendar/2019-2020"] {
                let html = try await client.execute(uri: uri, method: .get).text
                let busy = try #require(cell(html, "2020-02-12"), "\(uri)")
                #expect(busy.hasPrefix("<td class=\"day busy\""), "\(uri): \(busy)")
                #expect(busy.contains("занята школа 498: ВПР"))
                #expect(try #require(cell(html, "2020-02-17")).hasPrefix("<td class=\"day\" data-date"))
            }
            // 344 is not busy then: its own calendar leaves the days plain.
            let other = try await client.execute(uri: "/schools/344/calendar/2019-2020", method: .get).text
            #expect(try #require(cell(other, "2020-02-12")).hasPrefix("<td class=\"day\" data-date"))
        }
    }

    @Test func theDistrictCalendarHasAGridPerDistrictWithItsOwnVacations() async throws {
        let site = try await TestSite()
        try await site.app.test(.router) { client in
            let response = try await client.execute(uri: "/calendar/2019-2020", method: .get)
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("<h2>Невский район Санкт-Петербурга</h2>"))
            #expect(html.contains("<h2>Кировский район Санкт-Петербурга</h2>"))
            // Millerovo's plan is for 2022/2023: no grid of it in 2019/2020.
            #expect(!html.contains("Миллеровский"))
            #expect(!html.contains("; "))
            let nevsky = try #require(html.components(separatedBy: "<h2>Невский район Санкт-Петербурга</h2>").last?
                .components(separatedBy: "<section").first)
            #expect(try #require(cell(nevsky, "2019-10-30")).contains("vacation"))
            for (number, date) in Self.seed003.prefix(4) {
                #expect(try #require(cell(nevsky, date)).contains("href=\"/events/nevsky-exact/\(number)\""))
            }
            // The year in the query works as well as in the path; the bare route opens on the current year.
            let query = try await client.execute(uri: "/calendar?year=2019-2020", method: .get)
            #expect(query.text == html)
            let current = try await client.execute(uri: "/calendar", method: .get)
            #expect(current.text.contains("<h1>Календарь на 2020/2021 учебный год</h1>"))
        }
    }

    @Test(arguments: ["/calendar/2018-2019", "/calendar/last", "/clusters/nevsky-exact/calendar/2022-2023",
                      "/clusters/nope/calendar", "/schools/0/calendar/2019-2020", "/calendar?year=1999-2000"])
    func unknownCalendarsAre404(uri: String) async throws {
        let site = try await TestSite()
        try await site.app.test(.router) { client in
            let response = try await client.execute(uri: uri, method: .get)
            #expect(response.status == .notFound)
        }
    }

    @Test func pagesLinkTheirCalendars() async throws {
        let site = try await TestSite()
        try await site.app.test(.router) { client in
            let home = try await client.execute(uri: "/", method: .get).text
            #expect(home.contains("<a href=\"/calendar/2020-2021\">"))
            let cluster = try await client.execute(uri: "/clusters/nevsky-exact", method: .get).text
            #expect(cluster.contains("<a href=\"/clusters/nevsky-exact/calendar/2020-2021\">Календарь кластера на учебный год</a>"))
            let school = try await client.execute(uri: "/schools/344", method: .get).text
            #expect(school.contains("<a href=\"/schools/344/calendar/2020-2021\">Календарь школы на учебный год</a>"))
        }
    }

    @Test(arguments: [("344", true), ("№344", true), ("лицей", true), ("ЛИЦЕЙ 344", true), ("Лицей невского", true),
                      ("гимназия", false), ("498", false)])
    func theSchoolSearchFindsByNumberOrWord(query: String, finds344: Bool) async throws {
        let site = try await TestSite()
        try await site.app.test(.router) { client in
            let encoded = try #require(query.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let response = try await client.execute(uri: "/schools?q=\(encoded)", method: .get)
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("<a href=\"/schools/344\">ГБОУ лицей № 344 Невского района</a>") == finds344)
            #expect(html.contains("value=\"\(escaped(query))\""))
            #expect(html.contains("Найдено школ: "))
        }
    }

    @Test func theSearchOrdersTheNumberFirstAndSaysWhenNothingIsFound() async throws {
        let site = try await TestSite()
        try await site.app.test(.router) { client in
            let byNumber = try await client.execute(uri: "/schools?q=344", method: .get).text
            #expect(byNumber.contains("Найдено школ: 1"))
            let byWord = try await client.execute(uri: "/schools?q=%D0%BB%D0%B8%D1%86%D0%B5%D0%B9", method: .get).text  // лицей
            #expect(byWord.contains("/schools/344\"") && byWord.contains("/schools/329\""))
            #expect(!byWord.contains("/schools/498\""))
            // A form sends spaces as "+".
            let plus = try await client.execute(uri: "/schools?q=%D0%BB%D0%B8%D1%86%D0%B5%D0%B9+344", method: .get).text
            #expect(plus.contains("value=\"лицей 344\""))
            #expect(plus.contains("Найдено школ: 1"))
            let none = try await client.execute(uri: "/schools?q=99999", method: .get).text
            #expect(none.contains("Найдено школ: 0"))
            #expect(none.contains("Такой школы нет."))
            #expect(none.contains("<a href=\"/schools\">Все школы</a>"))
            let long = try await client.execute(uri: "/schools?q=\(String(repeating: "a", count: 101))", method: .get)
            #expect(long.status == .badRequest)
            #expect(long.text.contains("запрос длиннее 100 знаков"))
            // Without a query: every school, grouped by district.
            let all = try await client.execute(uri: "/schools", method: .get).text
            let snapshot = try await site.snapshot()
            #expect(all.components(separatedBy: "<li><a href=\"/schools/").count - 1 == snapshot.district.schools.count)
            #expect(all.contains("<section id=\"\(try await nevskyAnchor(site))\">\n<h2>Невский район Санкт-Петербурга</h2>"))
        }
    }

    @Test func theHomePageIsADistrictPickerWithTheNextEventsAndTheSearch() async throws {
        let site = try await TestSite()
        try await site.app(today: LocalDate(year: 2019, month: 12, day: 1)!).test(.router) { client in
            let html = try await client.execute(uri: "/", method: .get).text
            #expect(html.contains("<form class=\"search\" method=\"get\" action=\"/schools\" role=\"search\">"))
            #expect(html.contains("<input id=\"q\" name=\"q\" type=\"search\" value=\"\""))
            for district in ["Невский район Санкт-Петербурга", "Кировский район Санкт-Петербурга", "Миллеровский район Ростовской области"] {
                #expect(html.components(separatedBy: district).count - 1 == 1, "\(district) once")
            }
            #expect(!html.contains("; "))
            // No list of every school: they are behind the search and the district's list.
            #expect(!html.contains("<a href=\"/schools/344\">"))
            let nevsky = try await nevskyAnchor(site)
            #expect(html.contains("<section class=\"district\" id=\"\(nevsky)\">\n<h3>Невский район Санкт-Петербурга</h3>"))
            #expect(html.contains("<a href=\"/schools#\(nevsky)\">Школы района (7)</a>"))
            #expect(html.contains("<h2>Ближайшие мероприятия</h2>"))
            let next = try #require(html.components(separatedBy: "<ul class=\"next\">").last?.components(separatedBy: "</ul>").first)
            #expect(next.hasPrefix("\n<li><span class=\"when\">вторник, 17 декабря 2019, 15:00–"))
            #expect(next.components(separatedBy: "<li>").count - 1 == 4)
        }
    }

    @Test func clusterAndSchoolPagesPutTheNextEventFirstInPlainWords() async throws {
        let site = try await TestSite()
        try await site.app(today: LocalDate(year: 2020, month: 1, day: 10)!).test(.router) { client in
            for uri in ["/clusters/nevsky-exact", "/schools/498"] {
                let html = try await client.execute(uri: uri, method: .get).text
                let card = try #require(html.range(of: "<section class=\"card\">"))
                let table = try #require(html.range(of: "<table class=\"events\">"))
                let subscribe = try #require(html.range(of: "<section class=\"subscribe\">"))
                #expect(card.lowerBound < table.lowerBound && table.lowerBound < subscribe.lowerBound, "\(uri)")
                #expect(html.contains("<h2>Ближайшее мероприятие</h2>\n<p class=\"when\">четверг, 13 февраля 2020, 15:00–"))
                #expect(html.contains("<th>Номер</th><th>Дата</th><th>Время</th><th>Мероприятие</th><th>Площадка</th><th>Статус</th>"))
                #expect(html.contains("<td class=\"when\" data-label=\"Дата\">среда, 16 октября 2019</td>"))
                for abbreviation in ["вер.", "уч. г", ">чт ", ">ср ", "; "] { #expect(!html.contains(abbreviation), "\(uri): \(abbreviation)") }
            }
            let cluster = try await client.execute(uri: "/clusters/nevsky-exact", method: .get).text
            #expect(cluster.components(separatedBy: "Невский район Санкт-Петербурга").count - 1 == 1)
        }
        // When everything is past, the card shows the last event.
        try await site.app(today: LocalDate(year: 2021, month: 6, day: 30)!).test(.router) { client in
            let html = try await client.execute(uri: "/clusters/nevsky-exact", method: .get).text
            #expect(html.contains("<h2>Последнее мероприятие</h2>\n<p class=\"when\">четверг, 15 апреля 2021, 15:00–"))
        }
    }

    @Test func aPreviewMarksMovedEventsAndWhereTheyWere() async throws {
        let site = try await TestSite()
        var snapshot = try await site.snapshot()
        let index = try #require(snapshot.events.firstIndex { $0.id == EventID(cluster: "nevsky-exact", number: 1) })
        let old = try #require(snapshot.events[index].state.date)
        let new = old.adding(days: 7)
        snapshot.events[index].state.date = new
        let content = SiteContent(snapshot: snapshot, options: TestSite.options, pages: try PageRenderer())
        let marks: [EventID: CalendarMark] = [snapshot.events[index].id: .moved(from: old)]
        let calendar = try content.yearCalendar(.cluster("nevsky-exact"), year: AcademicYear(startYear: 2019), marks: marks)
        #expect(calendar.day(new)?.events.map(\.mark) == [.moved(from: old)])
        #expect(calendar.day(old)?.departed.map(\.id.number) == [1])
        #expect(calendar.day(old)?.events.isEmpty == true)
        let html = try content.calendarPage(.cluster("nevsky-exact"), year: AcademicYear(startYear: 2019),
                                            today: LocalDate(year: 2019, month: 9, day: 1)!, marks: marks)
        #expect(try #require(cell(html, new.description)).contains("<a class=\"ev moved\" href=\"/events/nevsky-exact/1\""))
        #expect(try #require(cell(html, old.description)).contains("<span class=\"ev was\""))
        #expect(html.contains("перенесено с 16 октября 2019"))
    }
}

/// The id of the Nevsky district's section on the home page and the school list.
func nevskyAnchor(_ site: TestSite) async throws -> String {
    let content = SiteContent(snapshot: try await site.snapshot(), options: TestSite.options, pages: try PageRenderer())
    let index = try #require(content.districtNames.firstIndex(of: "Невский район Санкт-Петербурга"))
    return "district-\(index + 1)"
}

/// The `<td>` of one day in a calendar page, from its opening tag to `</td>`.
func cell(_ html: String, _ iso: String) -> String? {
    guard let marker = html.range(of: "data-date=\"\(iso)\""),
          let open = html.range(of: "<td", options: .backwards, range: html.startIndex..<marker.lowerBound),
          let close = html.range(of: "</td>", range: marker.upperBound..<html.endIndex) else { return nil }
    return String(html[open.lowerBound..<close.upperBound])
}

