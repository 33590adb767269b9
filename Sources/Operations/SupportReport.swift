import Clustering
import Foundation
import Planning
import Reports
import Store

extension SupportProgrammes {
    /// The «Адресная поддержка» section of the methodist's report: groups, pairs with their
    /// road-map actions planned and held, and the movers against the next year's results.
    public static func reportSection(_ grouping: SupportGrouping, _ monitoring: SupportMonitoring) -> SupportSection {
        let counts = Dictionary(monitoring.roadMaps.map { ($0.school, $0) }, uniquingKeysWith: { a, _ in a })
        return SupportSection(
            grouping: "Группировка № \(grouping.id) (\(grouping.title)); \(grouping.settings.options.statement(for: grouping.settings.method))",
            groups: grouping.settings.method.groups.map { .init(title: $0.title, schools: grouping.members(of: $0).count) },
            pairs: grouping.pairs.map { site, mentees in
                .init(site: site, mentees: mentees, planned: mentees.compactMap { counts[$0]?.planned }.reduce(0, +),
                      held: mentees.compactMap { counts[$0]?.held }.reduce(0, +))
            },
            unpaired: grouping.unpaired.map { "\($0.school) (\($0.reason ?? ""))" },
            nextYear: monitoring.table == nil ? nil : monitoring.nextYear.description,
            movedUp: monitoring.movedUp.map(\.line), fellBack: monitoring.fellBack.map(\.line))
    }

    /// The annual report of the support year (the one after the results) with the section, as
    /// `format`; HTML links `stylesheet` when given (the site's `/report.css`).
    public static func report(_ grouping: SupportGrouping, in store: some DistrictStore, format: ReportFormat,
                              stylesheet: String? = nil, today: LocalDate) async throws -> Data {
        let snapshot = try await store.snapshot()
        let followUp = try await monitoring(grouping, in: store)
        do {
            var report = try buildReport(snapshot, year: grouping.settings.year.next, today: today)
            report.support = reportSection(grouping, followUp)
            if format == .html, let stylesheet { return Data(renderHTML(report, stylesheet: stylesheet).utf8) }
            return try render(report, as: format)
        } catch ReportError.nothingInYear(let y) {
            throw Failure("за \(y) учебный год отчитываться не о чем: ни один план кластера его не охватывает")
        }
    }
}

extension SupportProgrammes {
    /// The methodist's start page: the latest grouping and how its schools moved.
    public static func homeLines(_ grouping: SupportGrouping, _ monitoring: SupportMonitoring) -> [String] {
        var lines = [grouping.summary]
        let planned = monitoring.roadMaps.map(\.planned).reduce(0, +), held = monitoring.roadMaps.map(\.held).reduce(0, +)
        lines.append("Дорожных карт: \(monitoring.roadMaps.count), мероприятий проведено \(held) из \(planned).")
        if monitoring.table != nil {
            lines.append("Результаты \(monitoring.nextYear): поднялись \(monitoring.movedUp.count)"
                + (monitoring.movedUp.isEmpty ? "" : " (\(monitoring.movedUp.map(\.school).joined(separator: ", ")))")
                + ", опустились \(monitoring.fellBack.count)"
                + (monitoring.fellBack.isEmpty ? "" : " (\(monitoring.fellBack.map(\.school).joined(separator: ", ")))") + ".")
        }
        return lines
    }
}
