import Planning
import Tabular

/// Everything `cluster-schools` produces from one results file.
public struct ClusteringReport: Sendable {
    public var district: String
    public var method: ClusteringMethod
    public var options: ClassificationOptions
    /// What the results cover after filtering ("ВПР, математика; 2019/2020"), for the clusters' profile.
    public var scope: String
    public var schools: [SchoolAssessment]
    public var clusters: [Cluster]
    public var pairing: Pairing
    /// Against the previous year's results, when given.
    public var transitions: TransitionTable?

    public init(district: String, method: ClusteringMethod, options: ClassificationOptions = ClassificationOptions(),
                scope: String, rows: [ResultRow], previousRows: [ResultRow]? = nil, capacity: Int = 3) {
        self.district = district
        self.method = method
        self.options = options
        self.scope = scope
        let schools = classify(rows, method: method, options: options)
        self.schools = schools
        pairing = pairSupportSites(schools, capacity: capacity)
        transitions = previousRows.map { Clustering.transitions(from: classify($0, method: method, options: options), to: schools) }
        clusters = makeClusters(schools, method: method, district: district,
                                profile: "\(scope). \(options.statement(for: method))")
    }
}

/// One plan-file cluster per non-empty group, in the seeds' order. The lead is the member with the
/// best result relative to the district (ties: first in the results file); members keep file order.
public func makeClusters(_ schools: [SchoolAssessment], method: ClusteringMethod, district: String? = nil,
                         profile: String? = nil) -> [Cluster] {
    method.groups.compactMap { group in
        let members = schools.filter { $0.group == group }
        guard let first = members.first else { return nil }
        let lead = members.dropFirst().reduce(first) { best, school in
            (school.relativeResult ?? -.infinity) > (best.relativeResult ?? -.infinity) ? school : best
        }
        return Cluster(id: group.clusterID, title: group.title, district: district, profile: profile,
                       lead: lead.id, members: members.map(\.id))
    }
}

extension Group {
    /// For table cells and the transition matrix.
    public var shortTitle: String {
        switch self {
        case .below: "ниже интервала"
        case .within: "в интервале"
        case .above: "выше интервала"
        case .complexLow: "кластер 1"
        case .complexHigh: "кластер 2"
        case .favourableLow: "кластер 3"
        case .favourableHigh: "кластер 4"
        case .insufficient: "недостаточно данных"
        }
    }
}

extension TransitionTable {
    /// The matrix as text lines: rows = the earlier year's group, columns = the later year's.
    public func matrixLines() -> [String] {
        let groups = self.groups
        func label(_ g: Group?) -> String { g?.shortTitle ?? "нет результатов" }
        let header = ["было \\ стало"] + groups.map(label)
        let rows = groups.map { from in [label(from)] + groups.map { String(count(from: from, to: $0)) } }
        return TextTable(header: header, rows: rows).lines
    }
}

/// The per-school table that `--format` prints.
public struct ReportTable: Hashable, Sendable {
    /// Machine keys (CSV header, JSON keys).
    public var keys: [String]
    /// Russian column titles for the text table.
    public var titles: [String]
    public var rows: [[String]]

    public init(keys: [String], titles: [String], rows: [[String]]) {
        self.keys = keys
        self.titles = titles
        self.rows = rows
    }

    public func text() -> String { TextTable(header: titles, rows: rows).text }

