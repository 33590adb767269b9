import Planning

/// What a methodist chose when running a grouping: the method, the results it reads, the thresholds.
public struct GroupingSettings: Hashable, Sendable {
    public var method: ClusteringMethod
    public var year: AcademicYear
    /// nil: every subject of the year.
    public var subject: String?
    public var capacity: Int
    public var options: ClassificationOptions

    public init(method: ClusteringMethod, year: AcademicYear, subject: String? = nil, capacity: Int = 3,
                options: ClassificationOptions = ClassificationOptions()) {
        self.method = method
        self.year = year
        self.subject = subject
        self.capacity = capacity
        self.options = options
    }

    /// The rows of the stored results this grouping reads.
    public func rows(of results: [ResultRow]) -> [ResultRow] {
        results.filter { row in
            row.measure.year == year && (subject.map { row.measure.subject.lowercased() == $0.lowercased() } ?? true)
        }
    }

    /// The same rows one year later, for monitoring.
    public var nextYear: GroupingSettings {
        var next = self
        next.year = year.next
        return next
    }
}

/// One school of a stored grouping: its group, its support site (for a mentee) and why.
public struct GroupedSchool: Hashable, Sendable {
    public var school: String
    public var name: String?
    public var contingent: Contingent?
    /// Relative to the district's value (1.0 = the district).
    public var relativeResult: Double?
    public var group: Group
    /// The support site of a school that needs support, when paired.
    public var site: String?
    /// Why paired with this site, why unpaired, or why without a group.
    public var reason: String?

    public init(school: String, name: String? = nil, contingent: Contingent? = nil, relativeResult: Double? = nil, group: Group,
                site: String? = nil, reason: String? = nil) {
        self.school = school
        self.name = name
        self.contingent = contingent
        self.relativeResult = relativeResult
        self.group = group
        self.site = site
        self.reason = reason
    }
}

/// A grouping as stored: a dated version (numbered by the store) of groups and support-site pairs,
/// which a methodist may adjust by hand.
public struct SupportGrouping: Hashable, Sendable {
    /// 0 until stored.
    public var id: Int
    public var settings: GroupingSettings
    /// Unix seconds.
    public var createdAt: Int64
    public var login: String
    /// In the order of the results.
    public var schools: [GroupedSchool]

    public init(id: Int = 0, settings: GroupingSettings, createdAt: Int64, login: String, schools: [GroupedSchool]) {
        self.id = id
        self.settings = settings
        self.createdAt = createdAt
        self.login = login
        self.schools = schools
    }

    /// Classifies the year's rows and pairs the support sites (as `cluster-schools` does).
    public init(running settings: GroupingSettings, on results: [ResultRow], at now: Int64, by login: String) {
        let schools = classify(settings.rows(of: results), method: settings.method, options: settings.options)
        let pairing = pairSupportSites(schools, capacity: settings.capacity)
        let pairs = Dictionary(pairing.pairs.map { ($0.mentee, $0) }, uniquingKeysWith: { a, _ in a })
        let unpaired = Dictionary(pairing.unpaired.map { ($0.school, $0.reason) }, uniquingKeysWith: { a, _ in a })
        self.init(settings: settings, createdAt: now, login: login, schools: schools.map { school in
            let pair = pairs[school.id]
            let reason = pair.map { SupportGrouping.pairReason(distance: $0.distance) } ?? unpaired[school.id] ?? school.reason
            return GroupedSchool(school: school.id, name: school.profile.name, contingent: school.contingent,
                                 relativeResult: school.relativeResult, group: school.group, site: pair?.site, reason: reason)
        })
    }

    /// Why the pairing chose a site.
    public static func pairReason(distance: Double) -> String {
        "тот же контингент, ближайшие маркеры (расстояние \(format(distance)))"
    }

    /// The support cluster of this grouping's year: its road maps' events live there.
    public var supportClusterID: String { "support-\(settings.year.startYear)" }

    public func school(_ id: String) -> GroupedSchool? { schools.first { $0.school == id } }

    /// The schools of a group, in results order.
    public func members(of group: Group) -> [GroupedSchool] { schools.filter { $0.group == group } }

