import Foundation
import Planning

extension SiteContent {
    /// Longer queries are refused (400): nothing a person types to find a school is this long.
    public static let maxQueryLength = 100

    /// Schools whose number, name or address hold every word of `query` (case and ё/е aside),
    /// the one whose id is the query first. An empty query finds nothing.
    public func searchSchools(_ query: String) -> [School] {
        let words = Self.searchWords(query)
        guard !words.isEmpty else { return [] }
        let found = district.schools.filter { school in
            let text = Self.searchWords([school.id, school.name, school.address ?? ""].joined(separator: " ")).joined(separator: " ")
            return words.allSatisfy { text.contains($0) }
        }
        let exact = words.joined(separator: " ")
        return found.filter { $0.id.lowercased() == exact } + found.filter { $0.id.lowercased() != exact }
    }

    /// The school list: every school grouped by district, or what `query` finds (`/schools?q=344`).
    public func schoolsPage(query: String) throws(SiteError) -> String {
        let query = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard query.count <= Self.maxQueryLength else {
            throw .badParameter("запрос длиннее \(Self.maxQueryLength) знаков; введите номер школы или слово из названия")
        }
        let shown = query.isEmpty ? district.schools : searchSchools(query)
        let groups = districtNames.enumerated().compactMap { index, name -> SchoolsPage.Group? in
            let schools = shown.filter { districtName(of: $0) == name }
            guard !schools.isEmpty else { return nil }
            return .init(name: name, anchor: districtAnchor(index),
                         schools: schools.map { .init(href: options.href(SitePaths.school($0.id)), name: $0.name) })
        }
        return pages.render("schools", SchoolsPage(
            title: query.isEmpty ? "Школы" : "Поиск школы: «\(query)»", home: options.href("/"), timezone: district.timezone,
            search: searchBox(query: query),
            summary: query.isEmpty ? nil : "Найдено школ: \(shown.count)",
            nothingFound: !query.isEmpty && shown.isEmpty,
            allHref: query.isEmpty ? nil : options.href(SitePaths.schools),
            groups: groups))
    }

    func searchBox(query: String) -> SearchBox { SearchBox(action: options.href(SitePaths.schools), query: query) }

    /// Lower case, ё as е, split on anything that is not a letter or digit (`№344` is `344`).
    static func searchWords(_ text: String) -> [String] {
        text.lowercased().replacingOccurrences(of: "ё", with: "е")
            .split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }
}