    public func csv() -> String {
        ([keys] + rows).map { $0.map(csvQuoted).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}

extension ClusteringReport {
    public func table() -> ReportTable {
        var keys = ["school", "name", "contingent", "relative_result", "z", "group", "cluster", "support", "note"]
        var titles = ["ОО", "Название", "Контингент", "Результат, % района", "z", "Группа", "Кластер", "Опорная площадка / подопечные", "Примечание"]
        let siteOf = Dictionary(pairing.pairs.map { ($0.mentee, $0.site) }, uniquingKeysWith: { a, _ in a })
        let menteesOf = Dictionary(pairing.bySite.map { ($0.site, $0.mentees) }, uniquingKeysWith: { a, _ in a })
        let unpairedReason = Dictionary(pairing.unpaired.map { ($0.school, $0.reason) }, uniquingKeysWith: { a, _ in a })
        // Schools that did not move were in the same group a year ago.
        let movedFrom = Dictionary((transitions?.moved ?? []).map { ($0.school, $0.move.from) }, uniquingKeysWith: { a, _ in a })
        if transitions != nil {
            keys.append("previous_group")
            titles.append("Группа год назад")
        }
        let rows = schools.map { school in
            var support = ""
            if let site = siteOf[school.id] { support = "→ \(site)" }
            if let mentees = menteesOf[school.id] { support = "ведёт: " + mentees.joined(separator: ", ") }
            let contingent: String = school.contingent.map { $0 == .complex ? "сложный" : "благополучный" } ?? ""
            let note: String = school.reason ?? unpairedReason[school.id].map { "без пары: \($0)" } ?? ""
            var row: [String] = [
                school.id,
                school.profile.name ?? "",
                contingent,
                school.relativeResult.map { format($0 * 100) } ?? "",
                school.combinedZ.map(format) ?? "",
                school.group.shortTitle,
                school.group == .insufficient ? "" : school.group.clusterID,
                support,
                note,
            ]
            if transitions != nil {
                if let from = movedFrom[school.id] {
                    row.append(from?.shortTitle ?? "нет результатов")
                } else {
                    row.append(school.group.shortTitle)
                }
            }
            return row
        }
        return ReportTable(keys: keys, titles: titles, rows: rows)
    }

    /// A plan file (contract v1) with the clusters; thresholds, recommendations, pairings and the
    /// transition table go into comments, since contract v1 has no keys for them.
    public func planFile(recommendations: Recommendations = Recommendations()) -> String {
        var out: [String] = []
        func comment(_ text: String, indent: String = "") { out.append(indent + "# " + oneLine(text)) }

        comment("Сформировано командой clusterplan cluster-schools, метод \(method.rawValue).")
        comment("Данные: \(scope).")
        comment("Пороги: \(options.statement(for: method))")
        out.append("version: 1")
        out.append("district: \(yamlQuoted(district))")
        out.append("schools:")
        for school in schools {
            out.append("  - id: \(yamlQuoted(school.id))")
            out.append("    name: \(yamlQuoted(school.profile.name ?? "ОО \(school.id)"))")
            out.append("    kind: \((school.profile.kind ?? .school).rawValue)")
            if let contingent = school.contingent { out.append("    contingent: \(contingent.rawValue)") }
        }
        out.append("clusters:")
        for cluster in clusters {
            if let group = method.groups.first(where: { $0.clusterID == cluster.id }) {
                for (role, items) in recommendations.items(for: group) {
                    comment("\(role.title):", indent: "  ")
                    for item in items { comment("  - \(item)", indent: "  ") }
                }
            }
            out.append("  - id: \(yamlQuoted(cluster.id))")
            out.append("    title: \(yamlQuoted(cluster.title))")
            if let profile = cluster.profile { out.append("    profile: \(yamlQuoted(profile))") }
            out.append("    lead: \(yamlQuoted(cluster.lead))")
            out.append("    members: [\(cluster.members.map(yamlQuoted).joined(separator: ", "))]")
        }
        if clusters.isEmpty { out[out.count - 1] = "clusters: []" }

        if !pairing.pairs.isEmpty {
            comment("Опорные площадки (не более \(pairing.capacity) ОО на площадку, пары по схожести контингента):")
            for (site, mentees) in pairing.bySite { comment("  \(site) ← \(mentees.joined(separator: ", "))") }
        }
        if !pairing.unpaired.isEmpty {
            comment("Без пары:")
            for school in pairing.unpaired { comment("  \(school.school): \(school.reason)") }
        }
        let insufficient = schools.filter { $0.group == .insufficient }
        if !insufficient.isEmpty {
            comment("Недостаточно данных (в кластеры не включены):")
            for school in insufficient { comment("  \(school.id): \(school.reason ?? "")") }
        }
        if let transitions {
            comment("Переходы между группами по сравнению с предыдущим годом:")
            for line in transitions.matrixLines() { comment("  " + line) }
        }
        return out.joined(separator: "\n") + "\n"
    }
}

private func oneLine(_ text: String) -> String {
    String(text.map { $0.isNewline ? " " : $0 })
}
