import Planning

/// Seed 002's stage 5: the next year's results beside a stored grouping — who moved up, who fell
/// back, how each support site's mentees moved, and how many road-map actions were held.
public struct SupportMonitoring: Hashable, Sendable {
    public struct Move: Hashable, Sendable {
        public var school: String
        public var from: Group
        /// nil: no results (or too few) the next year.
        public var to: Group?
        public init(school: String, from: Group, to: Group?) { self.school = school; self.from = from; self.to = to }
    }

    public struct SiteMoves: Hashable, Sendable {
        public var site: String
        public var mentees: [Move]
        public var up: Int { mentees.filter { $0.isUp }.count }
        public var back: Int { mentees.filter { $0.isBack }.count }
    }

    public struct RoadMapCount: Hashable, Sendable {
        public var school: String
        public var planned: Int
        public var held: Int
    }

    public var grouping: SupportGrouping
    public var nextYear: AcademicYear
    /// nil: no results stored for the next year yet.
    public var table: TransitionTable?
    public var movedUp: [Move]
    public var fellBack: [Move]
    public var sites: [SiteMoves]
    public var roadMaps: [RoadMapCount]

    /// `results`: every stored row; `held`: whether the support cluster's event of that number was held.
    public init(_ grouping: SupportGrouping, results: [ResultRow], roadMaps: [RoadMap], held: (Int) -> Bool) {
        self.grouping = grouping
        let next = grouping.settings.nextYear
        nextYear = next.year
        let rows = next.rows(of: results)
        var later: [String: Group] = [:]
        if rows.isEmpty {
            table = nil
        } else {
            let assessed = classify(rows, method: next.method, options: next.options)
            for school in assessed { later[school.id] = school.group }
            let earlier = grouping.schools.map { SchoolAssessment(profile: SchoolProfile(id: $0.school), contingent: $0.contingent, group: $0.group) }
            table = transitions(from: earlier, to: assessed)
        }
        let moves = rows.isEmpty ? [] : grouping.schools.map { Move(school: $0.school, from: $0.group, to: later[$0.school]) }
        movedUp = moves.filter(\.isUp)
        fellBack = moves.filter(\.isBack)
        let moveOf = Dictionary(moves.map { ($0.school, $0) }, uniquingKeysWith: { a, _ in a })
        sites = grouping.pairs.map { site, mentees in SiteMoves(site: site, mentees: mentees.compactMap { moveOf[$0] }) }
        self.roadMaps = roadMaps.map { map in
            let events = map.actions.compactMap(\.event)
            return RoadMapCount(school: map.school, planned: map.actions.count, held: events.filter(held).count)
        }
    }
}

extension SupportMonitoring.Move {
    /// Up: into a group with better results (low to high, below to within or above).
    public var isUp: Bool { (to.flatMap(\.resultRank) ?? -1) > (from.resultRank ?? Int.max) }
    public var isBack: Bool { (to.flatMap(\.resultRank) ?? Int.max) < (from.resultRank ?? -1) }

    /// "221: кластер 1 → кластер 2"
    public var line: String { "\(school): \(from.shortTitle) → \(to?.shortTitle ?? "нет результатов")" }
}

extension Group {
    /// How good the results of the group are, to tell up from back; nil without a judgement.
    public var resultRank: Int? {
        switch self {
        case .below, .complexLow, .favourableLow: 0
        case .within: 1
        case .above: 2
        case .complexHigh, .favourableHigh: 2
        case .insufficient: nil
        }
    }
}