    /// Sites with their mentees, sites in the order of their first mentee.
    public var pairs: [(site: String, mentees: [String])] {
        var order: [String] = []
        var mentees: [String: [String]] = [:]
        for school in schools {
            guard let site = school.site else { continue }
            if mentees[site] == nil { order.append(site) }
            mentees[site, default: []].append(school.school)
        }
        return order.map { ($0, mentees[$0] ?? []) }
    }

    /// Schools that need support and have no site, with why.
    public var unpaired: [GroupedSchool] { schools.filter { $0.group.needsSupport && $0.site == nil } }

    /// "2x2, 2019/2020, математика": the settings in one line.
    public var title: String {
        "\(settings.method.rawValue), \(settings.year)" + (settings.subject.map { ", \($0)" } ?? ", все предметы")
    }
}

// MARK: Adjusting by hand

extension SupportGrouping {
    /// The school moved to another group of the method. A mentee leaving the low groups loses
    /// its site; a site leaving the high groups leaves its mentees without a site.
    public func moving(_ schoolID: String, to group: Group) throws(FieldProblems) -> (SupportGrouping, [FieldChange]) {
        guard let index = schools.firstIndex(where: { $0.school == schoolID }) else {
            throw FieldProblems(field: "school", "школы «\(schoolID)» нет в группировке")
        }
        guard settings.method.groups.contains(group) else {
            throw FieldProblems(field: "group", "группа «\(group.rawValue)» не из метода \(settings.method.rawValue)")
        }
        let old = schools[index]
        guard old.group != group else { return (self, []) }
        var next = self
        var changes = [FieldChange(field: "grouping \(id): \(schoolID) group", old: old.group.rawValue, new: group.rawValue)]
        next.schools[index].group = group
        next.schools[index].reason = "перемещена вручную"
        if !group.needsSupport, let site = old.site {
            next.schools[index].site = nil
            changes.append(FieldChange(field: "grouping \(id): \(schoolID) site", old: site, new: nil))
        }
        if !group.canSupport {
            for i in next.schools.indices where next.schools[i].site == schoolID {
                next.schools[i].site = nil
                next.schools[i].reason = "опорная площадка \(schoolID) перемещена в другую группу"
                changes.append(FieldChange(field: "grouping \(id): \(next.schools[i].school) site", old: schoolID, new: nil))
            }
        }
        return (next, changes)
    }

    /// The mentee's support site replaced (nil: none). The site must be in a high-result group and
    /// have room within the grouping's capacity.
    public func changingMentor(of menteeID: String, to siteID: String?) throws(FieldProblems) -> (SupportGrouping, [FieldChange]) {
        guard let index = schools.firstIndex(where: { $0.school == menteeID }) else {
            throw FieldProblems(field: "school", "школы «\(menteeID)» нет в группировке")
        }
        let mentee = schools[index]
        guard mentee.group.needsSupport else {
            throw FieldProblems(field: "school", "школа \(menteeID) не в группе с низкими результатами: опорная площадка ей не назначается")
        }
        guard mentee.site != siteID else { return (self, []) }
        if let siteID {
            guard let site = school(siteID), site.group.canSupport else {
                throw FieldProblems(field: "site", "«\(siteID)» — не школа с высокими результатами этой группировки")
            }
            let load = schools.filter { $0.site == siteID }.count
            guard load < settings.capacity else {
                throw FieldProblems(field: "site", "опорная площадка \(siteID) уже ведёт \(load) ОО (не более \(settings.capacity))")
            }
        }
        var next = self
        next.schools[index].site = siteID
        next.schools[index].reason = siteID == nil ? "пара снята вручную" : "назначена вручную"
        return (next, [FieldChange(field: "grouping \(id): \(menteeID) site", old: mentee.site, new: siteID)])
    }
}

extension SupportGrouping {
    /// "Группировка № 1 (2x2, 2019/2020, все предметы): кластер 1 — 12, …; пар 17, без пары 0."
    public var summary: String {
        let counts = settings.method.groups.map { "\($0.shortTitle) — \(members(of: $0).count)" }
        let insufficient = members(of: .insufficient).count
        return "Группировка № \(id) (\(title)): " + counts.joined(separator: ", ")
            + (insufficient > 0 ? ", недостаточно данных — \(insufficient)" : "")
            + "; пар \(pairs.map(\.mentees.count).reduce(0, +)), без пары \(unpaired.count)."
    }
}
