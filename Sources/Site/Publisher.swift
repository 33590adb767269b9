import Reports
import ICal
import Planning

/// `publish`: the site as static files, for nginx or any web server. The feeds are the very
/// strings `serve` answers with; every page is `<path>/index.html`, so `/clusters/<id>` works on
/// any static host (a directory answered by its index) without a rewrite rule.
public struct Publisher {
    public let content: SiteContent
    public let today: LocalDate

    public init(content: SiteContent, today: LocalDate) {
        self.content = content
        self.today = today
    }

    public enum PublishError: Error, CustomStringConvertible {
        case unsafeID(String)

        public var description: String {
            switch self {
            case .unsafeID(let id): "идентификатор «\(id)» нельзя сделать именем файла"
            }
        }
    }

    /// Every file of the site, relative path -> bytes, in a stable order.
    public func files() throws -> [(path: String, text: String)] {
        var files: [(String, String)] = []
        for (scope, _) in content.feedPaths + content.eventFeedPaths {
            let name: String? = switch scope {
            case .district: "feeds/district.ics"
            case .cluster(let id): "feeds/clusters/\(try fileName(id)).ics"
            case .school(let id): "feeds/schools/\(try fileName(id)).ics"
            case .event(let id): "feeds/events/\(try fileName(id.cluster))/\(id.number).ics"
            // Personal feeds are private: a static copy never has them.
            case .personal: nil
            }
            guard let name else { continue }
            files.append((name, try content.feed(scope).text))
        }
        files.append(("style.css", siteStylesheet))
        files.append(("report.css", reportStylesheet))
        files.append(("index.html", content.indexPage(today: today)))
        // The search needs the server; here the list page is the whole list, grouped by district.
        files.append(("schools/index.html", try content.schoolsPage(query: "")))
        try calendars(.district(nil), at: "calendar", into: &files)
        for cluster in content.district.clusters {
            files.append(("clusters/\(try fileName(cluster.id))/index.html", try content.clusterPage(cluster.id, today: today)))
            try calendars(.cluster(cluster.id), at: "clusters/\(try fileName(cluster.id))/calendar", into: &files)
        }
        for school in content.district.schools {
            files.append(("schools/\(try fileName(school.id))/index.html", try content.schoolPage(school.id, today: today)))
            try calendars(.school(school.id), at: "schools/\(try fileName(school.id))/calendar", into: &files)
        }
        for event in content.snapshot.events {
            files.append(("events/\(try fileName(event.event.clusterID))/\(event.event.number)/index.html",
                          try content.eventPage(cluster: event.event.clusterID, number: event.event.number)))
        }
        for year in content.reportYears {
            files.append(("reports/\(year.startYear)-\(year.startYear + 1)/index.html", try content.reportPage(year: year, today: today)))
        }
        files.append(("404.html", content.pages.errorPage(title: "Страница не найдена", message: "такой страницы нет",
                                                          home: content.options.href("/"), timezone: content.district.timezone)))
        return files
    }

    /// A scope's calendar for each of its years (`<dir>/2019-2020/index.html`) and the year it opens on (`<dir>/index.html`).
    private func calendars(_ scope: CalendarScope, at directory: String, into files: inout [(String, String)]) throws {
        files.append(("\(directory)/index.html", try content.calendarPage(scope, year: nil, today: today)))
        for year in try content.calendarYears(scope) {
            files.append(("\(directory)/\(year.startYear)-\(year.startYear + 1)/index.html",
                          try content.calendarPage(scope, year: year, today: today)))
        }
    }

    /// The id itself, as nginx will look it up after decoding the URL.
    private func fileName(_ id: String) throws(PublishError) -> String {
        guard !id.isEmpty, id != ".", id != "..", !id.contains("/"), !id.contains("\0") else { throw .unsafeID(id) }
        return id
    }
}
