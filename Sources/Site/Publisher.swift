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
        for (scope, _) in content.feedPaths {
            let name: String = switch scope {
            case .district: "feeds/district.ics"
            case .cluster(let id): "feeds/clusters/\(try fileName(id)).ics"
            case .school(let id): "feeds/schools/\(try fileName(id)).ics"
            }
            files.append((name, try content.feed(scope).text))
        }
        files.append(("style.css", siteStylesheet))
        files.append(("report.css", reportStylesheet))
        files.append(("index.html", content.indexPage()))
        for cluster in content.district.clusters {
            files.append(("clusters/\(try fileName(cluster.id))/index.html", try content.clusterPage(cluster.id)))
        }
        for school in content.district.schools {
            files.append(("schools/\(try fileName(school.id))/index.html", try content.schoolPage(school.id)))
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

    /// The id itself, as nginx will look it up after decoding the URL.
    private func fileName(_ id: String) throws(PublishError) -> String {
        guard !id.isEmpty, id != ".", id != "..", !id.contains("/"), !id.contains("\0") else { throw .unsafeID(id) }
        return id
    }
}
